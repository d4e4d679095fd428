package com.custom.cognito.providerlink.toolchains;

import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.contract.LocalCognito;
import com.custom.cognito.providerlink.local.Processes;
import com.custom.cognito.providerlink.local.emulator.CognitoEmulator;
import com.custom.cognito.providerlink.local.emulator.UserPools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Terraform CLI with the real {@code hashicorp/aws} provider, against {@code examples/terraform/} as shipped plus
 * its {@code emulator/emulator.tf}, in a scratch copy: Cloud Control (the type's real handlers), CloudFormation,
 * STS and Cognito all on the local endpoint.
 */
@ExtendWith(LocalCognito.class)
class TerraformIT {

    private static final String SUBJECT = "104578123456789012345";
    private static final Path EXAMPLE = Path.of("examples", "terraform");
    private final Path work = Path.of("target", "toolchains", "terraform").toAbsolutePath();

    @Test
    void terraformAppliesPlansCleanReplacesOnADestinationChangeAndDestroysWithoutLeavingALink(final CognitoEmulator cognito)
        throws IOException {
        final Path terraform = Toolchain.require("terraform", "the Terraform test");
        final Path mirror = Toolchain.requireAwsProviderMirror();
        LocalCognito.cloudControl();
        prepare(mirror);

        assertSucceeds(terraform(terraform, "init", "-no-color"));
        assertSucceeds(terraform(terraform, "apply", "-auto-approve", "-no-color"));
        final UserPools.Pool pool = poolNamed(cognito, "provider-link-example");
        assertThat(holders(pool)).as("the link exists in Cognito").containsExactly("alice");
        assertThat(terraform(terraform, "output", "-raw", "link_id").stdout()).isEqualTo(pool.id() + "|Cognito|alice|Google|"
            + SUBJECT);

        final Processes.Result unchanged = terraform(terraform, "plan", "-detailed-exitcode", "-no-color");
        assertThat(unchanged.exitCode()).as("no changes: write-only properties cause no diff\n" + unchanged.stdout()).isZero();

        moveTheLinkToBob();
        final Processes.Result moved = terraform(terraform, "plan", "-detailed-exitcode", "-no-color");
        assertThat(moved.exitCode()).as(moved.stdout() + moved.stderr()).isEqualTo(2);
        assertThat(moved.stdout()).contains("aws_cloudcontrolapi_resource.alice_google_link must be replaced");
        assertSucceeds(terraform(terraform, "apply", "-auto-approve", "-no-color"));
        assertThat(holders(pool)).as("the link has moved").containsExactly("bob");
        assertThat(terraform(terraform, "plan", "-detailed-exitcode", "-no-color").exitCode()).isZero();

        assertSucceeds(terraform(terraform, "destroy", "-auto-approve", "-no-color"));
        assertThat(holders(pool)).as("no link left").isEmpty();
        assertThat(cognito.pools().pools()).as("the example's pool is gone").extracting(UserPools.Pool::name)
            .doesNotContain("provider-link-example");
    }

    /** The example and the emulator's provider settings in a scratch folder; the user's examples/ stay untouched. */
    private void prepare(final Path mirror) throws IOException {
        if (Files.exists(work)) {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(work);
        Files.copy(EXAMPLE.resolve("main.tf"), work.resolve("main.tf"));
        Files.copy(EXAMPLE.resolve("emulator/emulator.tf"), work.resolve("emulator.tf"));
        Files.writeString(work.resolve("local.auto.tfvars"), "emulator_endpoint    = \"" + LocalCognito.emulator().endpoint()
            + "\"\n"
            + "google_client_id     = \"local-client-id\"\n"
            + "google_client_secret = \"local-client-secret\"\n"
            + "alice_google_subject = \"" + SUBJECT + "\"\n");
        Files.writeString(work.getParent().resolve("terraform.tfrc"), "provider_installation {\n"
            + "  filesystem_mirror {\n    path    = \"" + mirror
            + "\"\n    include = [\"registry.terraform.io/hashicorp/aws\"]\n  }\n"
            + "  direct {\n    exclude = [\"registry.terraform.io/hashicorp/aws\"]\n  }\n}\n");
    }

    /** A second user, and the same link declared with bob as its destination (an override file, as a user would). */
    private void moveTheLinkToBob() throws IOException {
        Files.writeString(work.resolve("bob.tf"), """
            resource "aws_cognito_user" "bob" {
              user_pool_id   = aws_cognito_user_pool.pool.id
              username       = "bob"
              message_action = "SUPPRESS"
              attributes = {
                email = "bob@example.com"
              }
              lifecycle {
                ignore_changes = [attributes["identities"]]
              }
            }
            """);
        Files.writeString(work.resolve("link_override.tf"), """
            resource "aws_cloudcontrolapi_resource" "alice_google_link" {
              desired_state = jsonencode({
                UserPoolId = aws_cognito_user_pool.pool.id
                SourceUser = {
                  ProviderName           = aws_cognito_identity_provider.google.provider_name
                  ProviderAttributeName  = "Cognito_Subject"
                  ProviderAttributeValue = var.alice_google_subject
                }
                DestinationUser = {
                  ProviderName           = "Cognito"
                  ProviderAttributeValue = aws_cognito_user.bob.username
                }
              })
            }
            """);
    }

    private Processes.Result terraform(final Path terraform, final String... arguments) {
        final List<String> command = new ArrayList<>(List.of(terraform.toString()));
        command.addAll(List.of(arguments));
        return Processes.run(work, Map.of("TF_CLI_CONFIG_FILE", work.getParent().resolve("terraform.tfrc").toString(),
            "TF_IN_AUTOMATION", "1", "TF_INPUT", "0", "CHECKPOINT_DISABLE", "1", "AWS_EC2_METADATA_DISABLED", "true"),
            Duration.ofMinutes(5), command);
    }

    private static void assertSucceeds(final Processes.Result result) {
        assertThat(result.exitCode()).as(result.stdout() + "\n" + result.stderr()).isZero();
    }

    private static UserPools.Pool poolNamed(final CognitoEmulator cognito, final String name) {
        synchronized (cognito.lock()) {
            return cognito.pools().pools().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("Terraform created no pool named " + name));
        }
    }

    private static List<String> holders(final UserPools.Pool pool) {
        return pool.holdersOf("Google", SUBJECT).stream().map(UserPools.User::username).toList();
    }
}
