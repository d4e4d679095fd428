package com.custom.cognito.providerlink.model;

import java.util.Objects;
import java.util.Set;

/**
 * An external identity, as far as Cognito records it: the identity provider's name and the value that identifies
 * the identity there. The attribute name that value belongs to is known only from the template (Cognito does not
 * store it), so it is null for an identity observed in Cognito or decoded from an {@code Id}.
 *
 * <p>It can never be a native user: {@code AdminDisableProviderForUser} with provider {@code Cognito} does not unlink
 * anything, it disables the user's password sign-in (API reference, AdminDisableProviderForUser). Holding that
 * invariant here makes such a call impossible to build.
 */
public final class SourceIdentity {

    /** The provider name of native (username and password) users. */
    public static final String NATIVE_PROVIDER = "Cognito";
    /** The attribute name that means "the subject the identity provider issued". */
    public static final String SUBJECT_ATTRIBUTE = "Cognito_Subject";
    /** Social providers link only by subject (Developer Guide, "Linking federated users to an existing user profile"). */
    public static final Set<String> SOCIAL_PROVIDERS = Set.of("Google", "Facebook", "LoginWithAmazon", "SignInWithApple");

    private final String providerName;
    private final String attributeName;
    private final String value;

    private SourceIdentity(final String providerName, final String attributeName, final String value) {
        if (NATIVE_PROVIDER.equals(providerName)) {
            throw new IllegalArgumentException("a source identity is never a native Cognito user");
        }
        this.providerName = Objects.requireNonNull(providerName);
        this.attributeName = attributeName;
        this.value = Objects.requireNonNull(value);
    }

    /** An identity as Cognito shows it, without the attribute name. */
    public static SourceIdentity observed(final String providerName, final String value) {
        return new SourceIdentity(providerName, null, value);
    }

    /** An identity as the template declares it. */
    public static SourceIdentity declared(final String providerName, final String attributeName, final String value) {
        return new SourceIdentity(providerName, attributeName, value);
    }

    public static boolean isNative(final String providerName) {
        return NATIVE_PROVIDER.equals(providerName);
    }

    public String providerName() {
        return providerName;
    }

    public String value() {
        return value;
    }

    /** The attribute name from the template, or null when only what Cognito shows is known. */
    public String attributeName() {
        return attributeName;
    }

    /** The declared attribute name, else the subject: always right for a social provider, and for SAML/OIDC until a link by
     * attribute. */
    public String attributeNameOrSubject() {
        return attributeName != null ? attributeName : SUBJECT_ATTRIBUTE;
    }

    public boolean isSocial() {
        return SOCIAL_PROVIDERS.contains(providerName);
    }

    /** Same identity as Cognito sees it: provider and value, case-sensitive; the attribute name plays no part. */
    public boolean sameIdentityAs(final String otherProviderName, final String otherValue) {
        return providerName.equals(otherProviderName) && value.equals(otherValue);
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof SourceIdentity
            && sameIdentityAs(((SourceIdentity) other).providerName, ((SourceIdentity) other).value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(providerName, value);
    }

    /** Never prints the value: it identifies a person. */
    @Override
    public String toString() {
        return providerName + " identity";
    }
}
