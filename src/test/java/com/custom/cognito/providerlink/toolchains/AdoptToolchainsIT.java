package com.custom.cognito.providerlink.toolchains;

import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.contract.LocalCognito;
import com.custom.cognito.providerlink.local.adopt.Adopt;
import com.custom.cognito.providerlink.local.harness.Processes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What {@code adopt} writes, handed to the real tools: cfn-lint with the registry schema, and Terraform with the
 * {@code hashicorp/aws} provider through the local Cloud Control endpoint. The links are made outside the type first.
 */
@ExtendWith(LocalCognito.class)
class AdoptToolchainsIT {

    private static final String TYPE = "Acme::Cognito::ProviderLink";
    private static final int LINKS = 6;
    private final Path out = Path.of("target", "toolchains", "adopt-out").toAbsolutePath();

    private void adoptTheDemoPool() throws IOException {
        synchronized (LocalCognito.emulator().lock()) {
            LocalCognito.pool().addProvider("CorpOIDC", "OIDC", Map.of("email", "email"));
        }
        LocalCognito.linkDirectly(LocalCognito.POOL, "alice", "Google", "Cognito_Subject", "104578123456789012345");
        LocalCognito.linkDirectly(LocalCognito.POOL, "alice", "Facebook", "Cognito_Subject", "10150000000000009");
        LocalCognito.linkDirectly(LocalCognito.POOL, "bob", "CorpSAML", "email", "bob@example.com");
        // A value Terraform's jsonencode escapes (<, >, &): the pushed state must match it byte for byte.
        LocalCognito.linkDirectly(LocalCognito.POOL, "bob", "CorpOIDC", "Cognito_Subject", "oidc|<sub>&1");
        LocalCognito.linkDirectly(LocalCognito.POOL, "carol", "Google", "Cognito_Subject", "200000000000000000003");
        LocalCognito.linkDirectly(LocalCognito.POOL, "carol", "LoginWithAmazon", "Cognito_Subject", "amzn1.account.CAROL");
        Toolchain.deleteTree(out);
        final ByteArrayOutputStream errors = new ByteArrayOutputStream();
        final String[] args = {"--user-pool-id", LocalCognito.POOL, "--endpoint", LocalCognito.emulator().endpoint().toString(),
            "--type-name", TYPE, "--out", out.toString(), "--stack-size", "4"};
        assertThat(new Adopt(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(errors,
            true, StandardCharsets.UTF_8)).run(args))
            .as(errors.toString(StandardCharsets.UTF_8)).isZero();
    }

    @Test
    void everyAdoptionTemplatePassesCfnLintWithTheRegistrySchema() throws IOException {
        final Path lint = Toolchain.require("cfn-lint", "linting the adoption templates");
        adoptTheDemoPool();
        final List<String> command = new ArrayList<>(List.of(lint.toString(), "--registry-schemas",
            Path.of("examples/cfn-lint/registry-schemas").toAbsolutePath().toString(), "--"));
        try (Stream<Path> templates = Files.list(out.resolve("cloudformation"))) {
            templates.filter(t -> t.toString().endsWith(".yaml")).sorted().forEach(t -> command.add(t.toString()));
        }
        assertThat(command).hasSize(4 + 2);

        final Processes.Result result = Processes.run(out, Map.of(), Duration.ofMinutes(3), command);

        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
    }

    @Test
    void terraformTakesOverEveryLinkWithoutChangingOneAndDestroysExactlyTheOneItIsAskedTo() throws IOException {
        final TerraformCli terraform = TerraformCli.inScratchFolder("terraform-adopt");
        adoptTheDemoPool();
        Files.copy(out.resolve("terraform/links.tf"), terraform.work().resolve("links.tf"));
        Files.copy(out.resolve("terraform/adopted.tfstate"), terraform.work().resolve("adopted.tfstate"));
        final int linksBefore = LocalCognito.pool().linkCount();

        terraform.succeeds("init", "-no-color");
        terraform.succeeds("state", "push", "adopted.tfstate");
        assertThat(terraform.succeeds("state", "list").stdout().lines().toList()).hasSize(LINKS)
            .allMatch(address -> address.startsWith("aws_cloudcontrolapi_resource.provider_link[\"Link"));

        final Processes.Result plan = terraform.run("plan", "-detailed-exitcode", "-no-color");
        assertThat(plan.exitCode()).as("0: no changes\n" + plan.stdout() + plan.stderr()).isZero();
        assertThat(plan.stdout()).contains("No changes.");
        assertThat(Pattern.compile("Refreshing state\\.\\.\\. \\[id=").matcher(plan.stdout()).results().count())
            .as("every adopted link read back through Cloud Control").isEqualTo(LINKS);

        assertThat(terraform.succeeds("apply", "-auto-approve", "-no-color").stdout())
            .contains("0 added, 0 changed, 0 destroyed");
        assertThat(LocalCognito.pool().linkCount()).isEqualTo(linksBefore);
        assertThat(terraform.run("plan", "-detailed-exitcode", "-no-color").exitCode()).isZero();

        final Matcher carolsGoogle = Pattern.compile("(LinkCarolGoogle[0-9a-f]{10}) = \\{")
            .matcher(Files.readString(terraform.work().resolve("links.tf")));
        assertThat(carolsGoogle.find()).isTrue();
        terraform.succeeds("destroy", "-auto-approve", "-no-color", "-target",
            "aws_cloudcontrolapi_resource.provider_link[\"" + carolsGoogle.group(1) + "\"]");

        assertThat(LocalCognito.pool().holdersOf("Google", "200000000000000000003")).as("that link is gone").isEmpty();
        assertThat(LocalCognito.pool().linkCount()).as("and only that one").isEqualTo(linksBefore - 1);
    }
}
