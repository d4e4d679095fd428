package com.custom.cognito.providerlink.local.emulator;

/**
 * The emulator's answers where public sources do not settle what the real service does ([UNVERIFIED] in
 * {@code cognito-semantics.md}). Each is one switch, so the emulator can follow reality once it is known; the
 * defaults are the research's best guess. Tests flip them to prove the handlers work either way.
 */
public final class Behaviour {

    /**
     * Before mid-2024, "already linked" was answered with the misleading "Invalid SourceUser: Cognito users with a
     * username/password may not be passed in as a SourceUser…" text (boto/boto3#4163).
     */
    public boolean legacyAlreadyLinkedMessage = false;

    /** Whether removing the last link leaves {@code identities} as {@code []} (true) or removes the attribute (false). */
    public boolean emptyIdentitiesKeptAsEmptyArray = true;

    /** Whether "provider not configured" is checked before "destination user missing" (the real order is unknown). */
    public boolean providerCheckedBeforeDestination = false;

    /** The field-reported limit: provider name + "_" + value must fit a 128-character username (aws-sdk-js-v3#6985). */
    public boolean federatedUsernameLimit = false;

    /**
     * For this many AdminGetUser and ListUsers calls after a link or unlink, show the user as it was before it:
     * eventual consistency, which the service documents for ListUsers and no source reports for AdminGetUser.
     */
    public int readLagCalls = 0;

    public static Behaviour defaults() {
        return new Behaviour();
    }

    /** Back to the defaults, in place (the emulator's operations keep a reference to this object). */
    void restoreDefaults() {
        final Behaviour defaults = defaults();
        legacyAlreadyLinkedMessage = defaults.legacyAlreadyLinkedMessage;
        emptyIdentitiesKeptAsEmptyArray = defaults.emptyIdentitiesKeptAsEmptyArray;
        providerCheckedBeforeDestination = defaults.providerCheckedBeforeDestination;
        federatedUsernameLimit = defaults.federatedUsernameLimit;
        readLagCalls = defaults.readLagCalls;
    }
}
