package com.custom.cognito.providerlink.pacing;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: before attempt {@code n + 1}, a uniform wait between half and all of
 * {@code min(cap, base * 2^(n - 1))}, so that callers failing together do not retry together.
 */
public record Backoff(Duration base, Duration cap) {

    /** The wait after the {@code attempt}-th attempt failed (the first is 1). */
    public Duration after(final int attempt) {
        final long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempt - 1, 30));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
    }
}
