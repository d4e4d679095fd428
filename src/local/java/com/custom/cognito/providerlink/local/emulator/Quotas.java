package com.custom.cognito.providerlink.local.emulator;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Optional request-rate quotas, one token bucket per API category as the Quotas page lists them: UserUpdate 25
 * requests per second, UserRead 120, UserList 30. Which operation is in which category is the research's best
 * knowledge, not confirmed; so is the bucket's shape (Cognito documents a rate, not a burst), which is a named
 * switch: {@link Shape}. Off unless {@link #enable()}d.
 */
public final class Quotas {

    static final Map<String, String> CATEGORY = Map.of(
        "AdminLinkProviderForUser", "UserUpdate",
        "AdminDisableProviderForUser", "UserUpdate",
        "AdminDeleteUser", "UserUpdate",
        "AdminGetUser", "UserRead",
        "ListUsers", "UserList");
    static final Map<String, Double> RATE = Map.of("UserUpdate", 25.0, "UserRead", 120.0, "UserList", 30.0);

    /** How a category's bucket holds its tokens. [UNVERIFIED]: the service documents only the rate. */
    public enum Shape {

        /** One second of burst, full when the quotas come on: what the emulator assumes. */
        ONE_SECOND_BUCKET(1.0, 1.0),
        /** One second of burst, empty when the quotas come on (another client has just drained it). */
        EMPTY_BUCKET(1.0, 0.0),
        /** No burst: a bucket of one token, one request per 1/rate seconds however long the quota was idle. */
        PURE_RATE(0.0, 1.0);

        private final double burstSeconds;
        private final double startFull;

        Shape(final double burstSeconds, final double startFull) {
            this.burstSeconds = burstSeconds;
            this.startFull = startFull;
        }

        double capacity(final double rate) {
            return Math.max(1.0, rate * burstSeconds);
        }

        double initial(final double rate) {
            return capacity(rate) * startFull;
        }
    }

    private final Map<String, double[]> buckets = new ConcurrentHashMap<>();
    private volatile Duration latency = Duration.ZERO;
    private volatile Shape shape = Shape.ONE_SECOND_BUCKET;
    private volatile boolean enabled;
    private volatile LongSupplier clock = System::nanoTime;

    /** The time source, in nanoseconds; a test can stop it to make the buckets deterministic. */
    public void clock(final LongSupplier nanoClock) {
        this.clock = nanoClock;
    }

    public void enable() {
        enable(Shape.ONE_SECOND_BUCKET);
    }

    public synchronized void enable(final Shape bucketShape) {
        buckets.clear();
        shape = bucketShape;
        enabled = true;
    }

    public void disable() {
        enabled = false;
        clock = System::nanoTime;
        latency = Duration.ZERO;
    }

    /**
     * How long every answer takes, as a real service's does (the emulator otherwise answers at once); taken outside
     * the state's lock, so that concurrent calls overlap as they would. Zero until set; {@link #disable()} clears it.
     */
    public void latency(final Duration answerTime) {
        this.latency = answerTime;
    }

    /** Waits out the answer time of one call. */
    void pace() {
        final Duration wait = latency;
        if (!wait.isZero()) {
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Takes a token for the operation's category; false means throttled. */
    synchronized boolean admit(final String operation) {
        final String category = CATEGORY.get(operation);
        if (!enabled || category == null) {
            return true;
        }
        final double rate = RATE.get(category);
        final long now = clock.getAsLong();
        // bucket = {tokens, last refill in nanoseconds}
        final double[] bucket = buckets.computeIfAbsent(category, c -> new double[]{shape.initial(rate), now});
        bucket[0] = Math.min(shape.capacity(rate), bucket[0] + (now - (long) bucket[1]) / 1e9 * rate);
        bucket[1] = now;
        if (bucket[0] < 1) {
            return false;
        }
        bucket[0] -= 1;
        return true;
    }
}
