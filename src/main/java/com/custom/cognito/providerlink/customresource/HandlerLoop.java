package com.custom.cognito.providerlink.customresource;

import com.custom.cognito.providerlink.CallbackContext;
import com.custom.cognito.providerlink.HandlerDispatch;
import com.custom.cognito.providerlink.ResourceModel;
import java.util.function.LongSupplier;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * Runs a registry handler to its end as CloudFormation drives one: invocation after invocation while it answers
 * IN_PROGRESS, each after its callback delay (throttling and visibility waits included), inside the function's time.
 */
final class HandlerLoop {

    /** The function's time would run out during the next callback delay. */
    static final class OutOfTime extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OutOfTime() {
            super("the next callback would outlast the function", null, false, false);
        }
    }

    /** How the loop waits for a callback (tests shorten it). */
    @FunctionalInterface
    interface Pause {
        void pause(long millis) throws InterruptedException;
    }

    private final HandlerDispatch dispatch;
    private final FunctionClient client;
    private final Logger log;
    private final LongSupplier millisLeft;
    private final Pause pause;
    private volatile CallbackContext lastContext;

    HandlerLoop(final HandlerDispatch dispatch, final FunctionClient client, final Logger log, final LongSupplier millisLeft,
                final Pause pause) {
        this.dispatch = dispatch;
        this.client = client;
        this.log = log;
        this.millisLeft = millisLeft;
        this.pause = pause;
    }

    /**
     * @param token the operation's client request token, the same for all its invocations
     */
    ProgressEvent<ResourceModel, CallbackContext> run(final Action action, final ResourceModel model, final String token,
                                                      final String region, final String account) {
        ResourceModel current = model;
        CallbackContext context = new CallbackContext();
        lastContext = context;
        while (true) {
            final ProgressEvent<ResourceModel, CallbackContext> event = dispatch.invoke(client, request(current, token, region,
                account), action, context, log);
            if (event.getStatus() != OperationStatus.IN_PROGRESS) {
                return event;
            }
            final long delay = event.getCallbackDelaySeconds() * 1000L;
            if (delay >= millisLeft.getAsLong()) {
                throw new OutOfTime();
            }
            if (event.getCallbackContext() != null) {
                context = event.getCallbackContext();
                lastContext = context;
            }
            if (event.getResourceModel() != null) {
                current = event.getResourceModel();
            }
            try {
                pause.pause(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OutOfTime();
            }
        }
    }

    boolean mutationSent() {
        return client.mutationSent();
    }

    /** No further Cognito call leaves: the answer has been decided. */
    void stop() {
        client.stop();
    }

    /** The context of the operation running now, or of the last one: how far its mutation got. */
    CallbackContext lastContext() {
        return lastContext;
    }

    private static ResourceHandlerRequest<ResourceModel> request(final ResourceModel model, final String token,
        final String region,
                                                                 final String account) {
        return ResourceHandlerRequest.<ResourceModel>builder()
            .clientRequestToken(token)
            .desiredResourceState(model)
            .awsAccountId(account)
            .region(region)
            .awsPartition(PartitionMetadata.of(Region.of(region)).id())
            .logicalResourceIdentifier("CustomResource")
            .build();
    }
}
