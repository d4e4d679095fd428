package com.custom.cognito.providerlink.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The callback delays a throttled Create or Delete asks for: jittered from one second up to each throttle's window. */
class ThrottleScheduleTest {

    @Test
    void theFirstThrottleSpreadsOverSevenSecondsTheSecondAndThirdOverThreeThenTheWindowDoublesUpToAMinute() {
        assertWithin(1, 7);
        assertWithin(2, 3);
        assertWithin(3, 3);
        assertWithin(4, 6);
        assertWithin(5, 12);
        assertWithin(6, 24);
        assertWithin(7, 48);
        assertWithin(8, 60);
        assertWithin(40, 60);
    }

    private static void assertWithin(final int throttle, final int windowSeconds) {
        final long[] millis = IntStream.range(0, 2_000).mapToLong(i -> ThrottleSchedule.delay(throttle).toMillis()).toArray();

        assertThat(Arrays.stream(millis).min().orElseThrow()).as("throttle " + throttle).isGreaterThanOrEqualTo(1_000);
        assertThat(Arrays.stream(millis).max().orElseThrow()).as("throttle "
            + throttle).isLessThanOrEqualTo(windowSeconds * 1_000L)
            .as("the window is used").isGreaterThan(windowSeconds * 1_000L - Duration.ofSeconds(windowSeconds).toMillis() / 4);
    }
}
