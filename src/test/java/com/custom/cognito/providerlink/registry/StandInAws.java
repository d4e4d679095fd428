package com.custom.cognito.providerlink.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The scripts under {@code scripts/} run with {@code src/test/resources/fake-aws/aws} first on the PATH: a stand-in
 * for the AWS CLI that records every call and answers as a scenario says.
 */
final class StandInAws {

    /** What a script printed, and the AWS CLI calls it made (without the leading {@code aws}). */
    record Run(int exitCode, List<String> stdout, String stderr, List<String> awsCalls) {
    }

    private final Path scratch;
    private final Path bin;

    StandInAws(final String folder) throws IOException {
        this.scratch = Path.of("target", folder).toAbsolutePath();
        this.bin = Files.createDirectories(scratch.resolve("bin"));
        final Path aws = bin.resolve("aws");
        Files.copy(Path.of("src/test/resources/fake-aws/aws"), aws, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(aws, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    Path scratch() {
        return scratch;
    }

    /** The script against the stand-in, answering as {@code scenario} says. */
    Run withScenario(final String script, final String scenario, final Map<String, String> more, final String... arguments)
        throws Exception {
        final Map<String, String> environment = new HashMap<>(more);
        environment.put("PATH", bin + ":/usr/bin:/bin");
        environment.put("FAKE_AWS_SCENARIO", scenario);
        return run(script, environment, arguments);
    }

    /** The script with no AWS CLI at all on the PATH (a dry run must not need one). */
    Run withoutAws(final String script, final String... arguments) throws Exception {
        return run(script, Map.of("PATH", "/usr/bin:/bin"), arguments);
    }

    private Run run(final String script, final Map<String, String> environment, final String... arguments)
        throws Exception {
        final Path log = scratch.resolve("aws-calls.log");
        Files.deleteIfExists(log);
        final List<String> command = new ArrayList<>(List.of("bash", script));
        command.addAll(List.of(arguments));
        final ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("AWS_PROFILE");
        builder.environment().putAll(environment);
        builder.environment().put("FAKE_AWS_LOG", log.toString());
        final Path out = scratch.resolve("stdout.txt");
        final Path err = scratch.resolve("stderr.txt");
        final Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8), Files.exists(log) ? Files.readAllLines(log) : List.of());
    }
}
