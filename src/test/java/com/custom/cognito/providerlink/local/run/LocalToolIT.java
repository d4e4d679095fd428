package com.custom.cognito.providerlink.local.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.local.harness.Processes;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's local commands, as a new user runs them: their own JVM, the shaded jar, the committed request files. */
class LocalToolIT {

    private static final String TOOL = "com.custom.cognito.providerlink.local.run.LocalTool";

    private static String classpath() {
        return Path.of("target", "test-classes").toAbsolutePath() + File.pathSeparator + Processes.handlerJar();
    }

    @Test
    void theLifecycleCommandCreatesReadsListsAndDeletesTheExampleLinkAgainstTheEmbeddedCognito() {
        // The run command's custom-resource part answers to a stand-in on this machine: the opt-in the pom sets for it.
        final Processes.Result result = Processes.java(Path.of("."), Map.of("PROVIDERLINK_ALLOW_RESPONSE_URL_PREFIX",
            "http://127.0.0.1:"), classpath(), TOOL, "lifecycle");

        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
        assertThat(result.stdout())
            .contains("CREATE  SUCCESS", "READ    SUCCESS", "LIST    SUCCESS", "DELETE  SUCCESS", "READ    FAILED      NotFound")
            .contains("Lifecycle OK");
    }

    @Test
    void invokeRunsOneActionFromARequestFileAgainstTheEmulator() {
        final Processes.Result result = Processes.java(Path.of("."), Map.of(), classpath(), TOOL, "invoke", "CREATE",
            "requests/create.json", "--emulator");

        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
        assertThat(result.stdout()).contains("CREATE  "
            + "SUCCESS").contains("\"Id\":\"us-east-1_EXAMPLE|Cognito|alice|Google|104578123456789012345\"");
    }

