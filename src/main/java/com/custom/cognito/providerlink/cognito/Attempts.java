package com.custom.cognito.providerlink.cognito;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * How often, and after what pause, a Cognito call is tried. The client itself never retries ({@link ClientBuilder}):
 * an unanswered link or unlink may have taken effect, and only this loop sees every attempt, so it is the one that
 * records it (in a {@link MutationLedger}) before trying again.
 *
 * <p>Unanswered attempts (no answer, timeout, 5xx) are tried up to {@value #MAX_ATTEMPTS} times with jittered
 * exponential backoff. Throttled attempts are tried again here only for the synchronous Read and List; Create and
 * Delete get the throttling back at once and wait through IN_PROGRESS callbacks instead, which spreads retries over
 * seconds instead of hammering an account-wide quota from inside one invocation.
 */
public final class Attempts {

    public static final int MAX_ATTEMPTS = 5;
    private static final Duration BASE = Duration.ofMillis(100);
    private static final Duration CAP = Duration.ofSeconds(2);
    private static final Duration THROTTLED_BASE = Duration.ofMillis(500);
    private static final Duration THROTTLED_CAP = Duration.ofSeconds(4);

    /** Waits between attempts; tests replace it to record the pauses instead of sleeping. */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration duration);

        Pause SLEEP = duration -> {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting to retry a Cognito call", e);
            }
        };
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
        return run(null, call);
    }

    /** A link or unlink: every unanswered attempt is recorded before the next, because it may have taken effect. */
    <T> T mutate(final MutationLedger ledger, final Supplier<T> call) {
        return run(ledger, call);
    }

    private <T> T run(final MutationLedger ledger, final Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                final boolean unanswered = CognitoErrors.isUnanswered(e);
                if (unanswered && ledger != null) {
                    ledger.recordAttemptMayHaveTakenEffect();
                }
                final boolean throttled = CognitoErrors.isThrottling(e);
                if (attempt >= MAX_ATTEMPTS || !(unanswered || throttled && retryThrottling)) {
                    throw e;
                }
                pause.pause(throttled ? backoff(THROTTLED_BASE, THROTTLED_CAP, attempt) : backoff(BASE, CAP, attempt));
            }
        }
    }

    /** "Full jitter": uniform between zero and the capped exponential delay. */
    private static Duration backoff(final Duration base, final Duration cap, final int attempt) {
        final long ceiling = Math.min(cap.toMillis(), base.toMillis() << (attempt - 1));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
    }
}
