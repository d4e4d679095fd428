package com.custom.cognito.providerlink.cognito;

import com.custom.cognito.providerlink.model.LinkException;
import com.custom.cognito.providerlink.model.ProviderLink;
import com.custom.cognito.providerlink.model.SourceIdentity;
import com.custom.cognito.providerlink.ownership.Ownership;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.IdentityProviderType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.IdentityProviderTypeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.cloudformation.proxy.ProxyClient;

/**
 * Links as Cognito keeps them, behind the five operations that touch them: look a destination up (AdminGetUser),
 * link, unlink by every name Cognito may know the identity by (with DescribeIdentityProvider for those names), and
 * list users to find links (ListUsers). Every call goes through {@link Attempts}; every mutation reads its target
 * before each attempt and reports each attempt to the operation's {@link Ownership}; every failure is translated here,
 * naming the call that failed, so that the handlers never see an SDK exception.
 */
public final class LinkGateway {

    /** How many ListUsers pages (60 users each) a create reads to find the user that already holds an identity. */
    public static final int HOLDER_SEARCH_PAGES = 20;

    /** What AdminGetUser shows of a link's destination: the username Cognito knows it by, and whether it holds the source. */
    public record Lookup(String username, boolean holdsSource) {
    }

    private final ProxyClient<CognitoIdentityProviderClient> client;
    private final Attempts attempts;

    public LinkGateway(final ProxyClient<CognitoIdentityProviderClient> client, final Attempts attempts) {
        this.client = client;
        this.attempts = attempts;
    }

    /** Read and Delete: the link's destination. A destination user that no longer exists took its links with it. */
    public Lookup lookUp(final ProviderLink link) {
        return getUser(link).map(user -> lookup(user, link)).orElseThrow(() -> LinkFailures.destinationGone(link));
    }

    /** Whether the destination shows the link now; false when the user does not exist. */
    public boolean shows(final ProviderLink link) {
        return getUser(link).map(user -> lookup(user, link).holdsSource()).orElse(false);
    }

    /**
     * Links {@code link}, whose destination may still be in the form the template wrote (an alias, a {@code sub}):
     * before each attempt the destination is read, which resolves it to the username Cognito knows ({@code resolved}
     * hears it at once, and the attempt links by it) and tells whether the identity is there already. It is then this
     * operation's only if {@code ownership} may claim it. A refused attempt is read back before it is reported: a link
     * that shows then is claimed only after an attempt in doubt; after a refused first attempt it is not, whatever
     * Cognito's words, because it may be another stack's.
     */
    public void link(final ProviderLink link, final Ownership ownership, final Consumer<String> resolved) {
        final ProviderLink[] target = {link};
        try {
            attempts.mutate(ownership, () -> {
                final Lookup destination = destinationOf(target[0]);
                target[0] = target[0].withDestinationResolvedAs(destination.username());
                resolved.accept(destination.username());
                if (!destination.holdsSource()) {
                    return true;
                }
                if (ownership.claimsEffect()) {
                    return false;
                }
                // Refused, then throttled while reading back: the link appeared after this create's own refused attempt.
                throw ownership.state() == Ownership.State.REFUSED
                    ? LinkFailures.refusedYetShown(target[0], "an earlier attempt"
                        + " of this create was refused")
                    : LinkFailures.alreadyExists(target[0]);
            }, () -> client.injectCredentialsAndInvokeV2(CognitoRequests.link(target[0]),
                client.client()::adminLinkProviderForUser));
        } catch (LinkException | Ownership.NotSent e) {
            throw e;
        } catch (RuntimeException e) {
            settleRefusedLink(target[0], ownership, e);
        }
    }

    /** After a link call failed: claims the link when it is ours, and otherwise throws what the failure means. */
    private void settleRefusedLink(final ProviderLink link, final Ownership ownership, final RuntimeException e) {
        if (CognitoErrors.isThrottling(e) || CognitoErrors.isUnanswered(e)) {
            throw CognitoErrors.translate(e, CognitoErrors.Call.on(CognitoAction.LINK, link));
        }
        if (shows(link)) {
            if (ownership.claimsEffect()) {
                return;
            }
            throw CognitoErrors.isAlreadyLinked(e)
                ? LinkFailures.madeByAnother(link)
                : LinkFailures.refusedYetShown(link, CognitoErrors.cognitoMessage(e));
        }
        if (CognitoErrors.isAlreadyLinked(e) || CognitoErrors.isLegacyAlreadyLinked(e)) {
            throw LinkFailures.heldElsewhere(link, findHolder(link), HOLDER_SEARCH_PAGES * CognitoRequests.MAX_PAGE_SIZE);
        }
        if (CognitoErrors.isAliasConflict(e)) {
            final Optional<String> holder = findHolder(link);
            if (holder.isPresent()) {
                throw LinkFailures.heldElsewhere(link, holder, HOLDER_SEARCH_PAGES * CognitoRequests.MAX_PAGE_SIZE);
            }
        }
        throw CognitoErrors.translate(e, CognitoErrors.Call.on(CognitoAction.LINK, link));
    }

