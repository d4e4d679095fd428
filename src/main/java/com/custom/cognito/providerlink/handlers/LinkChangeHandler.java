package com.custom.cognito.providerlink.handlers;

import com.custom.cognito.providerlink.CallbackContext;
import com.custom.cognito.providerlink.ResourceModel;
import com.custom.cognito.providerlink.cognito.Attempts;
import com.custom.cognito.providerlink.cognito.LinkFailures;
import com.custom.cognito.providerlink.model.LinkException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.ProgressEvent;

/**
 * Create and Delete: handlers that change a link and may take several invocations. They decide in one place what a
 * failure leaves behind and how they wait.
 *
 * <ul>
 *   <li>Throttling never fails the operation while its budget lasts: the invocation ends IN_PROGRESS with a
 *       callback delay drawn uniformly from one second to a window of {@value #FIRST_WINDOW_SECONDS} seconds (the
 *       time the 25-per-second UserUpdate quota, after its one-second burst, needs to admit a 200-link stack), so that
 *       concurrent operations spread their retries over it instead of colliding again. A second or third throttle
 *       comes late in that spread, when the crowd is thinning and the quota has idle capacity: its window is
 *       {@value #LATE_WINDOW_SECONDS} seconds; from the fourth, contention is sustained, and the window doubles up to
 *       {@value #MAX_WINDOW_SECONDS}. (Simulated at the quotas, 200 operations, 300 trials: the slowest within 1.01
 *       times the 8-second floor, 1.45 times when the quota starts drained; doubling from the second throttle left
 *       1.19 and 2.21 times; docs/performance.md.)</li>
 *   <li>Once this operation's own mutation may have taken effect, every event carries the model with the link's
 *       {@code Id}, so a rollback removes what was made; before that, IN_PROGRESS events carry the pending
 *       {@code Id}, and failures no model, so a rollback can never remove another stack's link.</li>
 * </ul>
 */
abstract class LinkChangeHandler extends BaseHandlerStd {

    static final int FIRST_WINDOW_SECONDS = 7;
    static final int LATE_WINDOW_SECONDS = 3;
    static final int MAX_WINDOW_SECONDS = 60;
    /** Waiting for the quota stops here, well inside the schema's 10-minute handler timeout. */
    static final int THROTTLED_BUDGET_SECONDS = 8 * 60;
    /** How long the destination may take to show a change, and how often it is read meanwhile. */
    static final int VISIBILITY_BUDGET_SECONDS = 120;
    static final int VISIBILITY_DELAY_SECONDS = 2;

    LinkChangeHandler(final Attempts.Pause pause) {
        super(pause);
    }

    @Override
    protected final Attempts attempts(final Attempts.Pause pause) {
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
            final Duration delay = throttleDelay(context.getThrottles() + 1);
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
        return reported.toEvent(context.mayHaveTakenEffect() ? eventModel(invocation) : null);
    }

    /**
     * Continues when {@code visible} holds; otherwise waits for the destination to show the change, for at most
     * {@value #VISIBILITY_BUDGET_SECONDS} seconds. No lag of AdminGetUser has been reported (the Developer Guide shows
     * identities right after a link), so this is a safeguard that costs one read.
     */
    protected final ProgressEvent<ResourceModel, CallbackContext> awaitVisible(
        final Invocation invocation, final boolean visible, final ProgressEvent<ResourceModel, CallbackContext> progress,
        final Function<Integer, LinkException> timedOut) {

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

    static Duration throttleDelay(final int throttle) {
        final long window = (throttle == 1 ? FIRST_WINDOW_SECONDS
            : Math.min(MAX_WINDOW_SECONDS, (long) LATE_WINDOW_SECONDS << Math.min(Math.max(throttle - 3, 0), 6))) * 1000;
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(1000, window + 1));
    }
}
