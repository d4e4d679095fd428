package com.custom.cognito.providerlink.customresource;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.custom.cognito.providerlink.cognito.ClientBuilder;
import com.custom.cognito.providerlink.handlers.HandlerTable;
import com.custom.cognito.providerlink.ownership.Ownership;
import com.custom.cognito.providerlink.pacing.Pause;
import com.custom.cognito.providerlink.wrapper.LogText;
import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import software.amazon.cloudformation.proxy.Logger;

/**
 * The Lambda entry point of the custom-resource mode ({@code Custom::CognitoProviderLink}): the registry type's
 * handlers behind CloudFormation's custom resource protocol.
 * <ul>
 *   <li>An event is acted on only when it comes from CloudFormation for this function ({@link EventOrigin}); a refused
 *       one gets no Cognito call, and an answer only where its ResponseURL is CloudFormation's.</li>
 *   <li>Every event gets exactly one answer, decided before the function would time out, whatever happens (a failure,
 *       an {@code Error}, a hung call): the work runs on a worker, and at the deadline every operation is closed
 *       atomically with the reading of what may have landed ({@link Runs}).</li>
 *   <li>The same event again in this container (Lambda retries a failed invocation) gets the answer already given; in
 *       another container, its answer cannot replace the first ({@link ResponseUrl}).</li>
 * </ul>
 */
public class CustomResourceHandler implements RequestStreamHandler {

    /**
     * The time kept back from the function's timeout: for the answer's delivery; for an attempt in flight at the
     * deadline to be answered (the client's attempt timeout, and a second); and, for an update, to undo what it made.
     */
    record Budget(Duration answer, Duration settle, Duration undo) {

        static final Budget STANDARD = new Budget(Duration.ofSeconds(5), ClientBuilder.ATTEMPT_TIMEOUT.plusSeconds(1),
            Duration.ofSeconds(20));

        Duration beforeDeciding(final CustomResourceEvent event) {
            final Duration decide = answer.plus(settle);
            return event.requestType() == CustomResourceEvent.RequestType.Update ? decide.plus(undo) : decide;
        }
    }

    private static final int REMEMBERED_ANSWERS = 256;
    private static final Duration POLL = Duration.ofMillis(50);
    private static final ExecutorService SHARED_WORKERS = Executors.newCachedThreadPool(work -> {
        final Thread thread = new Thread(work, "custom-resource");
        thread.setDaemon(true);
        return thread;
    });

    /** What makes one event the same as another: every field CloudFormation uses to tell requests apart. */
    private record AnswerKey(String requestId, String stackId, String logicalResourceId, CustomResourceEvent.RequestType type,
        String responseUrl) {

        static AnswerKey of(final CustomResourceEvent event) {
            return new AnswerKey(event.requestId(), event.stackId(), event.logicalResourceId(), event.requestType(),
                event.responseUrl().toString());
        }
    }

    private final ClientBuilder clients;
    private final HandlerTable handlers;
    private final ResponseUrl responseUrl;
    private final Pause callbackPause;
    private final Budget budget;
    private final String allowedResponsePrefix;
    private final CustomResourceProperties properties;
    private final ExecutorService workers;
    @SuppressFBWarnings(value = "URF_UNREAD_FIELD", justification = "keeps the CRaC resource reachable")
    private SnapshotPriming priming;
    /** The answers this container gave (Lambda makes one handler per container), for a second delivery of an event. */
    private final Map<AnswerKey, CustomResourceResponse> answered = Collections.synchronizedMap(
        new LinkedHashMap<>(16, 0.75f, true) {

            @Override
            protected boolean removeEldestEntry(final Map.Entry<AnswerKey, CustomResourceResponse> eldest) {
                return size() > REMEMBERED_ANSWERS;
            }
        });

    /** Lambda's way in; with SnapStart, the SDK's request path is primed before the snapshot ({@link SnapshotPriming}). */
    public CustomResourceHandler() {
        this(new ClientBuilder(), ResponseUrl.standard(), Pause.SLEEP, Budget.STANDARD, System.getenv(EventOrigin.ALLOW_PREFIX),
            SHARED_WORKERS);
        // Held here: a CRaC context keeps only weak references to what is registered with it.
        this.priming = SnapshotPriming.forThisFunction(clients).register();
    }

    /**
     * @param workers where the work runs while this thread watches the deadline (tests pass their own, to know when
     *                it has stopped)
     */
    CustomResourceHandler(final ClientBuilder clients, final ResponseUrl responseUrl, final Pause callbackPause,
        final Budget budget, final String allowedResponsePrefix, final ExecutorService workers) {
        this.workers = workers;
        this.clients = clients;
        this.handlers = new HandlerTable(clients, callbackPause);
        this.responseUrl = responseUrl;
        this.callbackPause = callbackPause;
        this.budget = budget;
        this.allowedResponsePrefix = allowedResponsePrefix;
        this.properties = new CustomResourceProperties();
    }

