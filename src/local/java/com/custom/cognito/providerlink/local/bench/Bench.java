package com.custom.cognito.providerlink.local.bench;

import com.custom.cognito.providerlink.local.emulator.CognitoEmulator;
import com.custom.cognito.providerlink.local.emulator.UserPools;
import com.custom.cognito.providerlink.local.harness.LocalContext;
import com.custom.cognito.providerlink.local.harness.WrapperInvoker;
import com.custom.cognito.providerlink.wrapper.BuildInfo;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code bench [--quick] [--only cold|calls|schedule|bulk|list|adopt] [--baseline-jar JAR]}: the performance
 * scenarios, against the emulator, printed as one table and written to {@code target/bench/report.md}. It fails
 * (exit 1) only when a run was incorrect (a FAILED event, a wrong count, a link missing or listed twice), never
 * because of a time: {@code --quick} runs small sizes for CI.
 */
public final class Bench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PrintStream OUT = System.out;

    /** Sizes of a run. */
    private record Sizes(int coldPairs, int bulkLinks, int listUsers, int listLinks, int callPoolUsers) {
    }

    private static final List<String> SCENARIOS = List.of("cold", "calls", "schedule", "bulk", "list", "adopt");

    private Bench() {
    }

    public static int run(final String[] args) throws Exception {
        final List<String> options = Arrays.asList(args);
        final boolean quick = options.contains("--quick");
        final int onlyAt = options.indexOf("--only");
        final String only = onlyAt >= 0 && onlyAt + 1 < options.size() ? options.get(onlyAt + 1) : null;
        if (only != null && !SCENARIOS.contains(only) || onlyAt >= 0 && only == null) {
            System.err.println("bench: --only takes one of " + SCENARIOS + ", not " + only);
            return 2;
        }
        final int baselineAt = options.indexOf("--baseline-jar");
        final Path baseline = baselineAt >= 0 && baselineAt + 1 < options.size()
            ? Path.of(options.get(baselineAt + 1)).toAbsolutePath()
            : null;
        if (baselineAt >= 0 && (baseline == null || !Files.isRegularFile(baseline))) {
            System.err.println("bench: --baseline-jar takes the path of an earlier build's handler jar");
            return 2;
        }
        final Sizes sizes = quick ? new Sizes(1, 25, 6_000, 300, 130) : new Sizes(9, 200, 100_000, 5_000, 130);
        final Path jar = Path.of("target", BuildInfo.jarName("custom-cognito-providerlink")).toAbsolutePath();
        final Report report = new Report();
        try (CognitoEmulator cognito = CognitoEmulator.start(0)) {
            System.setProperty("aws.endpointUrlCognitoIdentityProvider", cognito.endpoint().toString());
            final WrapperInvoker wrapper = new WrapperInvoker("us-east-1", WrapperInvoker.Credentials.fake(),
                new LocalContext(false, Duration.ofMinutes(15).toMillis()), Duration.ofMinutes(2));
            OUT.println("Benchmark" + (quick ? " (quick sizes)" : "") + " against the Cognito emulator on " + cognito.endpoint());

            if (wanted(only, "cold")) {
                seedColdPool(cognito, 2 * sizes.coldPairs());
                new ColdStart(jar, cognito.endpoint(), "us-east-1_COLD").measure(report, sizes.coldPairs(), baseline);
            }
            if (wanted(only, "calls")) {
                CallsPerOperation.measure(report, cognito, wrapper, seedCallPool(cognito, sizes.callPoolUsers()),
                    sizes.callPoolUsers());
            }
            if (wanted(only, "schedule")) {
                ThrottleSimulation.measure(report, sizes.bulkLinks(), quick ? 30 : 300);
            }
            if (wanted(only, "bulk")) {
                for (BulkStack.Variant variant : BulkStack.Variant.ALL) {
                    BulkStack.measure(report, cognito, sizes.bulkLinks(), variant);
                }
            }
            if (wanted(only, "list") || wanted(only, "adopt")) {
                LargePool.seed(cognito, sizes.listUsers(), sizes.listLinks());
            }
            if (wanted(only, "list")) {
                ListAtScale.measure(report, cognito, wrapper, sizes.listUsers(), sizes.listLinks(), Duration.ZERO);
                ListAtScale.measure(report, cognito, wrapper, sizes.listUsers(), sizes.listLinks(), Duration.ofMillis(100));
            }
            if (wanted(only, "adopt")) {
                AdoptAtScale.measure(report, cognito, sizes.listUsers(), sizes.listLinks());
            }
        }
        final String table = report.markdown("mvn -B -Plocal -DskipTests package -Dlocal.args=\"bench"
            + (args.length == 0 ? "" : " " + String.join(" ", args)) + "\"");
        OUT.println();
        OUT.println(table);
        Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(Path.of("target", "bench", "report.md"), table);
        OUT.println("Written to target/bench/report.md");
        if (!report.failures().isEmpty()) {
            OUT.println("Benchmark FAILED (incorrect results): " + String.join(" | ", report.failures()));
            return 1;
        }
        return 0;
    }

    private static boolean wanted(final String only, final String scenario) {
        return only == null || only.equals(scenario);
    }

    private static void seedColdPool(final CognitoEmulator cognito, final int pairs) {
        synchronized (cognito.lock()) {
            final UserPools.Pool pool = cognito.pools().createPool("us-east-1_COLD", "cold").addProvider("Google", "Google",
                Map.of());
            for (int i = 0; i < pairs; i++) {
                pool.addUser("cold" + i, Map.of("email", "cold" + i + "@example.com"));
            }
        }
    }

    private static ObjectNode seedCallPool(final CognitoEmulator cognito, final int users) {
        synchronized (cognito.lock()) {
            final UserPools.Pool pool = cognito.pools().createPool("us-east-1_CALLS", "calls").addProvider("Google", "Google",
                Map.of());
            for (int i = 0; i < users; i++) {
                pool.addUser("caller" + i, Map.of("email", "caller" + i + "@example.com"));
            }
        }
        final ObjectNode link = JSON.createObjectNode().put("UserPoolId", "us-east-1_CALLS");
        link.putObject("SourceUser").put("ProviderName", "Google").put("ProviderAttributeName", "Cognito_Subject")
            .put("ProviderAttributeValue", "900000000000000000001");
        link.putObject("DestinationUser").put("ProviderName", "Cognito").put("ProviderAttributeValue", "caller0");
        return link;
    }
}
