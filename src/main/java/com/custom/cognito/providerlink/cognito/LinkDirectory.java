package com.custom.cognito.providerlink.cognito;

import com.custom.cognito.providerlink.model.ProviderLink;
import com.custom.cognito.providerlink.model.SourceIdentity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.LongSupplier;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import software.amazon.cloudformation.proxy.ProxyClient;

/**
 * Reading links out of Cognito. There is no "describe link" API: a link shows only as an entry in the destination
 * user's {@code identities} attribute, which AdminGetUser returns and ListUsers can neither filter on nor request
 * alone, so finding links across a pool means paging through every user.
 */
public final class LinkDirectory {

    /** A page of links for CloudFormation, and where the next one starts (null at the end of the pool). */
    public record Page(List<ProviderLink> links, String nextToken) {
    }

    /** How much of the pool one List invocation reads before handing CloudFormation a token. */
    public record Budget(int minLinks, int maxPages, Duration maxTime) {
    }

    private LinkDirectory() {
    }

    /** Whether the destination user holds the source identity; AdminGetUser, consistent unlike ListUsers. */
    public static boolean holds(final ProxyClient<CognitoIdentityProviderClient> client, final AdminGetUserRequest request,
                                final SourceIdentity source) {
        return Identities.of(client.injectCredentialsAndInvokeV2(request, client.client()::adminGetUser).userAttributes()).holds(source);
    }

    public static boolean isLinked(final ProxyClient<CognitoIdentityProviderClient> client, final ProviderLink link) {
        return holds(client, CognitoRequests.getUser(link.userPoolId(), link.destination()), link.source());
    }

    /**
     * Reads whole ListUsers pages from {@code first} until the pool ends or the budget is spent (a page cannot be
     * resumed midway: Cognito's token only points at the next one). Pages may hold no link at all.
     */
    public static Page collect(final ProxyClient<CognitoIdentityProviderClient> client, final ListUsersRequest first,
                               final Budget budget, final LongSupplier nanoClock) {
        final long deadline = nanoClock.getAsLong() + budget.maxTime().toNanos();
        final List<ProviderLink> links = new ArrayList<>();
        int pages = 0;
        for (ListUsersResponse page : pages(client, first)) {
            pages++;
            page.users().forEach(user -> links.addAll(Identities.linksOf(first.userPoolId(), user)));
            if (page.paginationToken() == null
                || links.size() >= budget.minLinks() || pages >= budget.maxPages() || nanoClock.getAsLong() >= deadline) {
                return new Page(links, page.paginationToken());
            }
        }
        throw new IllegalStateException("pages() always yields a first page");
    }

    /** The link that holds {@code source} anywhere in the pool, searching at most {@code maxPages} pages. */
    public static Optional<ProviderLink> findHolder(final ProxyClient<CognitoIdentityProviderClient> client, final String userPoolId,
                                                    final SourceIdentity source, final int maxPages) {
        int pages = 0;
        for (ListUsersResponse page : pages(client, CognitoRequests.listUsers(userPoolId, null))) {
            for (UserType user : page.users()) {
                final Optional<ProviderLink> holder = Identities.linksOf(userPoolId, user).stream()
                    .filter(link -> link.source().equals(source))
                    .findFirst();
                if (holder.isPresent()) {
                    return holder;
                }
            }
            if (++pages >= maxPages) {
                break;
            }
        }
        return Optional.empty();
    }

    /**
     * ListUsers pages, fetched one at a time as they are iterated. (The proxy's iterable variant would fetch every
     * page up front, to log each one.)
     */
    private static Iterable<ListUsersResponse> pages(final ProxyClient<CognitoIdentityProviderClient> client,
                                                     final ListUsersRequest first) {
        return () -> new Iterator<>() {
            private ListUsersRequest next = first;

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public ListUsersResponse next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                final ListUsersResponse page = client.injectCredentialsAndInvokeV2(next, client.client()::listUsers);
                next = page.paginationToken() == null ? null : first.toBuilder().paginationToken(page.paginationToken()).build();
                return page;
            }
        };
    }
}