    @Override
    public void handleRequest(final InputStream input, final OutputStream output, final Context context) throws IOException {
        final Logger log = line -> context.getLogger().log(LogText.escapeLine(line) + "\n");
        final LongSupplier millisLeft = context::getRemainingTimeInMillis;
        final EventOrigin origin = new EventOrigin(context.getInvokedFunctionArn(), allowedResponsePrefix);
        final CustomResourceEvent event;
        try {
            event = CustomResourceEvent.parse(input.readAllBytes());
        } catch (CustomResourceEvent.Unusable e) {
            log.log("Refused the event: " + e.getMessage());
            e.answerable().filter(reply -> origin.mayAnswerTo(reply.responseUrl()))
                .ifPresent(reply -> answer(reply, CustomResourceResponse.failed(reply, reply.physicalResourceId() != null
                    ? reply.physicalResourceId()
                    : PhysicalId.notCreated(reply.requestId()), e.getMessage()), output, millisLeft,
                    log));
            return;
        }
        final Optional<String> refusal = origin.refusal(event);
        if (refusal.isPresent()) {
            log.log("Refused the event: " + refusal.get());
            if (origin.mayAnswerTo(event.responseUrl())) {
                answer(event, CustomResourceResponse.failed(event, event.physicalResourceId() != null
                    ? event.physicalResourceId()
                    : PhysicalId.notCreated(event.requestId()), refusal.get()), output,
                    millisLeft, log);
            }
            return;
        }
        final AnswerKey key = AnswerKey.of(event);
        final CustomResourceResponse earlier = answered.get(key);
        final CustomResourceResponse response = earlier != null ? earlier : decide(event, origin.account(), millisLeft, log);
        answered.put(key, response);
        log.log(event.requestType() + " of " + event.logicalResourceId() + (earlier != null ? " (answered before)" : "") + ": "
            + (response.success() ? "SUCCESS" : "FAILED"));
        answer(event, response, output, millisLeft, log);
    }

    /**
     * The answer, decided in time: the lifecycle runs on a worker; when the time set aside for deciding comes (or the
     * worker gives up or fails), every operation is closed and the answer is what their records say may have landed,
     * after undoing, in the time kept for it, what an update may have made.
     */
    private CustomResourceResponse decide(final CustomResourceEvent event, final String account, final LongSupplier millisLeft,
        final Logger log) {
        final Duration margin = budget.beforeDeciding(event);
        final Runs runs = runs(log, millisLeft, margin, account);
        final LinkLifecycle lifecycle = new LinkLifecycle(properties, runs);
        final Future<CustomResourceResponse> work = workers.submit(() -> lifecycle.handle(event));
        String why = outOfTime(event);
        try {
            final Optional<CustomResourceResponse> answer = awaitWithin(work, millisLeft, margin);
            if (answer.isPresent()) {
                return answer.get();
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof HandlerRun.OutOfTime || e.getCause() instanceof Ownership.NotSent)) {
                why = "The custom resource handler failed unexpectedly (" + e.getCause().getClass().getSimpleName() + "); retry,"
                    + " and report it if it recurs.";
            }
        }
        close(runs, work);
        final LinkLifecycle.Undo undo = lifecycle.undoPlan(event);
        final Duration undoMargin = budget.answer().plus(budget.settle());
        final Runs undoRuns = runs(log, millisLeft, undoMargin, account);
        final Future<?> undoing = workers.submit(() -> undo.execute(undoRuns));
        try {
            awaitWithin(undoing, millisLeft, undoMargin);
        } catch (ExecutionException e) {
            log.log("Undoing the update failed: " + e.getCause().getClass().getSimpleName());
        }
        close(undoRuns, undoing);
        return lifecycle.afterTimeout(event, why, undo);
    }

    private Runs runs(final Logger log, final LongSupplier millisLeft, final Duration margin, final String account) {
        return new Runs(handlers, clients, log, callbackPause, () -> Duration.ofMillis(millisLeft.getAsLong()).minus(margin),
            account);
    }

    /** The work's result once it is done, or empty once only {@code margin} of the function's time is left. */
    private static <T> Optional<T> awaitWithin(final Future<T> work, final LongSupplier millisLeft, final Duration margin)
        throws ExecutionException {
        try {
            while (true) {
                try {
                    return Optional.ofNullable(work.get(POLL.toMillis(), TimeUnit.MILLISECONDS));
                } catch (TimeoutException e) {
                    if (millisLeft.getAsLong() <= margin.toMillis()) {
                        return Optional.empty();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Ends {@code runs} (nothing leaves afterwards; an attempt in flight settles) and stops the worker that ran them. */
    private void close(final Runs runs, final Future<?> work) {
        try {
            runs.closeAll(budget.settle());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        work.cancel(true);
    }

    private static String outOfTime(final CustomResourceEvent event) {
        return "The function's time ran out before the " + event.requestType() + " finished. Raise the function's Timeout (up"
            + " to 15 minutes; Cognito throttling can make operations wait) and retry.";
    }

    private void answer(final CustomResourceEvent event, final CustomResourceResponse response, final OutputStream output,
        final LongSupplier millisLeft, final Logger log) {
        final byte[] body = response.body();
        if (responseUrl.put(event.responseUrl(), body, millisLeft, log) == ResponseUrl.Delivery.FAILED) {
            log.log("The answer for " + event.logicalResourceId() + " was not delivered; CloudFormation will time the operation"
                + " out.");
        }
        try {
            output.write(body);
        } catch (IOException e) {
            log.log("The answer could not be written to the function's output: " + e.getClass().getSimpleName());
        }
    }
}
