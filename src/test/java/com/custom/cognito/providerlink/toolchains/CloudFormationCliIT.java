package com.custom.cognito.providerlink.toolchains;

import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.local.harness.Processes;
import com.custom.cognito.providerlink.local.registry.RegistryPackage;
import com.custom.cognito.providerlink.local.registry.TypeName;
import com.custom.cognito.providerlink.wrapper.BuildInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The README's CloudFormation CLI path, with the real {@code cfn} (on PATH, or named by {@code CFN_CLI}): in the
 * project the registry build writes for a chosen name, {@code cfn validate} (no warnings), {@code cfn generate} and
 * {@code cfn submit --dry-run} succeed.
 */
class CloudFormationCliIT {

    @Test
    void cfnValidatesGeneratesAndPackagesTheProjectWrittenForARegisteredName() throws IOException {
        final Optional<Path> cfn = Optional.ofNullable(System.getenv("CFN_CLI")).map(Path::of).or(() -> Toolchain.onPath("cfn"));
        Assumptions.assumeTrue(cfn.isPresent(), "SKIPPED: `cfn` (the CloudFormation CLI) is not on PATH and CFN_CLI is not set");
        final Path project = RegistryPackage.build(Path.of("."), TypeName.parse("Acme::Cognito::ProviderLink"),
            Processes.handlerJar(),
            Path.of("target", "toolchains", "cfn")).project().toAbsolutePath();

        final Processes.Result validate = cfn(cfn.get(), project, "validate");
        assertThat(validate.exitCode()).as(validate.stdout() + validate.stderr()).isZero();
        assertThat(validate.stdout()
            + validate.stderr()).contains("Resource schema is valid.").doesNotContainIgnoringCase("warning")
            .doesNotContain("Could not validate");

        final Processes.Result generate = cfn(cfn.get(), project, "generate");
        assertThat(generate.exitCode()).as(generate.stdout() + generate.stderr()).isZero();
        assertThat(project.resolve("target/generated-sources/rpdk/com/custom/cognito/providerlink/ResourceModel.java")).exists();

        final Processes.Result submit = cfn(cfn.get(), project, "submit", "--dry-run");
        assertThat(submit.exitCode()).as(submit.stdout() + submit.stderr()).isZero();
        try (ZipFile zip = new ZipFile(project.resolve("acme-cognito-providerlink.zip").toFile())) {
            assertThat(zip.getEntry("target/" + BuildInfo.jarName("acme-cognito-providerlink"))).isNotNull();
            assertThat(zip.getEntry("schema.json")).isNotNull();
        }
        assertThat(Files.readString(project.resolve("resource-role.yaml"))).contains("Acme-Cognito-ProviderLink");
    }

    private static Processes.Result cfn(final Path cfn, final Path project, final String... arguments) {
        final List<String> command = new ArrayList<>(List.of(cfn.toString()));
        command.addAll(List.of(arguments));
        return Processes.run(project, Map.of(), Duration.ofMinutes(3), command);
    }
}
