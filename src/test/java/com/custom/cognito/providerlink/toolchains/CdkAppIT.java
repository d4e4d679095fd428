package com.custom.cognito.providerlink.toolchains;

import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.local.harness.Processes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code examples/cdk} as its README says to run it: {@code npm ci} from the npm registry with the pinned lock file,
 * then {@code npx cdk synth} with the type name given by context, in a scratch copy; then the synthesized template
 * is checked, and linted with cfn-lint and the registry schemas.
 */
class CdkAppIT {

    private static final String TYPE = "Acme::Cognito::ProviderLink";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path WORK = Path.of("target", "toolchains", "cdk").toAbsolutePath();
    private static Path template;
    private static Path customResourceTemplate;

    @BeforeAll
    static void synthesize() throws IOException {
        final Path npm = Toolchain.require("npm", "the CDK app test");
        Toolchain.require("node", "the CDK app test");
        copyWithoutBuildOutput(Path.of("examples", "cdk"), WORK);

        final Processes.Result install = run(List.of(npm.toString(), "ci", "--no-audit", "--no-fund"));
        assertThat(install.exitCode()).as(install.stdout() + install.stderr()).isZero();
        final Processes.Result synth = run(List.of(Toolchain.require("npx", "the CDK app test").toString(), "cdk", "synth",
            "-c", "providerLinkType=" + TYPE, "--no-notices", "--no-version-reporting", "-q"));
        assertThat(synth.exitCode()).as(synth.stdout() + synth.stderr()).isZero();
        template = WORK.resolve("cdk.out/ProviderLinkStack.template.json");
        customResourceTemplate = WORK.resolve("cdk.out/ProviderLinkCustomResourceStack.template.json");
    }

    @Test
    void theSynthesizedLinkHasTheContextsTypeNameTheExamplePropertiesAndComesAfterItsProviderByReference() throws IOException {
        final JsonNode resources = JSON.readTree(template.toFile()).path("Resources");
        final JsonNode link = resources.path("AliceGoogleLink");
        final String provider = link.at("/Properties/SourceUser/ProviderName/Ref").asText();

        assertThat(link.path("Type").asText()).isEqualTo(TYPE);
        assertThat(resources.path(provider).path("Type").asText()).as("SourceUser.ProviderName refers to the Google provider")
            .isEqualTo("AWS::Cognito::UserPoolIdentityProvider");
        assertThat(link.at("/Properties/UserPoolId/Ref").asText()).isEqualTo(resources.path(provider)
            .at("/Properties/UserPoolId/Ref")
            .asText());
        assertThat(link.at("/Properties/SourceUser/ProviderAttributeName").asText()).isEqualTo("Cognito_Subject");
        assertThat(link.at("/Properties/SourceUser/ProviderAttributeValue/Ref").asText()).isEqualTo("AliceGoogleSubject");
        assertThat(link.at("/Properties/DestinationUser/ProviderName").asText()).isEqualTo("Cognito");
        assertThat(resources.path(link.at("/Properties/DestinationUser/ProviderAttributeValue/Ref").asText()).path("Type")
            .asText())
            .isEqualTo("AWS::Cognito::UserPoolUser");
        assertThat(link.has("DependsOn")).as("the Ref already orders it").isFalse();
    }

    @Test
    void theCustomResourceVariantDeclaresTheSameLinkWithTheFunctionsExportedServiceToken() throws IOException {
        final JsonNode resources = JSON.readTree(customResourceTemplate.toFile()).path("Resources");
        final JsonNode link = resources.path("AliceGoogleLink");

        assertThat(link.path("Type").asText()).isEqualTo("Custom::CognitoProviderLink");
        assertThat(link.at("/Properties/ServiceToken/Fn::ImportValue").asText()).isEqualTo("cognito-provider-link-ServiceToken");
        assertThat(resources.path(link.at("/Properties/SourceUser/ProviderName/Ref").asText()).path("Type").asText())
            .isEqualTo("AWS::Cognito::UserPoolIdentityProvider");
        assertThat(link.at("/Properties/DestinationUser/ProviderName").asText()).isEqualTo("Cognito");
        assertThat(link.has("DependsOn")).isFalse();
    }

    @Test
    void bothSynthesizedTemplatesPassCfnLintWithTheRegistrySchemasWithoutWarnings() {
        final Path lint = Toolchain.require("cfn-lint", "linting the synthesized templates");

        final Processes.Result result = Processes.run(WORK, Map.of(), Duration.ofMinutes(3), List.of(lint.toString(),
            "--registry-schemas", Path.of("examples/cfn-lint/registry-schemas").toAbsolutePath().toString(), "--",
            template.toString(), customResourceTemplate.toString()));

        assertThat(result.exitCode()).as("cfn-lint: 0 means no error, warning or informational finding\n" + result.stdout()
            + result.stderr()).isZero();
    }

    private static Processes.Result run(final List<String> command) {
        return Processes.run(WORK, Map.of("CDK_DISABLE_CLI_TELEMETRY", "true", "npm_config_update_notifier", "false"),
            Duration.ofMinutes(10), command);
    }

    private static void copyWithoutBuildOutput(final Path source, final Path target) throws IOException {
        Toolchain.deleteTree(target.resolve("cdk.out"));
        final List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(source)) {
            walk.filter(Files::isRegularFile).filter(p -> !source.relativize(p).startsWith("node_modules")
                && !source.relativize(p).startsWith("cdk.out")).forEach(files::add);
        }
        for (Path file : files) {
            final Path destination = target.resolve(source.relativize(file).toString());
            Files.createDirectories(Objects.requireNonNull(destination.getParent()));
            Files.copy(file, destination, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
