package com.custom.cognito.providerlink.cognito;

import com.custom.cognito.providerlink.model.ProviderLink;
import com.custom.cognito.providerlink.model.SourceIdentity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/**
 * Reading links out of Cognito's user pages. There is no "describe link" API: a link shows only as an entry in the
 * destination user's {@code identities} attribute, which AdminGetUser returns and ListUsers can neither filter on
 * nor request alone, so finding links across a pool means paging through every user.
 */
public final class LinkDirectory {

    /** A page of links for CloudFormation, and where the next one starts (null at the end of the pool). */
    public record Page(List<ProviderLink> links, String nextToken) {

        public Page {
            links = List.copyOf(links);
        }
    }

    /**
     * How much of the pool one List invocation reads before handing CloudFormation a token: it stops after the page
     * on which it has found at least {@code stopAfterAtLeastLinks} links, or once {@code maxTime} has passed. A page
     * of users cannot be split (Cognito's token only points at the next one), so a page may hold more links.
     */
    public record Budget(int stopAfterAtLeastLinks, Duration maxTime) {
    }

    private LinkDirectory() {
    }

    /** Reads whole ListUsers pages from {@code first} until the pool ends or the budget is spent; pages may hold no link. */
    static Page collect(final Function<ListUsersRequest, ListUsersResponse> listUsers, final ListUsersRequest first,
        final Budget budget, final LongSupplier nanoClock) {
        final long deadline = nanoClock.getAsLong() + budget.maxTime().toNanos();
        final List<ProviderLink> links = new ArrayList<>();
        ListUsersRequest request = first;
        while (true) {
            final ListUsersResponse page = listUsers.apply(request);
            page.users().forEach(user -> links.addAll(Identities.linksOf(first.userPoolId(), user)));
            if (page.paginationToken() == null || links.size() >= budget.stopAfterAtLeastLinks()
                || nanoClock.getAsLong() >= deadline) {
                return new Page(links, page.paginationToken());
            }
            request = first.toBuilder().paginationToken(page.paginationToken()).build();
        }
    }

    /** The {@code sub} of the user that holds {@code source} anywhere in the pool, searching at most {@code maxPages} pages. */
    static Optional<String> findHolder(final Function<ListUsersRequest, ListUsersResponse> listUsers, final String userPoolId,
        final SourceIdentity source, final int maxPages) {
        ListUsersRequest request = CognitoRequests.listUsers(userPoolId, null);
        for (int pages = 0; request != null && pages < maxPages; pages++) {
            final ListUsersResponse page = listUsers.apply(request);
            for (UserType user : page.users()) {
                if (Identities.linksOf(userPoolId, user).stream().anyMatch(link -> link.source().equals(source))) {
                    return Optional.of(Identities.subOf(user));
                }
            }
            request = page.paginationToken() == null ? null : request.toBuilder().paginationToken(page.paginationToken()).build();
        }
        return Optional.empty();
    }
}
