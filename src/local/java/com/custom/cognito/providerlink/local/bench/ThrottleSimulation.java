package com.custom.cognito.providerlink.local.bench;

import com.custom.cognito.providerlink.local.emulator.Quotas;
import com.custom.cognito.providerlink.pacing.ThrottleSchedule;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * The throttle schedule in a model, independent of the handlers and of the machine: {@code operations} link calls that
 * all start within the first 300 ms, against one category's token bucket of each {@link Quotas.Shape}; a throttled
 * operation calls again after {@link ThrottleSchedule#delay(int, java.util.random.RandomGenerator)} plus the next
 * invocation's own time (its target re-read). Seeded, so every run prints the same figures; many trials, so the
 * slowest of them shows the tail the real benchmark meets only now and then.
 */
final class ThrottleSimulation {

    /** What the trials of one shape gave. */
    record Outcome(double medianRatio, double worstRatio, double throttledPerOperation) {
    }

    private static final double RATE = 25.0;
    private static final double START_SPREAD_SECONDS = 0.3;
    private static final double INVOCATION_SECONDS = 0.06;

    private ThrottleSimulation() {
    }

    /** {@code trials} stacks of {@code operations}, against {@code shape}; times as ratios of operations / rate. */
    static Outcome run(final Quotas.Shape shape, final int operations, final int trials, final double answerSeconds) {
        final Random random = new Random(20261205L + shape.ordinal());
        final double[] ratios = new double[trials];
        long throttled = 0;
        for (int trial = 0; trial < trials; trial++) {
            final PriorityQueue<double[]> calls = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
            for (int i = 0; i < operations; i++) {
                calls.add(new double[]{random.nextDouble() * START_SPREAD_SECONDS + answerSeconds, 0});
            }
            final double capacity = shape == Quotas.Shape.PURE_RATE ? 1.0 : RATE;
            double tokens = shape == Quotas.Shape.EMPTY_BUCKET ? 0.0 : capacity;
            double last = 0;
            double end = 0;
            while (!calls.isEmpty()) {
                final double[] call = calls.poll();
                tokens = Math.min(capacity, tokens + (call[0] - last) * RATE);
                last = call[0];
                if (tokens >= 1) {
                    tokens -= 1;
                    end = Math.max(end, call[0] + answerSeconds);
                } else {
                    throttled++;
                    final int throttles = (int) call[1] + 1;
                    calls.add(new double[]{call[0] + answerSeconds + ThrottleSchedule.delay(throttles, random).toMillis()
                        / 1000.0 + INVOCATION_SECONDS + 2 * answerSeconds, throttles});
                }
            }
            ratios[trial] = end / (operations / RATE);
        }
        Arrays.sort(ratios);
        return new Outcome(ratios[trials / 2], ratios[trials - 1], (double) throttled / trials / operations);
    }

    static void measure(final Report report, final int operations, final int trials) {
        for (Quotas.Shape shape : Quotas.Shape.values()) {
            for (double answer : shape == Quotas.Shape.ONE_SECOND_BUCKET ? new double[]{0, 0.03} : new double[]{0}) {
                final Outcome outcome = run(shape, operations, trials, answer);
                report.add("Schedule model: " + operations + " link calls, " + shape.name().toLowerCase().replace('_', ' ')
                    + (answer == 0 ? "" : ", 30 ms a call") + " (" + trials + " trials)",
                    String.format(
                        "median %.2f×, slowest %.2f× the %.1f s floor; %.2f throttled calls/op", outcome.medianRatio(),
                        outcome.worstRatio(), operations / RATE, outcome.throttledPerOperation()),
                    "≤ 1.25× floor, ≤ 1 throttled call/op (a model: it reports, never fails)", List.of());
            }
        }
    }
}
