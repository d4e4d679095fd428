package com.custom.cognito.providerlink.cognito;

import com.custom.cognito.providerlink.model.ProviderLink;
import com.custom.cognito.providerlink.model.SourceIdentity;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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
 * Links as Cognito keeps them, behind the four operations that touch them: look a link up (AdminGetUser), link,
 * unlink by every name Cognito may know the identity by, and find who holds an identity (ListUsers). Every call
 * goes through {@link Attempts}, and every failure is translated here, naming the call that failed, so that the
 * handlers never see an SDK exception.
 */
public final class LinkGateway {

    /** How many ListUsers pages (60 users each) a create reads to name the user that already holds an identity. */
    public static final int HOLDER_SEARCH_PAGES = 20;

    /** The destination user as Cognito names it, and whether it holds the link's source identity. */
    public record Destination(String username, boolean holdsSource) {
    }

    private final ProxyClient<CognitoIdentityProviderClient> client;
    private final Attempts attempts;

    public LinkGateway(final ProxyClient<CognitoIdentityProviderClient> client, final Attempts attempts) {
        this.client = client;
        this.attempts = attempts;
    }

    /** Create's pre-check: the user the declared destination resolves to (by username, alias or sub); it must exist. */
    public Destination destinationOf(final ProviderLink declared) {
        try {
            return destination(attempts.read(() -> client.injectCredentialsAndInvokeV2(CognitoRequests.getUser(declared),
                client.client()::adminGetUser)), declared);
        } catch (RuntimeException e) {
            throw CognitoErrors.translate(e, CognitoErrors.Call.on(CognitoAction.GET_USER, declared));
        }
    }

    /** Read and Delete: the link's destination. A destination user that no longer exists took its links with it. */
    public Destination lookUp(final ProviderLink link) {
        return getUser(link).map(user -> destination(user, link)).orElseThrow(() -> LinkFailures.destinationGone(link));
    }

    /** Whether the destination shows the link now; empty when the user does not exist. AdminGetUser is consistent. */
    public Optional<Boolean> shows(final ProviderLink link) {
        return getUser(link).map(user -> destination(user, link).holdsSource());
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

    private static Destination destination(final AdminGetUserResponse user, final ProviderLink link) {
        return new Destination(user.username(), Identities.of(user.userAttributes()).holds(link.source()));
    }

    /**
     * Links {@code link}, claiming it only when our own call may have made it. "Already linked" is ours only if an
     * earlier attempt of this operation may have landed (the ledger says so) and the destination shows the link;
     * to a first attempt it means another stack or process made it. Any other refusal, the pre-2024 "Invalid
     * SourceUser" text included, is read back before it is reported, because Cognito has answered errors to calls that
     * linked: a link that shows then is this call's.
     */
    public void link(final ProviderLink link, final MutationLedger ledger) {
        try {
            attempts.mutate(ledger, () -> client.injectCredentialsAndInvokeV2(CognitoRequests.link(link),
                client.client()::adminLinkProviderForUser));
            ledger.recordTookEffect();
        } catch (RuntimeException e) {
            if (CognitoErrors.isAlreadyLinked(e)) {
                claimOrRefuse(link, ledger);
            } else if (CognitoErrors.mayHaveLinkedAnyway(e) && shows(link).orElse(false)) {
                ledger.recordTookEffect();
            } else if (CognitoErrors.isLegacyAlreadyLinked(e)) {
                throw LinkFailures.heldElsewhere(link, findHolder(link), HOLDER_SEARCH_PAGES * CognitoRequests.MAX_PAGE_SIZE);
            } else {
                throw CognitoErrors.translate(e, CognitoErrors.Call.on(CognitoAction.LINK, link));
            }
        }
    }

    private void claimOrRefuse(final ProviderLink link, final MutationLedger ledger) {
        final boolean onDestination = shows(link).orElse(false);
        if (onDestination && ledger.mayHaveTakenEffect()) {
            ledger.recordTookEffect();
            return;
        }
        if (onDestination) {
            throw LinkFailures.madeByAnother(link);
        }
        throw LinkFailures.heldElsewhere(link, findHolder(link), HOLDER_SEARCH_PAGES * CognitoRequests.MAX_PAGE_SIZE);
    }

    /**
     * Unlinks by naming the source identity (Cognito finds the destination itself). Cognito unlinks a SAML (and
     * presumably OIDC) identity only when it is named by the same attribute it was linked with, until its first
     * sign-in (API reference, AdminDisableProviderForUser), and does not store that attribute; so when Cognito answers
     * "isn't linked" while the destination still shows the identity, the other names it could be linked by are tried:
     * the subject, then each user-pool attribute the provider maps. "Isn't linked" for a link that is gone is success
     * only if an attempt of ours may have removed it; otherwise someone else did, and it is NotFound.
     */
    public void unlink(final ProviderLink link, final MutationLedger ledger) {
        final Set<String> tried = new LinkedHashSet<>();
        if (unlinkBy(link, link.source().attributeNameOrSubject(), ledger, tried)) {
            return;
        }
        if (!shows(link).orElse(false)) {
            if (ledger.mayHaveTakenEffect()) {
                ledger.recordTookEffect();
                return;
            }
            throw LinkFailures.removedByAnother(link);
        }
        for (String attribute : otherAttributeNames(link)) {
            if (!tried.contains(attribute) && unlinkBy(link, attribute, ledger, tried)) {
                return;
            }
        }
        throw LinkFailures.stillLinked(link, tried);
    }

    /** True when Cognito unlinked; false when it answered that the identity isn't linked by that name. */
    private boolean unlinkBy(final ProviderLink link, final String attribute, final MutationLedger ledger,
        final Set<String> tried) {
        tried.add(attribute);
        try {
            attempts.mutate(ledger, ()
                -> client.injectCredentialsAndInvokeV2(CognitoRequests.unlink(link.userPoolId(), link.source(), attribute),
                client.client()::adminDisableProviderForUser));
            ledger.recordTookEffect();
            return true;
        } catch (RuntimeException e) {
            if (CognitoErrors.isNotLinked(e)) {
                return false;
            }
            if (CognitoErrors.isUnanswered(e) && !shows(link).orElse(false)) {
                ledger.recordTookEffect();
                return true;
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

    /** The link that holds the source identity anywhere in the pool, among the first pages of users. */
    public Optional<ProviderLink> findHolder(final ProviderLink link) {
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
