package com.custom.cognito.providerlink.local.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.local.emulator.CognitoEmulator;
import com.custom.cognito.providerlink.local.emulator.Faults;
import com.custom.cognito.providerlink.local.emulator.RequestLog;
import com.custom.cognito.providerlink.local.emulator.UserPools;
import com.custom.cognito.providerlink.local.harness.Processes;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The conformance command's real-account path, in its own JVM on the shaded jar, with the SDK's standard endpoint
 * setting pointing it at an emulator: the caller's temporary credentials from the default chain, the SDK clients, the
 * sandbox and its cleanup, exactly as against a Region; and the cleanup a Ctrl-C (SIGTERM) triggers mid-run.
 */
class ConformanceRunIT {

    private static final String TOOL = "com.custom.cognito.providerlink.local.run.LocalTool";
    private static final String ACCESS_KEY_ID = "ASIACONFORMANCETEST0";

    private static String classpath() {
        return Path.of("target", "test-classes").toAbsolutePath() + File.pathSeparator + Processes.handlerJar();
    }

    private static Map<String, String> callerOf(final CognitoEmulator emulator) {
        return Map.of("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", emulator.endpoint().toString(), "AWS_ACCESS_KEY_ID",
            ACCESS_KEY_ID, "AWS_SECRET_ACCESS_KEY", "conformance-test-secret", "AWS_SESSION_TOKEN", "conformance-test-token");
    }

    private static List<UserPools.Pool> leftovers(final CognitoEmulator emulator) {
        synchronized (emulator.lock()) {
            return emulator.pools().pools().stream().filter(p -> p.name().startsWith(Sandbox.PREFIX)).toList();
        }
    }

    @Test
    void againstARegionTheRunUsesTheCallersCredentialsForEveryCallAndDeletesEverythingItCreated() throws Exception {
        try (CognitoEmulator emulator = CognitoEmulator.start(0)) {
            final Processes.Result result = Processes.java(Path.of("."), callerOf(emulator), classpath(), TOOL, "conformance",
                "--region", "us-east-1", "--yes");

            assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
            assertThat(result.stdout()).contains("Cognito in us-east-1", "16 of 17 as assumed",
                "coped with every answer", "not probed").doesNotContain("conformance-test-secret", "conformance-test-token");
            assertThat(leftovers(emulator)).isEmpty();
            assertThat(emulator.requests().count("CreateUserPool")).isEqualTo(3);
            assertThat(emulator.requests().count("DeleteUserPool")).isEqualTo(3);
            assertThat(emulator.requests().entries()).extracting(RequestLog.Entry::accessKeyId).containsOnly(ACCESS_KEY_ID);
        }
    }

    @Test
    void stoppedMidRunTheRunDeletesEverythingItCreatedFromItsShutdownHook() throws Exception {
        try (CognitoEmulator emulator = CognitoEmulator.start(0)) {
            // The first probe's AdminGetUser hangs, so the run is stopped with its pools, providers and users in place.
            emulator.faults().on("AdminGetUser").always().delay(Duration.ofMinutes(2)).inject(Faults.Kind.SLOW);
            try (Processes.Running run = Processes.start(Path.of("target", "conformance-tmp"), callerOf(emulator), classpath(),
                TOOL, "conformance", "--region", "us-east-1", "--yes")) {
                // Waits for the state (not for a time): all six users created, so the next call is the hanging one.
                while (run.process().isAlive() && emulator.requests().count("AdminCreateUser") < 6) {
                    Thread.sleep(50);
                }
                assertThat(leftovers(emulator)).hasSize(3);

                run.stop();

                assertThat(leftovers(emulator)).as(run.output()).isEmpty();
            }
            assertThat(emulator.requests().count("DeleteUserPool")).isEqualTo(3);
        }
    }
}
