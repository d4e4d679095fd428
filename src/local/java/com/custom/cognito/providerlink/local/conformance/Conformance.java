package com.custom.cognito.providerlink.local.conformance;

import com.custom.cognito.providerlink.local.emulator.Behaviour;
import com.custom.cognito.providerlink.local.emulator.CognitoEmulator;
import com.custom.cognito.providerlink.local.emulator.RequestLog;
import com.custom.cognito.providerlink.local.harness.CallerCredentials;
import com.custom.cognito.providerlink.local.harness.LocalContext;
import com.custom.cognito.providerlink.local.harness.WrapperInvoker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * {@code conformance}: checks what the emulator assumes about Cognito against a real account, or, with
 * {@code --emulator}, against the emulator itself (the same code path, so that it cannot rot).
 * <pre>
 *   conformance --region R [--yes]    create, probe, delete; report in target/conformance-report.md
 *   conformance --dry-run [--region R]  every call it would make, rehearsed on a private emulator; nothing sent
 *   conformance --cleanup --region R  delete leftovers of earlier runs (prefix and tag), nothing else
 *   conformance --emulator            the run against the in-process emulator; fails unless all is as assumed
 * </pre>
 */
public final class Conformance {

    static final Path REPORT = Path.of("target", "conformance-report.md");
    /** The SAML metadata, a JSON string with escaped quotes inside. */
    private static final Pattern METADATA = Pattern.compile("\"MetadataFile\":\"(?:[^\"\\\\]++|\\\\.)*+\"");
    private static final Pattern POOL_ID = Pattern.compile("[a-z]{2}(?:-[a-z]+)+-\\d_[0-9A-Za-z]+");

    private Conformance() {
    }

    public static int run(final String[] args, final PrintStream out, final InputStream in) throws Exception {
        final List<String> options = Arrays.asList(args);
        final List<String> known = List.of("--region", "--yes", "--dry-run", "--cleanup", "--emulator");
        for (int i = 0; i < options.size(); i++) {
            if (!known.contains(options.get(i)) && !(i > 0 && options.get(i - 1).equals("--region"))) {
                out.println("conformance: unknown option " + options.get(i) + "; usage: conformance --region R [--yes] |"
                    + " --dry-run [--region R] | --cleanup --region R | --emulator");
                return 2;
            }
        }
        if (options.contains("--emulator")) {
            final ConformanceReport report = onEmulator(Behaviour.defaults(), out);
            out.println(report.markdown());
            out.println("Report written to " + report.write(REPORT));
            return report.allAsAssumed() && report.handlersCoped() ? 0 : 1;
        }
        if (options.contains("--dry-run")) {
            final int at = options.indexOf("--region");
            return dryRun(at >= 0 && at + 1 < options.size() ? options.get(at + 1) : "us-east-1", out);
        }
        if (!options.contains("--region")) {
            out.println("conformance: pass --region <region> (a test account's), --dry-run, or --emulator.");
            return 2;
        }
        final Optional<CallerCredentials> caller = CallerCredentials.resolve(options, out);
        if (caller.isEmpty()) {
            return 2;
        }
        try (CognitoIdentityProviderClient cognito = client(caller.get())) {
            if (options.contains("--cleanup")) {
                out.println("Deleting leftovers of earlier conformance runs in " + caller.get().region() + ":");
                out.println(Sandbox.sweep(cognito, out) + " user pool(s) deleted.");
                return 0;
            }
            out.println(Fixture.describe(caller.get().region()));
            if (!options.contains("--yes") && !confirmed(in, out)) {
                out.println("Nothing created.");
                return 1;
            }
            final WrapperInvoker handlers = new WrapperInvoker(caller.get().region(), caller.get().credentials(),
                new LocalContext(false, Duration.ofMinutes(15).toMillis()), Duration.ofSeconds(60));
            final ConformanceReport report = execute("Cognito in " + caller.get().region(), cognito, handlers, null,
                Duration.ofSeconds(1), out);
            out.println(report.markdown());
            out.println("Report written to " + report.write(REPORT) + ". Please send it back: see the README.");
            return report.handlersCoped() ? 0 : 1;
        }
    }

    /** The whole run against a fresh in-process emulator that behaves as {@code behaviour} says. */
    static ConformanceReport onEmulator(final Behaviour behaviour, final PrintStream out) throws Exception {
        try (CognitoEmulator emulator = CognitoEmulator.start(0, behaviour)) {
            return onEmulator(emulator, "us-east-1", out);
        }
    }