    /**
     * Unlinks by naming the source identity (Cognito finds the destination itself), after reading, before each
     * attempt, that the destination still holds it: AdminDisableProviderForUser would otherwise remove the identity
     * from whichever user holds it now. Cognito unlinks a SAML (and presumably OIDC) identity only when it is named by
     * the attribute it was linked with, until its first sign-in (API reference, AdminDisableProviderForUser), and does
     * not store that attribute; so when Cognito answers "isn't linked" while the destination still shows the identity,
     * the other names it could be linked by are tried: the subject, then each user-pool attribute the provider maps.
     * A link found gone is this operation's doing only if {@code ownership} may claim it; otherwise NotFound.
     *
     * @return nothing once the link is gone; otherwise the names Cognito answered "isn't linked" to while the destination
     *     still showed the identity (linked by a name not tried, or a read that lags behind an unlink)
     */
    public Set<String> unlink(final ProviderLink link, final Ownership ownership) {
        final Set<String> tried = new LinkedHashSet<>();
        final Attempts.Target stillHeld = () -> {
            final Optional<AdminGetUserResponse> destination = getUser(link);
            if (destination.map(user -> lookup(user, link).holdsSource()).orElse(false)) {
                return true;
            }
            if (ownership.claimsEffect()) {
                return false;
            }
            throw destination.isEmpty()
                ? LinkFailures.destinationGone(link)
                : tried.isEmpty() ? LinkFailures.notFound(link) : LinkFailures.removedByAnother(link);
        };
        if (unlinkBy(link, link.source().attributeNameOrSubject(), ownership, stillHeld, tried)) {
            return Set.of();
        }
        for (String attribute : otherAttributeNames(link)) {
            if (!tried.contains(attribute) && unlinkBy(link, attribute, ownership, stillHeld, tried)) {
                return Set.of();
            }
        }
        return stillHeld.needsCall() ? tried : Set.of();
    }

    /** True when the identity is gone and that is ours; false when Cognito answered that it isn't linked by that name. */
    private boolean unlinkBy(final ProviderLink link, final String attribute, final Ownership ownership,
        final Attempts.Target stillHeld, final Set<String> tried) {
        try {
            attempts.mutate(ownership, stillHeld, () -> client.injectCredentialsAndInvokeV2(
                CognitoRequests.unlink(link.userPoolId(), link.source(), attribute),
                client.client()::adminDisableProviderForUser));
            return true;
        } catch (LinkException | Ownership.NotSent e) {
            throw e;
        } catch (RuntimeException e) {
            tried.add(attribute);
            if (CognitoErrors.isNotLinked(e)) {
                return false;
            }
            throw CognitoErrors.translate(e, CognitoErrors.Call.on(CognitoAction.UNLINK, link));
        }
    }

    private Set<String> otherAttributeNames(final ProviderLink link) {
        final Set<String> names = new LinkedHashSet<>(Set.of(SourceIdentity.SUBJECT_ATTRIBUTE));
        if (link.source().isSocial()) {
            return names;
        }
        final Optional<IdentityProviderType> provider = describeProvider(link);
        provider.filter(p -> p.providerType() == IdentityProviderTypeType.SAML
            || p.providerType() == IdentityProviderTypeType.OIDC)
            .ifPresent(p -> names.addAll(new TreeSet<>(p.attributeMapping().keySet())));
        return names;
    }

    private Optional<IdentityProviderType> describeProvider(final ProviderLink link) {
        try {
            return Optional.of(attempts.read(() -> client.injectCredentialsAndInvokeV2(
                CognitoRequests.describeProvider(link.userPoolId(), link.source().providerName()),
                client.client()::describeIdentityProvider)).identityProvider());
        } catch (ResourceNotFoundException providerGone) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw CognitoErrors.translate(e, CognitoErrors.Call.on(CognitoAction.DESCRIBE_PROVIDER, link));
        }
    }

    /** Create's read: the user the destination resolves to (by username, alias or sub); it must exist. */
    private Lookup destinationOf(final ProviderLink link) {
        try {
            return lookup(attempts.read(() -> client.injectCredentialsAndInvokeV2(CognitoRequests.getUser(link),
                client.client()::adminGetUser)), link);
        } catch (RuntimeException e) {
            throw CognitoErrors.translate(e, CognitoErrors.Call.on(CognitoAction.GET_USER, link));
        }
    }

    private Optional<AdminGetUserResponse> getUser(final ProviderLink link) {
        try {
            return Optional.of(attempts.read(() -> client.injectCredentialsAndInvokeV2(CognitoRequests.getUser(link),
                client.client()::adminGetUser)));
        } catch (UserNotFoundException gone) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw CognitoErrors.translate(e, CognitoErrors.Call.on(CognitoAction.GET_USER, link));
        }
    }

    private static Lookup lookup(final AdminGetUserResponse user, final ProviderLink link) {
        return new Lookup(user.username(), Identities.of(user.userAttributes()).holds(link.source()));
    }

    /** The {@code sub} of the user that holds the link's source identity, among the first pages of users. */
    private Optional<String> findHolder(final ProviderLink link) {
        try {
            return LinkDirectory.findHolder(this::listUsersPage, link.userPoolId(), link.source(), HOLDER_SEARCH_PAGES);
        } catch (RuntimeException e) {
            throw CognitoErrors.translate(e, CognitoErrors.Call.on(CognitoAction.LIST_USERS, link));
        }
    }

    /** One List invocation's worth of links, from Cognito's {@code token} on. */
    public LinkDirectory.Page list(final String userPoolId, final String token, final LinkDirectory.Budget budget,
        final LongSupplier nanoClock) {
        try {
            return LinkDirectory.collect(this::listUsersPage, CognitoRequests.listUsers(userPoolId, token), budget, nanoClock);
        } catch (RuntimeException e) {
            throw CognitoErrors.translate(e, CognitoErrors.Call.onPool(CognitoAction.LIST_USERS, userPoolId));
        }
    }

    private ListUsersResponse listUsersPage(final ListUsersRequest request) {
        return attempts.read(() -> client.injectCredentialsAndInvokeV2(request, client.client()::listUsers));
    }
}
