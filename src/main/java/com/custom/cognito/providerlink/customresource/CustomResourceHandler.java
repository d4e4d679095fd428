package com.custom.cognito.providerlink.customresource;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.custom.cognito.providerlink.HandlerDispatch;
import com.custom.cognito.providerlink.cognito.ClientBuilder;
import com.custom.cognito.providerlink.wrapper.LogText;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.LongSupplier;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.cloudformation.proxy.Logger;

/**
 * The Lambda entry point of the custom-resource mode ({@code Custom::CognitoProviderLink}): the registry type's
 * handlers behind CloudFormation's custom resource protocol. Every event gets exactly one answer PUT to its
 * ResponseURL, decided before the function would time out, whatever happens (a failure, an {@code Error}, a hung
 * call): a stack never waits for an answer that cannot come. The same RequestId again (Lambda retries a failed
 * invocation) gets the answer already given.
 */
public class CustomResourceHandler implements RequestStreamHandler {

    /** Time kept back from the function's timeout for the answer's delivery. */
    static final long ANSWER_RESERVE_MILLIS = 5_000;
    private static final int REMEMBERED_ANSWERS = 256;
    private static final Map<String, CustomResourceResponse> ANSWERED = Collections.synchronizedMap(
        new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(final Map.Entry<String, CustomResourceResponse> eldest) {
                return size() > REMEMBERED_ANSWERS;
            }
        });
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(work -> {
        final Thread thread = new Thread(work, "custom-resource");
        thread.setDaemon(true);
        return thread;
    });

    private final HandlerDispatch dispatch = new HandlerDispatch();
    private final Function<String, CognitoIdentityProviderClient> clients;
    private final ResponseUrl responseUrl;
    private final HandlerLoop.Pause callbackPause;

    public CustomResourceHandler() {
        this(ClientBuilder::getClient, ResponseUrl.standard(), Thread::sleep);
    }

    CustomResourceHandler(final Function<String, CognitoIdentityProviderClient> clients, final ResponseUrl responseUrl,
                          final HandlerLoop.Pause callbackPause) {
        this.clients = clients;
        this.responseUrl = responseUrl;
        this.callbackPause = callbackPause;
    }

    @Override
    public void handleRequest(final InputStream input, final OutputStream output, final Context context) throws IOException {
        final Logger log = line -> context.getLogger().log(LogText.escapeLine(line) + "\n");
        final LongSupplier millisLeft = () -> context.getRemainingTimeInMillis();
        final CustomResourceEvent event;
        try {
            event = CustomResourceEvent.parse(input.readAllBytes());
        } catch (CustomResourceEvent.Unusable e) {
            log.log("Refused the event: " + e.getMessage());
            e.answerable().ifPresent(reply
                -> answer(reply, CustomResourceResponse.failed(reply, reply.physicalResourceId() != null
                ? reply.physicalResourceId()
                : PhysicalId.notCreated(reply.requestId()), e.getMessage()), output, millisLeft, log));
            return;
        }
        final CustomResourceResponse earlier = ANSWERED.get(event.requestId());
        final CustomResourceResponse response = earlier != null ? earlier : decide(event, millisLeft, log);
        ANSWERED.put(event.requestId(), response);
        log.log(event.requestType() + " of " + event.logicalResourceId() + (earlier != null ? " (answered before)" : "") + ": "
            + (response.success() ? "SUCCESS" : "FAILED"));
        answer(event, response, output, millisLeft, log);
    }

    /** The answer, decided in time: the lifecycle runs on a worker this thread stops waiting for at the deadline. */
    private CustomResourceResponse decide(final CustomResourceEvent event, final LongSupplier millisLeft, final Logger log) {
        final LongSupplier workLeft = () -> millisLeft.getAsLong() - ANSWER_RESERVE_MILLIS;
        final LinkLifecycle lifecycle = new LinkLifecycle(new CustomResourceProperties(dispatch.resourceSchema()), region
            -> new HandlerLoop(dispatch, new FunctionClient(clients.apply(region)), log, workLeft, callbackPause));
        final Future<CustomResourceResponse> work = WORKERS.submit(() -> lifecycle.handle(event));
        try {
            return work.get(Math.max(0, workLeft.getAsLong()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException | InterruptedException e) {
            lifecycle.stop();
            work.cancel(true);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            final Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            final boolean outOfTime = cause instanceof TimeoutException || cause instanceof HandlerLoop.OutOfTime;
            return CustomResourceResponse.failed(event, lifecycle.fallbackPhysicalId(event), outOfTime
                ? "The function's time ran out before the " + event.requestType()
                + " finished. Raise the function's Timeout (up to"
                    + " 15 minutes; Cognito throttling can make operations wait) and retry."
                : "The custom resource handler failed unexpectedly (" + cause.getClass().getSimpleName() + "). Nothing about the"
                    + " properties was at fault; retry, and report it if it recurs.");
        } catch (RuntimeException | Error e) {
            lifecycle.stop();
            return CustomResourceResponse.failed(event, lifecycle.fallbackPhysicalId(event), "The custom resource handler failed"
                + " unexpectedly (" + e.getClass().getSimpleName() + "); retry, and report it if it recurs.");
        }
    }

    private void answer(final CustomResourceEvent event, final CustomResourceResponse response, final OutputStream output,
                        final LongSupplier millisLeft, final Logger log) {
        final byte[] body = response.body();
        if (!responseUrl.put(event.responseUrl(), body, millisLeft, log)) {
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
