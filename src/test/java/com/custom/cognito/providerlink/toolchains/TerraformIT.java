package com.custom.cognito.providerlink.toolchains;

import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.contract.LocalCognito;
import com.custom.cognito.providerlink.local.emulator.CognitoEmulator;
import com.custom.cognito.providerlink.local.emulator.UserPools;
import com.custom.cognito.providerlink.local.harness.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
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

    @Test
    void terraformAppliesPlansCleanReplacesOnADestinationChangeAndDestroysWithoutLeavingALink(final CognitoEmulator cognito)
        throws IOException {
        final TerraformCli terraform = TerraformCli.inScratchFolder("terraform");
        Files.copy(EXAMPLE.resolve("main.tf"), terraform.work().resolve("main.tf"));
        Files.writeString(terraform.work().resolve("example.auto.tfvars"), "google_client_id     = \"local-client-id\"\n"
            + "google_client_secret = \"local-client-secret\"\n"
            + "alice_google_subject = \"" + SUBJECT + "\"\n");

        terraform.succeeds("init", "-no-color");
        terraform.succeeds("apply", "-auto-approve", "-no-color");
        final UserPools.Pool pool = poolNamed(cognito, "provider-link-example");
        assertThat(holders(pool)).as("the link exists in Cognito").containsExactly("alice");
        assertThat(terraform.run("output", "-raw", "link_id").stdout()).isEqualTo(pool.id() + "|Cognito|alice|Google|"
            + SUBJECT);

        final Processes.Result unchanged = terraform.run("plan", "-detailed-exitcode", "-no-color");
        assertThat(unchanged.exitCode()).as("no changes: write-only properties cause no diff\n" + unchanged.stdout()).isZero();

        moveTheLinkToBob(terraform.work());
        final Processes.Result moved = terraform.run("plan", "-detailed-exitcode", "-no-color");
        assertThat(moved.exitCode()).as(moved.stdout() + moved.stderr()).isEqualTo(2);
        assertThat(moved.stdout()).contains("aws_cloudcontrolapi_resource.alice_google_link must be replaced");
        terraform.succeeds("apply", "-auto-approve", "-no-color");
        assertThat(holders(pool)).as("the link has moved").containsExactly("bob");
        assertThat(terraform.run("plan", "-detailed-exitcode", "-no-color").exitCode()).isZero();

        terraform.succeeds("destroy", "-auto-approve", "-no-color");
        assertThat(holders(pool)).as("no link left").isEmpty();
        assertThat(cognito.pools().pools()).as("the example's pool is gone").extracting(UserPools.Pool::name)
            .doesNotContain("provider-link-example");
    }

    /**
     * A second user, and the same link declared with bob as its destination (an override file, as a user would); both
     * are the example's own blocks with alice's name changed, so the test follows the example as it changes.
     */
    private static void moveTheLinkToBob(final Path work) throws IOException {
        final String example = Files.readString(EXAMPLE.resolve("main.tf"));
        Files.writeString(work.resolve("bob.tf"),
            block(example, "resource \"aws_cognito_user\" \"alice\"").replace("alice", "bob"));
        final String desiredState = block(example, "resource \"aws_cloudcontrolapi_resource\" \"alice_google_link\"")
            .lines().dropWhile(line -> !line.contains("desired_state")).collect(Collectors.joining("\n"));
        Files.writeString(work.resolve("link_override.tf"), "resource \"aws_cloudcontrolapi_resource\" \"alice_google_link\" {\n"
            + desiredState.replace("aws_cognito_user.alice.", "aws_cognito_user.bob.") + "\n");
    }

    /** The top-level block of {@code hcl} that opens with {@code header}, up to its closing brace at column 0. */
    private static String block(final String hcl, final String header) {
        final int start = hcl.indexOf(header + " {\n");
        assertThat(start).as("the example declares %s", header).isNotNegative();
        final int end = hcl.indexOf("\n}\n", start);
        return hcl.substring(start, end + 3);
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
