package com.custom.cognito.providerlink.model;

import java.util.Objects;

/**
 * The user an identity is linked to: a native user ({@code Cognito} and a username) or an existing federated user
 * (its provider and the provider's user id, whose Cognito username is {@code <Provider>_<id>}).
 */
public final class Destination {

    /** UsernameType's maximum length (service model). */
    public static final int MAX_USERNAME_LENGTH = 128;

    private final String providerName;
    private final String value;

    private Destination(final String providerName, final String value) {
        this.providerName = Objects.requireNonNull(providerName);
        this.value = Objects.requireNonNull(value);
    }

    public static Destination of(final String providerName, final String value) {
        return new Destination(providerName, value);
    }

    public static Destination nativeUser(final String username) {
        return new Destination(SourceIdentity.NATIVE_PROVIDER, username);
    }

    public String providerName() {
        return providerName;
    }

    public String value() {
        return value;
    }

    public boolean isNative() {
        return SourceIdentity.isNative(providerName);
    }

    /**
     * The name AdminGetUser looks up. Federated profiles are named {@code <ProviderName>_<id>} (Developer Guide,
     * e.g. {@code LoginWithAmazon_amzn1.account.AFAEXAMPLE}).
     */
    public String username() {
        return isNative() ? value : providerName + "_" + value;
    }

    /**
     * The same user as Cognito names it: {@code username} is what AdminGetUser answered for this destination, which
     * it finds by username, by an alias (email, phone number) or by {@code sub}, case-insensitively in pools that
     * ask for it (API reference, AdminGetUser).
     */
    public Destination resolvedAs(final String username) {
        if (isNative()) {
            return nativeUser(username);
        }
        final String prefix = providerName + "_";
        return username.regionMatches(true, 0, prefix, 0, prefix.length())
            ? new Destination(providerName, username.substring(prefix.length()))
            : this;
    }

    /** How a message names this user: a username is already in the template, so it may appear. */
    public String describe() {
        return isNative() ? "user '" + value + "'" : "federated user '" + username() + "'";
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof Destination
            && providerName.equals(((Destination) other).providerName)
            && value.equals(((Destination) other).value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(providerName, value);
    }

    @Override
    public String toString() {
        return isNative() ? "native user" : providerName + " user";
    }
}
