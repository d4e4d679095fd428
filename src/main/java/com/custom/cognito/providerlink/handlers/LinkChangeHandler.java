package com.custom.cognito.providerlink.handlers;

import com.custom.cognito.providerlink.CallbackContext;
import com.custom.cognito.providerlink.ResourceModel;
import com.custom.cognito.providerlink.cognito.Attempts;
import com.custom.cognito.providerlink.cognito.ClientBuilder;
import com.custom.cognito.providerlink.cognito.LinkFailures;
import com.custom.cognito.providerlink.model.LinkException;
import com.custom.cognito.providerlink.pacing.Pause;
import com.custom.cognito.providerlink.pacing.ThrottleSchedule;
import java.time.Duration;
import java.util.function.IntFunction;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.ProgressEvent;

/**
 * Create and Delete: handlers that change a link and may take several invocations. They decide in one place how a
 * failure is answered and how they wait.
 *
 * <ul>
 *   <li>Throttling never fails the operation while its budget lasts: the invocation ends IN_PROGRESS with a
 *       callback delay from the {@link ThrottleSchedule}, so that concurrent operations spread their retries.</li>
 *   <li>Every event names what the operation's {@link com.custom.cognito.providerlink.ownership.Ownership} allows:
 *       the link's {@code Id} once its own mutation may have taken effect, so a rollback removes what was made;
 *       before that, IN_PROGRESS events carry the pending {@code Id} and failures no model.</li>
 * </ul>
 */
abstract class LinkChangeHandler extends BaseHandlerStd {

    /** Waiting for the quota stops here, well inside the schema's 10-minute handler timeout. */
    static final int THROTTLED_BUDGET_SECONDS = 8 * 60;
    /** How long the destination may take to show a change, and how often it is read meanwhile. */
    static final int VISIBILITY_BUDGET_SECONDS = 120;
    static final int VISIBILITY_DELAY_SECONDS = 2;

    LinkChangeHandler(final ClientBuilder clients, final Pause pause) {
        super(clients, pause);
    }

    @Override
    protected final Attempts attempts(final Pause pause) {
        return Attempts.waitingThroughCallbacks(pause);
    }

    /** The model this operation's events carry: with the real {@code Id} once its mutation may have taken effect. */
    protected abstract ResourceModel eventModel(Invocation invocation);

    @Override
    protected final ProgressEvent<ResourceModel, CallbackContext> onFailure(final LinkException failure,
        final Invocation invocation) {
        final CallbackContext context = invocation.context();
        LinkException reported = failure;
        if (failure.getErrorCode() == HandlerErrorCode.Throttling) {
            final Duration delay = ThrottleSchedule.delay(context.getThrottles() + 1);
            final int seconds = (int) delay.toSeconds();
            if (context.getThrottledSeconds() + seconds <= THROTTLED_BUDGET_SECONDS) {
                context.setThrottles(context.getThrottles() + 1);
                context.setThrottledSeconds(context.getThrottledSeconds() + seconds);
                context.setPauseMillis(delay.toMillisPart());
                invocation.logger().log("Throttled; calling back in " + delay.toMillis() + " ms");
                return ProgressEvent.defaultInProgressHandler(context, seconds, eventModel(invocation));
            }
            reported = LinkFailures.throttledTooLong(failure, context.getThrottledSeconds());
        }
        return reported.toEvent(context.getOwnership().naming(() -> eventModel(invocation), () -> null));
    }

    /**
     * Continues when {@code visible} holds; otherwise waits for the destination to show the change, for at most
     * {@value #VISIBILITY_BUDGET_SECONDS} seconds. No lag of AdminGetUser has been reported (the Developer Guide shows
     * identities right after a link), so this is a safeguard that costs one read.
     */
    protected final ProgressEvent<ResourceModel, CallbackContext> awaitVisible(
        final Invocation invocation, final boolean visible, final ProgressEvent<ResourceModel, CallbackContext> progress,
        final IntFunction<LinkException> timedOut) {

        if (visible) {
            return progress;
        }
        final CallbackContext context = invocation.context();
        if (context.getVisibilitySeconds() >= VISIBILITY_BUDGET_SECONDS) {
            throw timedOut.apply(context.getVisibilitySeconds());
        }
        context.setVisibilitySeconds(context.getVisibilitySeconds() + VISIBILITY_DELAY_SECONDS);
        return ProgressEvent.defaultInProgressHandler(context, VISIBILITY_DELAY_SECONDS, eventModel(invocation));
    }
}
