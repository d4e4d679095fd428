package com.custom.cognito.providerlink.model;

import java.util.Objects;

/** One link: in user pool {@code userPoolId}, the external {@code source} identity signs in as {@code destination}. */
public final class ProviderLink {

    private final String userPoolId;
    private final Destination destination;
    private final SourceIdentity source;

    public ProviderLink(final String userPoolId, final Destination destination, final SourceIdentity source) {
        this.userPoolId = Objects.requireNonNull(userPoolId);
        this.destination = Objects.requireNonNull(destination);
        this.source = Objects.requireNonNull(source);
    }

    public String userPoolId() {
        return userPoolId;
    }

    public Destination destination() {
        return destination;
    }

    public SourceIdentity source() {
        return source;
    }

    /** The Region the pool is in, and so where Cognito is called: a user pool ID starts with it ({@code us-east-1_EXAMPLE}). */
    public String region() {
        return userPoolId.substring(0, userPoolId.indexOf('_'));
    }

    /** The identifier CloudFormation keeps; see {@link LinkId}. */
    public String id() {
        return LinkId.format(this);
    }

    /** The identifier of this link while a create cannot yet call it its own; see {@link LinkId}. */
    public String pendingId() {
        return LinkId.formatPending(this);
    }

    /** The same link, with the destination as Cognito names it (AdminGetUser's answer for the declared one). */
    public ProviderLink withDestinationResolvedAs(final String username) {
        return new ProviderLink(userPoolId, destination.resolvedAs(username), source);
    }

    /** The same link, now also knowing the source attribute name the template gave. */
    public ProviderLink withSourceAttributeName(final String attributeName) {
        return new ProviderLink(userPoolId, destination,
            SourceIdentity.declared(source.providerName(), attributeName, source.value()));
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof ProviderLink
            && userPoolId.equals(((ProviderLink) other).userPoolId)
            && destination.equals(((ProviderLink) other).destination)
            && source.equals(((ProviderLink) other).source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(userPoolId, destination, source);
    }

    /** Names providers and the pool only: values identify people and stay out of logs. */
    @Override
    public String toString() {
        return "link of a " + source + " to a " + destination + " in " + userPoolId;
    }
}
