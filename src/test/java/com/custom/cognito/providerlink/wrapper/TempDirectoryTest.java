package com.custom.cognito.providerlink.wrapper;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TempDirectoryTest {

    private static final Map<String, String> LAMBDA = Map.of("AWS_LAMBDA_FUNCTION_NAME", "TypeFunction", "LAMBDA_TASK_ROOT",
        "/var/task");

    private static TempDirectory at(final Map<String, String> environment, final String scratchDir, final Set<String> files,
        final long pid) {
        return new TempDirectory(environment, "/tmp", scratchDir, path -> files.contains(path.toString()), () -> pid);
    }

    @Test
    void aWorkstationsSharedTempDirectoryIsNeverTheHandlers() {
        final TempDirectory workstation = at(Map.of("HOME", "/home/dev"), null, Set.of(), 4242);

        assertThat(workstation.belongsToHandler()).isFalse();
    }

    @Test
    void insideLambdaTheSandboxTempDirectoryIsTheHandlers() {
        assertThat(at(LAMBDA, null, Set.of(), 9).belongsToHandler()).isTrue();
        assertThat(at(Map.of("AWS_LAMBDA_FUNCTION_NAME", "x"), null, Set.of(), 9).belongsToHandler())
            .as("one Lambda variable set by hand is not Lambda").isFalse();
    }

    @Test
    void aContainerWhoseFirstProcessIsTheHandlerIsTheHandlers() {
        assertThat(at(Map.of(), null, Set.of("/.dockerenv"), 1).belongsToHandler()).isTrue();
        assertThat(at(Map.of(), null, Set.of("/run/.containerenv"), 1).belongsToHandler()).isTrue();
        assertThat(at(Map.of(), null, Set.of("/.dockerenv"), 312).belongsToHandler())
            .as("a shell inside a development container is not a container started for the handler").isFalse();
    }

    @Test
    void aDirectoryTheUserNamedIsTheHandlersOnlyWhenItIsTheTempDirectory() {
        assertThat(at(Map.of(), "/tmp", Set.of(), 4242).belongsToHandler()).isTrue();
        assertThat(at(Map.of(), "/tmp/../tmp/", Set.of(), 4242).belongsToHandler()).isTrue();
        assertThat(at(Map.of(), "/var/scratch", Set.of(), 4242).belongsToHandler()).isFalse();
        assertThat(at(Map.of(), " ", Set.of(), 4242).belongsToHandler()).isFalse();
    }

}
