package com.custom.cognito.providerlink.local.harness;

import com.custom.cognito.providerlink.pacing.Pause;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when told: a test's way to let a deadline pass without waiting for it. */
public final class ManualClock {

    private final AtomicLong millis = new AtomicLong(1_000_000L);

    public long millis() {
        return millis.get();
    }

    public void advance(final Duration by) {
        millis.addAndGet(by.toMillis());
    }

    /** A pause that moves this clock by the time asked for, at once. */
    public Pause pause() {
        return this::advance;
    }
}
