package com.custom.cognito.providerlink.handlers;

import com.custom.cognito.providerlink.CallbackContext;
import com.custom.cognito.providerlink.ResourceModel;
import com.custom.cognito.providerlink.cognito.Attempts;
import com.custom.cognito.providerlink.cognito.ClientBuilder;
import com.custom.cognito.providerlink.cognito.CognitoAction;
import com.custom.cognito.providerlink.cognito.LinkDirectory;
import com.custom.cognito.providerlink.model.Translator;
import com.custom.cognito.providerlink.pacing.Pause;
import java.time.Duration;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;

/**
 * List: every link in a user pool, a time budget of ListUsers pages per invocation, continued through
 * {@code nextToken} (Cognito's own pagination token), so that each invocation returns within the 30-second list
 * limit whatever the pool's size, also when the UserList quota or the service's answer time slows the pages down.
 * Links are read from the {@code identities} attribute on the client side: Cognito cannot filter on it.
 */
public class ListHandler extends BaseHandlerStd {

    /** A page is handed back once it holds this many links (fewer when the caller asks for fewer), or after this time. */
    static final int LINKS_PER_PAGE = 1000;
    /**
     * Most of the 30-second limit, leaving room for what the budget cannot stop: a cold start (about 1 s), and the
     * page in flight when it runs out, which a throttled answer retries for up to 7.5 s ({@code Attempts}). Pages are
     * read back to back, so a large pool takes few invocations even when each page is slow (figures in
     * docs/performance.md).
     */
    static final Duration TIME_PER_PAGE = Duration.ofSeconds(18);

    private final LongSupplier nanoClock;

    public ListHandler() {
        this(new ClientBuilder(), Pause.SLEEP, System::nanoTime);
    }

    public ListHandler(final ClientBuilder clients, final Pause pause, final LongSupplier nanoClock) {
        super(clients, pause);
        this.nanoClock = nanoClock;
    }

    @Override
    protected ProgressEvent<ResourceModel, CallbackContext> handle(final Invocation invocation) {
        final String userPoolId = Translator.toUserPoolId(invocation.model());
        final Integer maxResults = invocation.request().getMaxResults();
        final LinkDirectory.Budget budget = new LinkDirectory.Budget(maxResults == null
            ? LINKS_PER_PAGE
            : Math.max(1, maxResults), TIME_PER_PAGE);
        invocation.logger().log("Listing the links of " + userPoolId);
        final LinkDirectory.Page page = invocation.cognito().list(userPoolId, invocation.request().getNextToken(), budget,
            nanoClock);
        return ProgressEvent.<ResourceModel, CallbackContext>builder()
            .resourceModels(page.links().stream().map(Translator::toModel).collect(Collectors.toList()))
            .nextToken(page.nextToken())
            .status(OperationStatus.SUCCESS)
            .build();
    }

    @Override
    protected Attempts attempts(final Pause pause) {
        return Attempts.synchronous(pause);
    }

    @Override
    public Set<CognitoAction> actions() {
        return Set.of(CognitoAction.LIST_USERS);
    }
}
