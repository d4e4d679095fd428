package com.custom.cognito.providerlink.local.emulator;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The emulator's answers where public sources do not settle what the real service does. Each is one switch, named
 * for the behaviour, with its default (the best public evidence) and its source, so the emulator can follow
 * reality once the conformance run ({@code LocalTool conformance}) has measured it; the suites run under every
 * setting to prove the handlers work either way.
 */
public final class Behaviour {

    /**
     * Before mid-2024, "already linked" was answered with the misleading "Invalid SourceUser: Cognito users with a
     * username/password may not be passed in as a SourceUser…" text (boto/boto3#4163, aws/aws-sdk#766).
     */
    public boolean legacyAlreadyLinkedMessage = false;

    /** Whether removing the last link leaves {@code identities} as {@code []} (true) or removes the attribute (false).
     * Undocumented. */
    public boolean emptyIdentitiesKeptAsEmptyArray = true;

    /** Whether "provider not configured" is checked before "destination user missing". Undocumented order. */
    public boolean providerCheckedBeforeDestination = false;

    /** The field-reported limit: provider name + "_" + value must fit a 128-character username (aws/aws-sdk-js-v3#6985). */
    public boolean federatedUsernameLimit = false;

    /**
     * For this many AdminGetUser and ListUsers calls after a link or unlink, show the user as it was before it:
     * eventual consistency, which the API reference documents for ListUsers and no source reports for AdminGetUser.
     */
    public int readLagCalls = 0;

    /**
     * Whether AdminLinkProviderForUser finds a native destination by an alias or {@code sub} as AdminGetUser does; the
     * API reference says the value "should be the username". The handlers link by the username AdminGetUser answered,
     * so they work either way.
     */
    public boolean linkFindsDestinationByAlias = true;

    /**
     * Whether an email or phone alias (AliasAttributes) stands for its user only once verified: "only one user can hold
     * the email address value as the email_verified attribute" (re:Post, "How do I troubleshoot issues with an Amazon
     * Cognito user's email_verified attribute?").
     */
    public boolean aliasNeedsVerification = true;

    /**
     * "Error, yet linked": the link is made although Cognito answers "Merging is not currently supported…" for a source
     * that has its own profile (aws/aws-sdk-net#1000).
     */
    public boolean linkDespiteMergeRefusal = false;

    /**
     * "Error, yet linked": a call that links is answered with the pre-2024 "Invalid SourceUser: Cognito users with a
     * username/password may not be passed in as a SourceUser…" text (aws/aws-sdk-js-v3#5281, aws-amplify/amplify-js#13334).
     */
    public boolean linkAnsweredWithLegacyRefusal = false;

    /**
     * Whether linking an identity that another user already holds is answered with AliasExistsException "Source identity
     * is already linked to a user in this user pool", as another public emulator answers it (floci-io/floci,
     * CognitoService.adminLinkProviderForUser), instead of InvalidParameterException "SourceUser is already linked to
     * DestinationUser" (the research's reading of the field reports). The handlers read back either way.
     */
    public boolean alreadyLinkedAnsweredAsAliasExists = false;

    /**
     * Whether ListUsers' exact and prefix filters on email, phone_number, name, given_name, family_name and
     * preferred_username ignore case; the API reference states case only for username, status and cognito:user_status.
     */
    public boolean filterIgnoresCase = false;

    /**
     * The switches under which Cognito answers an error to a call that made the link ("error, yet linked"): under them a
     * create is never claimed, whatever the handlers do, because nothing tells that link from another stack's.
     */
    public static Set<String> errorYetLinked() {
        return Set.of("linkDespiteMergeRefusal", "linkAnsweredWithLegacyRefusal");
    }

    public static Behaviour defaults() {
        return new Behaviour();
    }

    /** Every switch's name, for listings and for the conformance report. */
    public static List<String> switches() {
        final List<String> names = new ArrayList<>();
        for (Field field : Behaviour.class.getFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                names.add(field.getName());
            }
        }
        return names;
    }

    /** Back to the defaults, in place (the emulator's operations keep a reference to this object). */
    void restoreDefaults() {
        final Behaviour defaults = defaults();
        try {
            for (Field field : Behaviour.class.getFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    field.set(this, field.get(defaults));
                }
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
