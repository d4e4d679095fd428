package com.custom.cognito.providerlink.local.bench;

import com.custom.cognito.providerlink.local.emulator.CognitoEmulator;
import com.custom.cognito.providerlink.local.emulator.Quotas;
import com.custom.cognito.providerlink.local.emulator.RequestLog;
import com.custom.cognito.providerlink.local.emulator.UserPools;
import com.custom.cognito.providerlink.local.harness.LocalContext;
import com.custom.cognito.providerlink.local.harness.WrapperInvoker;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * A stack of {@code links} distinct links at the documented quotas (UserUpdate 25/s, UserRead 120/s, UserList 30/s),
 * driven as CloudFormation drives a stack: every operation at once, each invocation after the callback delay its
 * previous one asked for, honoured in full. All creates, then all deletes.
 */
final class BulkStack {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String POOL = "us-east-1_BULK";
    private static final double USER_UPDATE_PER_SECOND = 25.0;

    private BulkStack() {
    }

    /** The quota variants every schedule must hold on: the bucket's shape, and how long the service takes to answer. */
    record Variant(Quotas.Shape shape, Duration answerTime) {

        static final List<Variant> ALL = List.of(new Variant(Quotas.Shape.ONE_SECOND_BUCKET, Duration.ZERO),
            new Variant(Quotas.Shape.EMPTY_BUCKET, Duration.ZERO), new Variant(Quotas.Shape.PURE_RATE, Duration.ZERO),
            new Variant(Quotas.Shape.ONE_SECOND_BUCKET, Duration.ofMillis(30)));

        String describe() {
            final String bucket = switch (shape) {
                case ONE_SECOND_BUCKET -> "one-second bucket";
                case EMPTY_BUCKET -> "bucket starting empty";
                case PURE_RATE -> "pure rate, no burst";
            };
            return bucket + (answerTime.isZero() ? "" : ", " + answerTime.toMillis() + " ms a call");
        }
    }

    static void measure(final Report report, final CognitoEmulator cognito, final int links, final Variant variant)
        throws Exception {
        final List<JsonNode> declared = new ArrayList<>();
        synchronized (cognito.lock()) {
            cognito.pools().removePool(POOL);
            final UserPools.Pool pool = cognito.pools().createPool(POOL, "bulk").addProvider("Google", "Google", Map.of());
            for (int i = 0; i < links; i++) {
                pool.addUser("user" + i, Map.of("email", "user" + i + "@example.com"));
                final ObjectNode link = JSON.createObjectNode().put("UserPoolId", POOL);
                link.putObject("SourceUser").put("ProviderName", "Google").put("ProviderAttributeName", "Cognito_Subject")
                    .put("ProviderAttributeValue", String.valueOf(700_000_000_000L + i));
                link.putObject("DestinationUser").put("ProviderName", "Cognito").put("ProviderAttributeValue", "user" + i);
                declared.add(link);
            }
        }
        warmUp(cognito, declared.subList(0, Math.min(WARM_UP_LINKS, declared.size())));
        cognito.quotas().enable(variant.shape());
        cognito.quotas().latency(variant.answerTime());
        try {
            final Phase created = phase(cognito, declared, link -> run("CREATE", link));
            final List<JsonNode> ids = created.models().stream().map(m -> (JsonNode) JSON.createObjectNode().put("Id",
                m.path("Id").asText())).toList();
            final int linkedAfterCreate = linkCount(cognito);
            final Phase deleted = phase(cognito, ids, id -> run("DELETE", id));
            final int linkedAfterDelete = linkCount(cognito);
            final double floor = links / USER_UPDATE_PER_SECOND;
            for (Phase result : List.of(created, deleted)) {
                final String name = result == created ? "creates" : "deletes";
                final List<String> problems = new ArrayList<>();
                if (result.failed() > 0) {
                    problems.add(result.failed() + " FAILED: " + result.firstFailure());
                }
                if (result == created && linkedAfterCreate != links) {
                    problems.add(linkedAfterCreate + " links made, not " + links);
                }
                if (result == deleted && linkedAfterDelete != 0) {
                    problems.add(linkedAfterDelete + " links left");
                }
                report.add(links + " concurrent " + name + " at the quotas (" + variant.describe() + ")",
                    String.format("%.1f s (%.2f× the %.1f s floor), %d FAILED,"
                        + " %.2f throttled calls/op, %d invocations", result.seconds(), result.seconds() / floor, floor,
                        result.failed(),
                        (double) result.throttled() / links, result.invocations()),
                    "0 FAILED, ≤ 1.25× floor, ≤ 1 throttled call/op",
                    problems);
            }
        } finally {
            cognito.quotas().disable();
        }
    }

    /**
     * Every handler here shares this JVM and its two cores, where CloudFormation gives each its own warm Lambda; the
     * JIT-compiling first invocations would otherwise be counted as waiting for the quota. Links made and removed
     * here, before the quotas are on, are not measured.
     */
    private static void warmUp(final CognitoEmulator cognito, final List<JsonNode> links) throws Exception {
        for (int round = 0; round < 2; round++) {
            final Phase made = phase(cognito, links, link -> run("CREATE", link));
            phase(cognito, made.models().stream().map(m -> (JsonNode) JSON.createObjectNode().put("Id", m.path("Id").asText()))
                .toList(), id -> run("DELETE", id));
        }
    }

    private static final int WARM_UP_LINKS = 50;

    /** One phase's outcome. */
    private record Phase(double seconds, int failed, String firstFailure, long throttled, int invocations,
        List<JsonNode> models) {
    }

    private static Phase phase(final CognitoEmulator cognito, final List<JsonNode> inputs,
        final Function<JsonNode, List<WrapperInvoker.Event>> operation) throws Exception {
        final ExecutorService stack = Executors.newFixedThreadPool(inputs.size());
        try {
            final int mark = cognito.requests().mark();
            final long start = System.nanoTime();
            final List<Future<List<WrapperInvoker.Event>>> running = new ArrayList<>();
            inputs.forEach(input -> running.add(stack.submit(() -> operation.apply(input))));
            int failed = 0;
            int invocations = 0;
            String firstFailure = null;
            final List<JsonNode> models = new ArrayList<>();
            for (Future<List<WrapperInvoker.Event>> future : running) {
                final List<WrapperInvoker.Event> events = future.get();
                invocations += events.size();
                final WrapperInvoker.Event last = events.get(events.size() - 1);
                if ("SUCCESS".equals(last.status())) {
                    if (last.model() != null) {
                        models.add(last.model());
                    }
                } else {
                    failed++;
                    firstFailure = firstFailure == null ? last.errorCode() + " " + last.message() : firstFailure;
                }
            }
            final double seconds = (System.nanoTime() - start) / 1e9;
            final long throttled = cognito.requests().since(mark).stream().map(RequestLog.Entry::errorType)
                .filter("TooManyRequestsException"::equals).count();
            return new Phase(seconds, failed, firstFailure, throttled, invocations, models);
        } finally {
            stack.shutdownNow();
        }
    }

    private static List<WrapperInvoker.Event> run(final String action, final JsonNode properties) {
        return new WrapperInvoker("us-east-1", WrapperInvoker.Credentials.fake(), new LocalContext(false,
            Duration.ofMinutes(15).toMillis()), Duration.ofMinutes(2)).invoke(action, properties);
    }

    private static int linkCount(final CognitoEmulator cognito) {
        synchronized (cognito.lock()) {
            return cognito.pools().pool(POOL).linkCount();
        }
    }
}
