package com.custom.cognito.providerlink.pacing;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * When a throttled operation calls back: a delay drawn uniformly from one second to a window that depends on how many
 * times this operation has been throttled, so that operations throttled together spread their retries over the quota
 * instead of colliding again. The figures behind the windows are in docs/performance.md.
 */
public final class ThrottleSchedule {

    /**
     * The first throttle's window: what a 25-per-second quota needs for 200 calls even when it has no burst left to
     * give (a bucket another client has just drained), at the cost of a full bucket finishing a little later.
     */
    public static final int FIRST_WINDOW_SECONDS = 8;
    /** The second and third throttles come late in that spread, when the quota frees up again: retry soon. */
    static final int LATE_WINDOW_SECONDS = 2;
    /** From the fourth, contention is sustained: the window doubles, up to this. */
    static final int MAX_WINDOW_SECONDS = 60;

    private ThrottleSchedule() {
    }

    /** The delay after the {@code throttle}-th throttle of one operation (the first is 1). */
    public static Duration delay(final int throttle) {
        return delay(throttle, ThreadLocalRandom.current());
    }

    /** The same, drawn from {@code random} (the benchmark's simulation draws from a seeded one). */
    public static Duration delay(final int throttle, final RandomGenerator random) {
        final long window = (throttle == 1
            ? FIRST_WINDOW_SECONDS
            : Math.min(MAX_WINDOW_SECONDS, (long) LATE_WINDOW_SECONDS << Math.min(Math.max(throttle - 3, 0), 6))) * 1000;
        return Duration.ofMillis(random.nextLong(1000, window + 1));
    }
}