    static ConformanceReport onEmulator(final CognitoEmulator emulator, final String region, final PrintStream out)
        throws Exception {
        final String property = "aws.endpointUrlCognitoIdentityProvider";
        final String previous = System.getProperty(property);
        System.setProperty(property, emulator.endpoint().toString());
        final WrapperInvoker.Credentials fake = WrapperInvoker.Credentials.fake();
        try (CognitoIdentityProviderClient cognito = CognitoIdentityProviderClient.builder().region(Region.of(region))
            .endpointOverride(emulator.endpoint()).credentialsProvider(StaticCredentialsProvider.create(
                AwsBasicCredentials.create(fake.accessKeyId(), fake.secretAccessKey())))
            .build()) {
            final WrapperInvoker handlers = new WrapperInvoker(region, fake, new LocalContext(false,
                Duration.ofMinutes(15).toMillis()), Duration.ZERO);
            return execute("the Cognito emulator (" + emulator.endpoint() + ")", cognito, handlers, emulator, Duration.ZERO,
                out);
        } finally {
            if (previous == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, previous);
            }
        }
    }

    /** Creates the fixture, runs every probe, and deletes what it created, whatever happens. */
    static ConformanceReport execute(final String target, final CognitoIdentityProviderClient cognito,
        final WrapperInvoker handlers, final CognitoEmulator emulator, final Duration pause,
        final PrintStream out) throws Exception {
        final Sandbox sandbox = new Sandbox(cognito, out, emulator);
        try {
            out.println("Conformance run " + sandbox.runId() + " against " + target);
            final Fixture fixture = Fixture.create(sandbox, Path.of(System.getProperty("java.io.tmpdir")));
            final Probes probes = new Probes(new ProbeKit(cognito, handlers, fixture, sandbox, pause));
            final List<Finding> findings = probes.all();
            sandbox.close();
            final Map<String, String> texts = new LinkedHashMap<>();
            fixture.refused().forEach((provider, text) -> texts.put("CreateIdentityProvider " + provider + " refused", text));
            texts.putAll(probes.errorTexts());
            return new ConformanceReport(target, sandbox.runId(), findings, texts, sandbox.cleanupLog());
        } finally {
            sandbox.close();
        }
    }

    /** The run rehearsed on a private emulator, printed as the calls it would send to {@code region}. */
    static int dryRun(final String region, final PrintStream out) throws Exception {
        out.println(Fixture.describe(region));
        out.println();
        final RequestLog log;
        final PrintStream quiet = new PrintStream(PrintStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        try (CognitoEmulator emulator = CognitoEmulator.start(0)) {
            onEmulator(emulator, region, quiet);
            log = emulator.requests();
        }
        final Map<String, String> names = new LinkedHashMap<>();
        final List<RequestLog.Entry> calls = log.entries();
        out.println("Dry run: nothing is sent. These are the " + calls.size() + " calls the run makes when " + region
            + " answers as the emulator assumes (user pools numbered in the order created):");
        int n = 0;
        for (RequestLog.Entry call : calls) {
            out.printf(Locale.ROOT, "%4d  %-28s %s%n", ++n, call.operation(), brief(call, names));
        }
        return 0;
    }

    /** The call's parameters, short: pool ids as placeholders, long values (SAML metadata) cut. */
    private static String brief(final RequestLog.Entry call, final Map<String, String> names) {
        String body = call.body() == null ? "" : call.body().toString();
        final Matcher ids = POOL_ID.matcher(body);
        final StringBuilder replaced = new StringBuilder();
        while (ids.find()) {
            final String name = names.computeIfAbsent(ids.group(), id -> "<pool " + (names.size() + 1) + ">");
            ids.appendReplacement(replaced, Matcher.quoteReplacement(name));
        }
        ids.appendTail(replaced);
        body = METADATA.matcher(replaced).replaceAll("\"MetadataFile\":\"<generated metadata>\"");
        return body.length() > 200 ? body.substring(0, 197) + "..." : body;
    }

    private static boolean confirmed(final InputStream in, final PrintStream out) throws IOException {
        out.print("Create these resources now? Type yes to go on (or pass --yes): ");
        out.flush();
        final String answer = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        return answer != null && answer.strip().equalsIgnoreCase("yes");
    }

    private static CognitoIdentityProviderClient client(final CallerCredentials caller) {
        final WrapperInvoker.Credentials c = caller.credentials();
        return CognitoIdentityProviderClient.builder().region(Region.of(caller.region()))
            .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(c.accessKeyId(),
                c.secretAccessKey(), c.sessionToken())))
            .build();
    }
}
