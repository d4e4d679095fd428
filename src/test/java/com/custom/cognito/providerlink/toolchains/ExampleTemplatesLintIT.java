package com.custom.cognito.providerlink.toolchains;

import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.local.harness.Processes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The example templates pass cfn-lint (with the registry schemas for the registry type) without any finding. */
class ExampleTemplatesLintIT {

    private static final Path WORK = Path.of("target", "toolchains", "lint").toAbsolutePath();

    @Test
    void theCloudFormationCustomResourceAndOrganisationExamplesPassCfnLintWithoutFindings() {
        final Path lint = Toolchain.require("cfn-lint", "linting the example templates");

        final Processes.Result result = Processes.run(WORK, Map.of(), Duration.ofMinutes(3), List.of(lint.toString(),
            "--registry-schemas", Path.of("examples/cfn-lint/registry-schemas").toAbsolutePath().toString(), "--",
            Path.of("examples/cloudformation/provider-link.yaml").toAbsolutePath().toString(),
            Path.of("examples/custom-resource/function.yaml").toAbsolutePath().toString(),
            Path.of("examples/custom-resource/provider-link.yaml").toAbsolutePath().toString(),
            Path.of("examples/organization/provider-link-type.yaml").toAbsolutePath().toString(),
            Path.of("examples/organization/rollout.yaml").toAbsolutePath().toString(),
            Path.of("examples/organization/activate-public-type.yaml").toAbsolutePath().toString()));

        assertThat(result.exitCode()).as("cfn-lint: 0 means no error, warning or informational finding\n" + result.stdout()
            + result.stderr()).isZero();
    }

    /**
     * Why an upgrade never leaves versions behind: the registry's own schema (as cfn-lint bundles it) makes the
     * package create-only, so a new package key replaces the version, and the default version, which references it, is
     * updated before CloudFormation deletes the old one.
     */
    @Test
    void theRegistrySchemaMakesThePackageCreateOnlySoANewPackageReplacesTheVersion() {
        final Path python = Toolchain.require("python3", "reading cfn-lint's bundled registry schemas");
        final Processes.Result result = Processes.run(WORK, Map.of(), Duration.ofMinutes(1), List.of(python.toString(), "-c",
            "from cfnlint.schema import PROVIDER_SCHEMA_MANAGER as m\n"
                + "v = m.get_resource_schema('us-east-1', 'AWS::CloudFormation::ResourceVersion').schema\n"
                + "d = m.get_resource_schema('us-east-1', 'AWS::CloudFormation::ResourceDefaultVersion').schema\n"
                + "print('version', sorted(v.get('createOnlyProperties', [])))\n"
                + "print('default', sorted(d.get('createOnlyProperties', [])))\n"));
        Assumptions.assumeTrue(result.exitCode() == 0, "SKIPPED: cfn-lint's Python package is not importable: "
            + result.stderr());

        assertThat(result.stdout()).contains("version ['/properties/ExecutionRoleArn', '/properties/LoggingConfig', "
            + "'/properties/SchemaHandlerPackage', '/properties/TypeName']")
            .as("the default version is updated in place, not replaced").contains("default []");
    }
}
