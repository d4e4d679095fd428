package com.custom.cognito.providerlink.local.bench;

import com.custom.cognito.providerlink.local.emulator.CognitoEmulator;
import com.custom.cognito.providerlink.local.harness.WrapperInvoker;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * LIST of the {@link LargePool} at the UserList quota (30/s), and again with every answer taking a real service's time:
 * invocations until no token, each timed; each link once; the whole against its floor, the larger of the quota's
 * (60 users a page, 30 pages a second) and the answer time's (the pages one after another).
 */
final class ListAtScale {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ListAtScale() {
    }

    static void measure(final Report report, final CognitoEmulator cognito, final WrapperInvoker wrapper, final int users,
        final int links, final Duration answerTime) {
        cognito.quotas().enable();
        cognito.quotas().latency(answerTime);
        final long started = System.nanoTime();
        try {
            final List<Long> millis = new ArrayList<>();
            final List<String> ids = new ArrayList<>();
            String token = null;
            final List<String> problems = new ArrayList<>();
            do {
                final long start = System.nanoTime();
                final WrapperInvoker.Event page =
                    wrapper.listOnce(JSON.createObjectNode().put("UserPoolId", LargePool.ID), token, null);
                millis.add((System.nanoTime() - start) / 1_000_000);
                if (!"SUCCESS".equals(page.status())) {
                    problems.add("invocation " + millis.size() + " answered " + page.errorCode() + ": " + page.message());
                    break;
                }
                page.models().stream().map(m -> m.path("Id").asText()).forEach(ids::add);
                token = page.nextToken();
            } while (token != null && millis.size() < 1_000);
            final Set<String> distinct = new HashSet<>(ids);
            if (distinct.size() != links || ids.size() != links) {
                problems.add(ids.size() + " links listed, " + distinct.size() + " distinct, not " + links);
            }
            final double seconds = (System.nanoTime() - started) / 1e9;
            final double pages = Math.ceil(users / 60.0);
            final double floor = Math.max(pages / 30.0, pages * answerTime.toMillis() / 1000.0);
            final long[] times = millis.stream().mapToLong(Long::longValue).toArray();
            report.add("LIST of " + users + " users / " + links + " links at the quota"
                + (answerTime.isZero() ? "" : ", " + answerTime.toMillis() + " ms a call"),
                millis.size()
                    + " invocations, each " + Report.spread(times, "ms") + String.format("; %.1f s in all, %.2f× the %.1f s"
                        + " floor", seconds, seconds / floor, floor),
                "≤ 20 invocations, each < 25 s, ≤ 1.15× the floor, each link once", problems);
        } finally {
            cognito.quotas().disable();
        }
    }
}
