package com.custom.cognito.providerlink.cognito;

import com.custom.cognito.providerlink.ownership.Ownership;
import com.custom.cognito.providerlink.pacing.Backoff;
import com.custom.cognito.providerlink.pacing.Pause;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * How often, and after what pause, a Cognito call is tried. The client itself never retries ({@link ClientBuilder}):
 * only this loop sees every attempt of a link or unlink, so it is the one that reports each to the operation's
 * {@link Ownership}. It reports; it does not decide what is whose.
 *
 * <p>Unanswered attempts (no answer, timeout, 5xx) are tried up to {@value #MAX_ATTEMPTS} times with backoff.
 * Throttled attempts are tried again here only for the synchronous Read and List; Create and Delete get the throttling
 * back at once and wait through IN_PROGRESS callbacks instead, which spreads retries over seconds instead of hammering
 * an account-wide quota from inside one invocation.
 */
public final class Attempts {

    public static final int MAX_ATTEMPTS = 5;
    private static final Backoff UNANSWERED = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2));
    private static final Backoff THROTTLED = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(4));

    /**
     * A mutation's target, read before each attempt: whether the call is still needed. It answers false when the
     * effect is already there and this operation may claim it, and throws when the effect is there but is not ours.
     */
    @FunctionalInterface
    public interface Target {

        boolean needsCall();
    }

    private final boolean retryThrottling;
    private final Pause pause;

    private Attempts(final boolean retryThrottling, final Pause pause) {
        this.retryThrottling = retryThrottling;
        this.pause = pause;
    }

    /** Read and List: answer within 30 seconds, so throttling too is retried here, boundedly. */
    public static Attempts synchronous(final Pause pause) {
        return new Attempts(true, pause);
    }

    /** Create and Delete: throttling is returned at once, for the handler to wait through callbacks. */
    public static Attempts waitingThroughCallbacks(final Pause pause) {
        return new Attempts(false, pause);
    }

    /** A call that changes nothing. */
    <T> T read(final Supplier<T> call) {
        for (int attempt = 1;; attempt++) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                final boolean throttled = CognitoErrors.isThrottling(e);
                if (attempt >= MAX_ATTEMPTS || !(CognitoErrors.isUnanswered(e) || throttled && retryThrottling)) {
                    throw e;
                }
                sleep(throttled ? THROTTLED.after(attempt) : UNANSWERED.after(attempt));
            }
        }
    }

    /**
     * A link or unlink. Before every attempt, and once more after the last unanswered one, {@code target} is read
     * again: nothing is ever sent on the strength of an earlier read. Each attempt is reported to {@code ownership};
     * an unanswered one is tried again, anything else is thrown to the caller.
     */
    void mutate(final Ownership ownership, final Target target, final Runnable call) {
        RuntimeException unanswered = null;
        for (int attempt = 1; target.needsCall(); attempt++) {
            if (attempt > MAX_ATTEMPTS) {
                throw unanswered;
            }
            ownership.sending();
            try {
                call.run();
                ownership.tookEffect();
                return;
            } catch (Ownership.NotSent e) {
                ownership.neverSent();
                throw e;
            } catch (RuntimeException e) {
                if (CognitoErrors.isThrottling(e)) {
                    ownership.neverSent();
                    throw e;
                }
                if (!CognitoErrors.isUnanswered(e)) {
                    ownership.refused();
                    throw e;
                }
                ownership.unanswered();
                unanswered = e;
                if (attempt < MAX_ATTEMPTS) {
                    sleep(UNANSWERED.after(attempt));
                }
            }
        }
    }

    private void sleep(final Duration duration) {
        try {
            pause.pause(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Ownership.NotSent("interrupted while waiting to retry a Cognito call");
        }
    }
}
