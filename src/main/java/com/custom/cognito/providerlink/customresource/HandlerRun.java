package com.custom.cognito.providerlink.customresource;

import com.custom.cognito.providerlink.CallbackContext;
import com.custom.cognito.providerlink.ResourceModel;
import com.custom.cognito.providerlink.handlers.HandlerTable;
import com.custom.cognito.providerlink.model.Partition;
import com.custom.cognito.providerlink.model.ProviderLink;
import com.custom.cognito.providerlink.ownership.Ownership;
import com.custom.cognito.providerlink.pacing.CallbackLoop;
import com.custom.cognito.providerlink.pacing.Pause;
import java.time.Duration;
import java.util.Optional;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * One registry handler operation (a create, a read, a delete) run to its end inside the function's time, as
 * CloudFormation would drive it: invocation after invocation while it answers IN_PROGRESS, each after its callback
 * delay. Its callback context, and with it the operation's {@link Ownership}, lives here for the whole operation, so
 * that the thread answering CloudFormation at the deadline reads the same record the handler writes.
 */
final class HandlerRun {

    /** The next callback would come after the time set aside for deciding the answer. */
    static final class OutOfTime extends RuntimeException {

        private static final long serialVersionUID = 1L;

        OutOfTime() {
            super("the next callback would come after the answer must be decided", null, false, false);
        }
    }

    /** Where a run's Cognito calls go and how it waits: the same for every run of one event. */
    interface Setting {

        HandlerTable handlers();

        FunctionClient client(String region);

        Logger log();

        Pause pause();

        /** How long the operation may still run before the answer must be decided. */
        Duration timeLeft();

        String account();
    }

    private final Setting setting;
    private final Action action;
    private final ProviderLink link;
    private final String token;
    private final FunctionClient client;
    private final CallbackContext context = new CallbackContext();

    HandlerRun(final Setting setting, final Action action, final ProviderLink link, final String token) {
        this.setting = setting;
        this.action = action;
        this.link = link;
        this.token = token;
        this.client = setting.client(link.region());
    }

    /** Runs the operation on {@code model}; the event that ended it. */
    ProgressEvent<ResourceModel, CallbackContext> run(final ResourceModel model) {
        try {
            return CallbackLoop.drive(new CallbackLoop.Operation<ProgressEvent<ResourceModel, CallbackContext>>() {

                @Override
                public ProgressEvent<ResourceModel, CallbackContext> invoke(
                    final ProgressEvent<ResourceModel, CallbackContext> previous) {
                    return setting.handlers().run(action, client, request(previous == null || previous.getResourceModel() == null
                        ? model
                        : previous.getResourceModel()), context, setting.log());
                }

                /** Past the time set aside for deciding, the answer is the deciding thread's, whatever this run got. */
                @Override
                public Optional<Duration> callbackAfter(final ProgressEvent<ResourceModel, CallbackContext> answer) {
                    final Duration left = setting.timeLeft();
                    if (left.compareTo(Duration.ZERO) <= 0) {
                        throw new OutOfTime();
                    }
                    if (answer.getStatus() != OperationStatus.IN_PROGRESS) {
                        return Optional.empty();
                    }
                    final Duration delay = Duration.ofSeconds(answer.getCallbackDelaySeconds());
                    if (delay.compareTo(left) >= 0) {
                        throw new OutOfTime();
                    }
                    return Optional.of(delay);
                }
            }, setting.pause(), Integer.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutOfTime();
        }
    }

    /** The operation's own record: how far its link or unlink got. */
    Ownership ownership() {
        return context.getOwnership();
    }

    /** The link as Cognito names it, once the operation resolved its destination. */
    ProviderLink resolved() {
        final String username = context.getDestinationUsername();
        return username == null ? link : link.withDestinationResolvedAs(username);
    }

    /** No attempt leaves after this; an attempt in flight gets {@code settle} to be answered. */
    Ownership.State close(final Duration settle) throws InterruptedException {
        final Ownership.State state = ownership().close(settle);
        client.stop();
        return state;
    }

    private ResourceHandlerRequest<ResourceModel> request(final ResourceModel model) {
        return ResourceHandlerRequest.<ResourceModel>builder()
            .clientRequestToken(token)
            .desiredResourceState(model)
            .awsAccountId(setting.account())
            .region(link.region())
            .awsPartition(Partition.of(link.region()).id())
            .logicalResourceIdentifier("CustomResource")
            .build();
    }
}
