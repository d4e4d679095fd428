package com.custom.cognito.providerlink.toolchains;

import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.contract.LocalCognito;
import com.custom.cognito.providerlink.local.emulator.RequestLog;
import com.custom.cognito.providerlink.local.harness.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Terraform CLI in a scratch folder under {@code target/}, with the machine's {@code hashicorp/aws} mirror and the
 * emulator's provider settings ({@code examples/terraform/emulator/emulator.tf}) pointing every service at the local
 * endpoint; the test is skipped when Terraform or the mirror is missing.
 */
final class TerraformCli {

    private final Path terraform;
    private final Path work;
    private final Path cliConfig;

    private TerraformCli(final Path terraform, final Path work, final Path cliConfig) {
        this.terraform = terraform;
        this.work = work;
        this.cliConfig = cliConfig;
    }

    /** An empty {@code target/toolchains/<folder>} with the emulator's provider file in it. */
    static TerraformCli inScratchFolder(final String folder) throws IOException {
        final Path terraform = Toolchain.require("terraform", "the Terraform tests");
        final Path mirror = Toolchain.requireAwsProviderMirror();
        LocalCognito.cloudControl();
        final Path work = Path.of("target", "toolchains", folder).toAbsolutePath();
        Toolchain.deleteTree(work);
        Files.createDirectories(work);
        Files.copy(Path.of("examples", "terraform", "emulator", "emulator.tf"), work.resolve("emulator.tf"));
        Files.writeString(work.resolve("emulator.auto.tfvars"), "emulator_endpoint = \"" + LocalCognito.emulator()
            .endpoint() + "\"\n");
        final Path cliConfig = work.resolveSibling(folder + ".tfrc");
        Files.writeString(cliConfig, "provider_installation {\n"
            + "  filesystem_mirror {\n    path    = \"" + mirror
            + "\"\n    include = [\"registry.terraform.io/hashicorp/aws\"]\n  }\n"
            + "  direct {\n    exclude = [\"registry.terraform.io/hashicorp/aws\"]\n  }\n}\n");
        return new TerraformCli(terraform, work, cliConfig);
    }

    Path work() {
        return work;
    }

    Processes.Result run(final String... arguments) {
        final List<String> command = new ArrayList<>(List.of(terraform.toString()));
        command.addAll(List.of(arguments));
        return Processes.run(work, Map.of("TF_CLI_CONFIG_FILE", cliConfig.toString(), "TF_IN_AUTOMATION", "1", "TF_INPUT",
            "0", "CHECKPOINT_DISABLE", "1", "AWS_EC2_METADATA_DISABLED", "true"), Duration.ofMinutes(5), command);
    }

    /** Runs, and fails the test with Terraform's output and the last Cognito calls unless it exits 0. */
    Processes.Result succeeds(final String... arguments) {
        final Processes.Result result = run(arguments);
        final List<RequestLog.Entry> calls = LocalCognito.emulator().requests().entries();
        assertThat(result.exitCode()).as(result.stdout() + "\n" + result.stderr() + "\nthe last Cognito calls: "
            + calls.subList(Math.max(0, calls.size() - 30), calls.size()).stream()
                .map(e -> e.operation() + " " + e.status() + (e.errorType() == null ? "" : " " + e.errorType())).toList())
            .isZero();
        return result;
    }
}
