package com.custom.cognito.providerlink.local.bench;

import com.custom.cognito.providerlink.local.harness.LocalContext;
import com.custom.cognito.providerlink.local.harness.WrapperInvoker;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A cold CREATE beside its floor, in pairs: each a fresh JVM running the shaded jar's executable entry point (what
 * {@code cfn test --docker-image} runs), one with a CREATE the schema validation rejects (the JVM, the plugin and
 * the request, and nothing of the SDK), one with a CREATE that links against the emulator. Peak RSS is the
 * process's VmHWM, read until it exits.
 */
final class ColdStart {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MAIN = "com.custom.cognito.providerlink.HandlerWrapperExecutable";

    /** One process: wall time from start to exit, peak resident memory, and the answer's status and error code. */
    record Run(long millis, long peakRssKib, String outcome) {
    }

    private final Path jar;
    private final URI cognito;
    private final String pool;
    private final WrapperInvoker requests;

    ColdStart(final Path jar, final URI cognito, final String pool) {
        this.jar = jar;
        this.cognito = cognito;
        this.pool = pool;
        this.requests = new WrapperInvoker("us-east-1", WrapperInvoker.Credentials.fake(), new LocalContext(false, 60_000),
            Duration.ZERO);
    }

    /**
     * {@code pairs} pairs of a floor and a cold CREATE; with a {@code baseline} jar (an earlier build), each pair also
     * runs a cold CREATE on it, in alternating order, and the two jars' cold CREATEs are compared pair by pair.
     */
    void measure(final Report report, final int pairs, final Path baseline) {
        final long[] floors = new long[pairs];
        final long[] colds = new long[pairs];
        final long[] ratios = new long[pairs];
        final long[] baselines = new long[pairs];
        final long[] againstBaseline = new long[pairs];
        long peak = 0;
        final List<String> problems = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            final Run floor = run(jar, invalidCreate());
            Run before = null;
            if (baseline != null && i % 2 != 0) {
                before = run(baseline, create("cold" + (pairs + i), "61000000000000000" + String.format("%04d", i)));
            }
            final Run cold = run(jar, create("cold" + i, "60000000000000000" + String.format("%04d", i)));
            if (baseline != null && i % 2 == 0) {
                before = run(baseline, create("cold" + (pairs + i), "61000000000000000" + String.format("%04d", i)));
            }
            floors[i] = floor.millis();
            colds[i] = cold.millis();
            ratios[i] = Math.round(100.0 * cold.millis() / floor.millis());
            peak = Math.max(peak, cold.peakRssKib());
            if (!floor.outcome().equals("FAILED InvalidRequest")) {
                problems.add("the floor's CREATE answered " + floor.outcome());
            }
            if (!cold.outcome().equals("SUCCESS")) {
                problems.add("a cold CREATE answered " + cold.outcome());
            }
            if (before != null) {
                baselines[i] = before.millis();
                againstBaseline[i] = Math.round(100.0 * cold.millis() / before.millis());
                if (!before.outcome().equals("SUCCESS")) {
                    problems.add("a cold CREATE of the baseline jar answered " + before.outcome());
                }
            }
        }
        final String measured = "floor " + Report.spread(floors, "ms") + "; cold CREATE " + Report.spread(colds, "ms")
            + "; ratio to the floor " + String.format("%.2f", Report.median(ratios) / 100.0) + "× (median of pairs)"
            + (baseline == null
                ? ""
                : "; baseline " + baseline.getFileName() + " cold CREATE " + Report.spread(baselines, "ms") + "; this jar "
                    + String.format("%.2f", Report.median(againstBaseline) / 100.0) + "× the baseline (median of pairs)")
            + "; peak RSS " + peak / 1024 + " MiB";
        report.add("Cold start (" + pairs + " pairs" + (baseline == null ? "" : ", with a baseline jar") + ")", measured,
            baseline == null ? "≤ 130 MiB (pass --baseline-jar for the ≤ 0.80× target)" : "≤ 0.80× the baseline, ≤ 130 MiB",
            problems);
    }

    private String invalidCreate() {
        final ObjectNode properties = JSON.createObjectNode().put("UserPoolId", pool);
        return request("CREATE", properties);
    }

    private String create(final String username, final String subject) {
        final ObjectNode properties = JSON.createObjectNode().put("UserPoolId", pool);
        properties.putObject("SourceUser").put("ProviderName", "Google").put("ProviderAttributeName", "Cognito_Subject")
            .put("ProviderAttributeValue", subject);
        properties.putObject("DestinationUser").put("ProviderName", "Cognito").put("ProviderAttributeValue", username);
        return request("CREATE", properties);
    }

    private String request(final String action, final JsonNode properties) {
        return requests.request(action, properties, null, null, null).toString();
    }

    private Run run(final Path onJar, final String request) {
        try {
            final Path tmp = Path.of("target", "bench-tmp").toAbsolutePath();
            Files.createDirectories(tmp);
            final ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-cp", onJar.toString(), MAIN, request).directory(tmp.toFile())
                .redirectErrorStream(true);
            builder.environment().put("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", cognito.toString());
            final long start = System.nanoTime();
            final Process process = builder.start();
            final AtomicLong peak = new AtomicLong();
            final Thread watcher = new Thread(() -> watchRss(process, peak));
            watcher.setDaemon(true);
            watcher.start();
            final byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return new Run(-1, 0, "TIMEOUT");
            }
            final long millis = (System.nanoTime() - start) / 1_000_000;
            watcher.join(1000);
            return new Run(millis, peak.get(), outcome(new String(output, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void watchRss(final Process process, final AtomicLong peak) {
        final Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
        while (process.isAlive()) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmHWM:")) {
                        peak.accumulateAndGet(Long.parseLong(line.replaceAll("\\D", "")), Math::max);
                    }
                }
                Thread.sleep(5);
            } catch (IOException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String outcome(final String output) throws IOException {
        final int start = output.indexOf("__CFN_RESOURCE_START_RESPONSE__");
        final int end = output.indexOf("__CFN_RESOURCE_END_RESPONSE__");
        if (start < 0 || end < start) {
            return "NO ANSWER";
        }
        final JsonNode answer = JSON.readTree(output.substring(start + "__CFN_RESOURCE_START_RESPONSE__".length(), end));
        return answer.path("status").asText() + (answer.hasNonNull("errorCode") ? " " + answer.path("errorCode").asText() : "");
    }
}
