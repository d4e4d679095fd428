package com.custom.cognito.providerlink.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's local commands, as a new user runs them: their own JVM, the shaded jar, the committed request files. */
class LocalToolIT {

    private static final String TOOL = "com.custom.cognito.providerlink.local.run.LocalTool";

    private static String classpath() {
        return Path.of("target", "test-classes").toAbsolutePath() + File.pathSeparator + Processes.handlerJar();
    }

    @Test
    void theLifecycleCommandCreatesReadsListsAndDeletesTheExampleLinkAgainstTheEmbeddedCognito() {
        final Processes.Result result = Processes.java(Path.of("."), Map.of(), classpath(), TOOL, "lifecycle");

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
}
