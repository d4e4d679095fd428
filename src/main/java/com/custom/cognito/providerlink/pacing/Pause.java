package com.custom.cognito.providerlink.pacing;

import java.time.Duration;

/**
 * How the handlers wait: between attempts of a call, between the invocations of an operation, between deliveries
 * of an answer. The one seam for time: tests pass a pause that records instead of sleeping.
 */
@FunctionalInterface
public interface Pause {

    void pause(Duration duration) throws InterruptedException;

    /** Really waits. */
    Pause SLEEP = duration -> Thread.sleep(duration.toMillis());
}
