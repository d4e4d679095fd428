package com.custom.cognito.providerlink.local.bench;

import com.custom.cognito.providerlink.local.adopt.Adopt;
import com.custom.cognito.providerlink.local.emulator.CognitoEmulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code adopt} of the {@link LargePool} at the quotas: one run, against the floor of reading every user once at the
 * UserList quota (60 users a page, 30 pages a second); its SAML links cost one AdminGetUser each (UserRead quota).
 */
final class AdoptAtScale {

    private AdoptAtScale() {
    }

    static void measure(final Report report, final CognitoEmulator cognito, final int users, final int links)
        throws Exception {
        final Path out = Path.of("target", "bench", "adopt").toAbsolutePath();
        final ByteArrayOutputStream errors = new ByteArrayOutputStream();
        final int mark = cognito.requests().mark();
        cognito.quotas().enable();
        final long started = System.nanoTime();
        final int exit;
        try {
            exit = new Adopt(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(errors, true,
                    StandardCharsets.UTF_8))
                .run(
                    new String[]{"--user-pool-id", LargePool.ID, "--endpoint", cognito.endpoint().toString(),
                        "--type-name", "Acme::Cognito::ProviderLink", "--out", out.toString()});
        } finally {
            cognito.quotas().disable();
        }
        final double seconds = (System.nanoTime() - started) / 1e9;
        final long pages =
            cognito.requests().since(mark).stream().filter(e -> e.operation().equals("ListUsers") && e.status() == 200)
                .count();
        final double floor = Math.ceil(users / 60.0) / 30.0;
        final List<String> problems = new ArrayList<>();
        if (exit != 0) {
            problems.add("adopt exited " + exit + ": " + errors.toString(StandardCharsets.UTF_8).strip());
        }
        final long templates;
        try (Stream<Path> files = Files.list(out.resolve("cloudformation"))) {
            templates = files.filter(f -> f.toString().endsWith(".yaml")).count();
        }
        final long expectedTemplates = (links + 499) / 500;
        if (templates != expectedTemplates) {
            problems.add(templates + " templates, not " + expectedTemplates);
        }
        final String written = Files.readString(out.resolve("adoption-report.md"));
        if (!written.contains("| Links found | " + links + " |")) {
            problems.add("the report does not count " + links + " links");
        }
        report.add("adopt of " + users + " users / " + links + " links at the quotas", String.format(
            "%.1f s = %.2f× the UserList floor of %.1f s (%d ListUsers pages); %d templates", seconds, seconds / floor, floor,
            pages, templates), "≤ 1.25× the floor, " + expectedTemplates + " templates", problems);
    }
}
