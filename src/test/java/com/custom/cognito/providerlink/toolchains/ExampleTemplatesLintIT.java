package com.custom.cognito.providerlink.toolchains;

import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.local.Processes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example templates pass cfn-lint (with the registry schemas for the registry type) without any finding. */
class ExampleTemplatesLintIT {

    @Test
    void theCloudFormationAndCustomResourceExamplesPassCfnLintWithoutFindings() {
        final Path lint = Toolchain.require("cfn-lint", "linting the example templates");

        final Processes.Result result = Processes.run(Path.of("target", "toolchains", "lint").toAbsolutePath(), Map.of(),
            Duration.ofMinutes(3), List.of(lint.toString(), "--registry-schemas",
                Path.of("examples/cfn-lint/registry-schemas").toAbsolutePath().toString(), "--",
                Path.of("examples/cloudformation/provider-link.yaml").toAbsolutePath().toString(),
                Path.of("examples/custom-resource/function.yaml").toAbsolutePath().toString(),
                Path.of("examples/custom-resource/provider-link.yaml").toAbsolutePath().toString()));

        assertThat(result.exitCode()).as("cfn-lint: 0 means no error, warning or informational finding\n" + result.stdout()
            + result.stderr()).isZero();
    }
}