    @Test
    void invokeReportsAFailureWithItsExitCode() {
        final Processes.Result result = Processes.java(Path.of("."), Map.of(), classpath(), TOOL, "invoke", "READ",
            "requests/read.json", "--emulator");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).contains("READ    FAILED      NotFound");
    }

    @Test
    void invokeAgainstARunningEmulatorKeepsTheLinkBetweenCommands() throws Exception {
        try (RunningEmulator emulator = RunningEmulator.start("--port", "0", "--seed-demo")) {
            final Processes.Result created = invoke("CREATE", "requests/create.json", "--endpoint", emulator.url());
            final Processes.Result read = invoke("READ", "requests/read.json", "--endpoint", emulator.url());
            final Processes.Result deleted = invoke("DELETE", "requests/read.json", "--endpoint", emulator.url());
            final Processes.Result gone = invoke("READ", "requests/read.json", "--endpoint", emulator.url());

            assertThat(created.stdout()).as(created.stderr()).contains("CREATE  SUCCESS");
            assertThat(read.stdout()).as(read.stderr()).contains("READ    SUCCESS");
            assertThat(deleted.stdout()).as(deleted.stderr()).contains("DELETE  SUCCESS");
            assertThat(gone.stdout()).contains("READ    FAILED      NotFound");
        }
    }

    @Test
    void theEmulatorOnAPortInUseSaysSoInOneLineAndHowToPickAnother() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            final Processes.Result result = Processes.java(Path.of("."), Map.of(), classpath(), TOOL, "emulator", "--port",
                String.valueOf(taken.getLocalPort()));

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.stderr().strip()).contains("already in use", "--port").doesNotContain("Exception", "\tat ")
                .hasLineCount(1);
        }
    }

    @Test
    void theEmulatorStopsCleanlyWhenInterrupted() throws Exception {
        final RunningEmulator emulator = RunningEmulator.start("--port", "0");

        final int exit = emulator.stop();

        assertThat(exit).isZero();
        assertThat(emulator.output()).contains("Emulator stopped.").doesNotContain("Exception");
    }

    @Test
    void invokeRefusesCredentialsAnywhereInTheRequestFileInOneLine(@TempDir final Path dir) throws Exception {
        final Map<String, String> files = Map.of(
            "top.json", "{\"desiredResourceState\":{},\"callerCredentials\":{\"accessKeyId\":\"x\"}}",
            "nested.json", "{\"desiredResourceState\":{},\"requestData\":{\"ProviderCredentials\":{}}}",
            "snake.json", "{\"desiredResourceState\":{\"x\":[{\"aws_secret_access_key\":\"y\"}]}}",
            "value.json", "{\"desiredResourceState\":{\"UserPoolId\":\"ASIAABCDEFGHIJKLMNOP\"}}");
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue());

            final Processes.Result result = invoke("READ", dir.resolve(file.getKey()).toString(), "--emulator");

            assertThat(result.exitCode()).as(file.getKey()).isEqualTo(1);
            assertThat(result.stderr().strip()).as(file.getKey()).contains("holds credentials at /", "remove them")
                .doesNotContain("Exception").hasLineCount(1);
            assertThat(result.stdout()).as(file.getKey()).doesNotContain("READ ");
        }
    }

    @Test
    void invokeWithAMissingRequestFileSaysSoInOneLine() {
        final Processes.Result result = invoke("READ", "requests/no-such-file.json", "--emulator");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr().strip()).startsWith("No request file requests/no-such-file.json").hasLineCount(1);
    }

    @Test
    void conformanceOnTheEmulatorReportsEveryAssumptionAsAssumed() throws Exception {
        final Processes.Result result = Processes.java(Path.of("."), Map.of(), classpath(), TOOL, "conformance",
            "--emulator");

        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
        assertThat(result.stdout()).contains("17 of 17 as assumed", "Report written to target/conformance-report.md");
        assertThat(Files.readString(Path.of("target", "conformance-report.md"))).contains("| `readLagCalls` |",
            "## Exact error texts", "deleted user pool");
    }

    @Test
    void conformanceDryRunPrintsThePlanWithoutCredentials() {
        final Processes.Result result = Processes.java(Path.of("."), Map.of("AWS_ACCESS_KEY_ID", "", "AWS_PROFILE",
            "none"), classpath(), TOOL, "conformance", "--dry-run", "--region", "eu-west-1");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains("In eu-west-1", "3 user pools", "Dry run: nothing is sent", "CreateUserPool",
            "DeleteUserPool");
    }

    @Test
    void conformanceAgainstARegionCreatesNothingUnlessConfirmed() {
        final Processes.Result result = Processes.java(Path.of("."), Map.of("AWS_ACCESS_KEY_ID", "ASIAEXAMPLEEXAMPLE00",
            "AWS_SECRET_ACCESS_KEY", "not-a-real-secret-value", "AWS_SESSION_TOKEN", "not-a-real-session-token"), classpath(),
            TOOL, "conformance", "--region",
            "eu-west-1");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).contains("In eu-west-1", "Type yes to go on", "Nothing created.")
            .doesNotContain("created user pool", "not-a-real-secret-value", "not-a-real-session-token", "ASIAEXAMPLE");
    }

    private static Processes.Result invoke(final String... arguments) {
        final String[] all = new String[arguments.length + 1];
        all[0] = "invoke";
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        return Processes.java(Path.of("."), Map.of(), classpath(), TOOL, all);
    }

    /** The emulator command in a JVM of its own, until stopped as Ctrl-C would stop it. */
    private record RunningEmulator(Processes.Running jvm, String url) implements AutoCloseable {

        static RunningEmulator start(final String... arguments) throws Exception {
            final String[] all = new String[arguments.length + 1];
            all[0] = "emulator";
            System.arraycopy(arguments, 0, all, 1, arguments.length);
            final Processes.Running jvm = Processes.start(Path.of("target", "scratch-tmp", "emulator"), Map.of(), classpath(),
                TOOL, all);
            // Waits for the banner (not for a time): the process prints it once it listens, or ends.
            final Pattern banner = Pattern.compile("Local AWS endpoint on (http://\\S+)");
            while (jvm.process().isAlive()) {
                final Matcher found = banner.matcher(jvm.output());
                if (found.find() && jvm.output().contains("Ctrl-C stops it.")) {
                    return new RunningEmulator(jvm, found.group(1));
                }
                Thread.sleep(50);
            }
            throw new IllegalStateException("the emulator ended: " + jvm.output());
        }

        String output() throws Exception {
            return jvm.output();
        }

        int stop() throws Exception {
            return jvm.stop();
        }

        @Override
        public void close() throws IOException {
            jvm.close();
        }
    }
}
