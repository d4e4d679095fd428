package com.custom.cognito.providerlink.local.emulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Optional request-rate quotas, one token bucket per API category as the Quotas page lists them: UserUpdate 25
 * requests per second, UserRead 120, UserList 30. Which operation is in which category is the research's best
 * knowledge, not confirmed. Off unless {@link #enable()}d.
 */
public final class Quotas {

    static final Map<String, String> CATEGORY = Map.of(
        "AdminLinkProviderForUser", "UserUpdate",
        "AdminDisableProviderForUser", "UserUpdate",
        "AdminDeleteUser", "UserUpdate",
        "AdminGetUser", "UserRead",
        "ListUsers", "UserList");
    static final Map<String, Double> RATE = Map.of("UserUpdate", 25.0, "UserRead", 120.0, "UserList", 30.0);

    private final Map<String, double[]> buckets = new ConcurrentHashMap<>();
    private volatile boolean enabled;
    private volatile LongSupplier clock = System::nanoTime;

    /** The time source, in nanoseconds; a test can stop it to make the buckets deterministic. */
    public void clock(final LongSupplier nanoClock) {
        this.clock = nanoClock;
    }

    public void enable() {
        buckets.clear();
        enabled = true;
    }

    public void disable() {
        enabled = false;
        clock = System::nanoTime;
    }

    /** Takes a token for the operation's category; false means throttled. */
    synchronized boolean admit(final String operation) {
        final String category = CATEGORY.get(operation);
        if (!enabled || category == null) {
            return true;
        }
        final double rate = RATE.get(category);
        final long now = clock.getAsLong();
        // bucket = {tokens, last refill in nanoseconds}; one second of burst
        final double[] bucket = buckets.computeIfAbsent(category, c -> new double[]{rate, now});
        bucket[0] = Math.min(rate, bucket[0] + (now - (long) bucket[1]) / 1e9 * rate);
        bucket[1] = now;
        if (bucket[0] < 1) {
            return false;
        }
        bucket[0] -= 1;
        return true;
    }
}
