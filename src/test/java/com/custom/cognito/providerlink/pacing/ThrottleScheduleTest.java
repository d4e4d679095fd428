package com.custom.cognito.providerlink.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The callback delays a throttled Create or Delete asks for: jittered from one second up to each throttle's window. */
class ThrottleScheduleTest {

    @Test
    void theFirstThrottleSpreadsOverEightSecondsTheSecondAndThirdOverTwoThenTheWindowDoublesUpToAMinute() {
        assertWithin(1, 8);
        assertWithin(2, 2);
        assertWithin(3, 2);
        assertWithin(4, 4);
        assertWithin(5, 8);
        assertWithin(6, 16);
        assertWithin(7, 32);
        assertWithin(8, 60);
        assertWithin(40, 60);
    }

    private static void assertWithin(final int throttle, final int windowSeconds) {
        final Random seeded = new Random(throttle);
        final long[] millis = IntStream.range(0, 2_000).mapToLong(i -> ThrottleSchedule.delay(throttle, seeded).toMillis())
            .toArray();

        assertThat(Arrays.stream(millis).min().orElseThrow()).as("throttle " + throttle).isGreaterThanOrEqualTo(1_000);
        assertThat(Arrays.stream(millis).max().orElseThrow()).as("throttle "
            + throttle).isLessThanOrEqualTo(windowSeconds * 1_000L)
            .as("the window is used").isGreaterThan(windowSeconds * 1_000L - Duration.ofSeconds(windowSeconds).toMillis() / 4);
    }

    @Test
    void theUnseededDelayStaysInTheSameWindow() {
        for (int i = 0; i < 200; i++) {
            assertThat(ThrottleSchedule.delay(1).toMillis()).isBetween(1_000L, 8_000L);
        }
    }
}
