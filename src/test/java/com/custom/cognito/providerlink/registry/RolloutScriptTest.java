package com.custom.cognito.providerlink.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.registry.StandInAws.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code scripts/rollout.sh} against a stand-in for the AWS CLI: the calls in order, the content-addressed keys, the
 * no-op on an unchanged package, the dry run without credentials, and one line for each failure.
 */
class RolloutScriptTest {

    private static final String[] TARGETS = {"--organization-id", "o-abc123defg", "--ous", "ou-ab12-cdef3456,r-ab12",
        "--regions", "eu-west-1,us-east-1", "--type-name", "Testorg::Cognito::ProviderLink", "--region", "us-east-1"};
    private static StandInAws aws;
    private static Path pkg;
    private static String packageKey;
    private static String templateKey;

    @BeforeAll
    static void prepare() throws Exception {
        aws = new StandInAws("rollout-script-test");
        pkg = Files.writeString(aws.scratch().resolve("testorg-cognito-providerlink.zip"), "a registry package");
        packageKey = "packages/testorg-cognito-providerlink-" + sha256(pkg) + ".zip";
        templateKey = "templates/provider-link-type-" + sha256(Path.of("examples/organization/provider-link-type.yaml"))
            + ".yaml";
    }

    private static String sha256(final Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static Run rollout(final String scenario, final String... more) throws Exception {
        final List<String> arguments = new ArrayList<>(List.of(TARGETS));
        arguments.addAll(List.of("--package", pkg.toString()));
        arguments.addAll(List.of(more));
        return aws.withScenario("scripts/rollout.sh", scenario, Map.of("FAKE_PACKAGE_KEY", packageKey, "FAKE_TEMPLATE_KEY",
            templateKey), arguments.toArray(String[]::new));
    }

    private static List<String> verbs(final List<String> calls) {
        return calls.stream().map(c -> String.join(" ", List.of(c.split(" ")).subList(0, 2))).toList();
    }

    @Test
    void aNewPackageIsUploadedUnderItsHashDeployedAndFollowedToEveryAccountsResult() throws Exception {
        final Run run = rollout("ok");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(verbs(run.awsCalls())).containsExactly("sts get-caller-identity",
            "cloudformation describe-organizations-access", "cloudformation describe-stacks", "cloudformation describe-stacks",
            "s3api head-object", "s3 cp", "s3api head-object", "s3 cp", "cloudformation deploy",
            "cloudformation list-stack-set-operations", "cloudformation describe-stack-set-operation",
            "cloudformation list-stack-set-operation-results");
        assertThat(run.awsCalls().get(5)).contains(pkg.toString(), "s3://provider-link-rollout-artifactbucket-1a2b3c/"
            + packageKey);
        assertThat(run.awsCalls().get(7)).contains("examples/organization/provider-link-type.yaml", templateKey);
        assertThat(run.awsCalls().get(8)).contains("--template-file", "examples/organization/rollout.yaml",
            "PackageKey=" + packageKey, "AccountTemplateKey=" + templateKey, "OrganizationId=o-abc123defg",
            "TargetOrganizationalUnitIds=ou-ab12-cdef3456,r-ab12", "TargetRegions=eu-west-1,us-east-1",
            "--capabilities CAPABILITY_IAM");
        assertThat(run.awsCalls()).allSatisfy(c -> assertThat(c).endsWith("--region us-east-1"));
        assertThat(run.stderr()).contains("222233334444\teu-west-1\tSUCCEEDED", "555566667777\teu-west-1\tSUCCEEDED",
            "Done: Testorg::Cognito::ProviderLink runs " + packageKey);
    }

    @Test
    void theFirstRolloutCreatesTheBucketBeforeUploadingIntoIt() throws Exception {
        final Run run = rollout("first-rollout");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        final List<String> verbs = verbs(run.awsCalls());
        assertThat(verbs.subList(2, 6)).containsExactly("cloudformation describe-stacks", "cloudformation deploy",
            "cloudformation describe-stacks", "s3api head-object");
        assertThat(run.awsCalls().get(3)).doesNotContain("PackageKey=").contains("OrganizationId=o-abc123defg");
    }

    @Test
    void anUnchangedPackageUploadsAndDeploysNothing() throws Exception {
        final Run run = rollout("unchanged");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stderr()).contains("Nothing to do: every account already runs " + packageKey);
        assertThat(verbs(run.awsCalls())).doesNotContain("s3 cp", "cloudformation deploy",
            "cloudformation list-stack-set-operations");
    }

    @Test
    void theDryRunPrintsEveryCallOfAFirstRolloutWithoutCredentialsOrAnAwsCli() throws Exception {
        final List<String> arguments = new ArrayList<>(List.of(TARGETS));
        arguments.addAll(List.of("--package", pkg.toString(), "--dry-run"));

        final Run run = aws.withoutAws("scripts/rollout.sh", arguments.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).allSatisfy(line -> assertThat(line).startsWith("aws ").endsWith("--region us-east-1"));
        assertThat(run.stdout().stream().map(l -> l.split(" ")[1] + " " + l.split(" ")[2]).toList()).containsExactly(
            "sts get-caller-identity", "cloudformation describe-organizations-access", "cloudformation describe-stacks",
            "cloudformation deploy", "cloudformation describe-stacks", "s3api head-object", "s3 cp", "s3api head-object",
            "s3 cp", "cloudformation deploy", "cloudformation list-stack-set-operations",
            "cloudformation describe-stack-set-operation", "cloudformation list-stack-set-operation-results");
        assertThat(String.join("\n", run.stdout())).contains(packageKey, templateKey);
    }

    @Test
    void anOrganisationWithoutTrustedAccessIsToldHowToActivateIt() throws Exception {
        final Run run = rollout("no-trusted-access");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr().strip().lines().toList()).last().asString()
            .contains("trusted access for StackSets is not activated", "aws cloudformation activate-organizations-access");
        assertThat(verbs(run.awsCalls())).doesNotContain("cloudformation deploy", "s3 cp");
    }

    @Test
    void missingPermissionsAreOneLineNamingTheCallAndWhereToRunIt() throws Exception {
        final Run run = rollout("access-denied");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("access denied for aws cloudformation deploy: run this from the management account");
        assertThat(run.stderr()).contains("could not be updated");
    }

    @Test
    void aFailedAccountIsListedWithItsReasonAndTheScriptSaysWhatToDo() throws Exception {
        final Run run = rollout("instance-failed");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("555566667777\teu-west-1\tFAILED\tResource handler returned message: \"Error "
            + "validating schemaHandlerPackage");
        assertThat(run.stderr().strip().lines().toList()).last().asString().contains("1 account/Region pairs did not take "
            + "the new version", "run this again");
    }

    @Test
    void missingTargetsAndAReservedNamespaceAreRefusedBeforeAnyCall() throws Exception {
        final Run noOus = aws.withScenario("scripts/rollout.sh", "ok", Map.of(), "--organization-id", "o-abc123defg",
            "--regions", "eu-west-1", "--package", pkg.toString());
        final Run reserved = aws.withScenario("scripts/rollout.sh", "ok", Map.of(), "--organization-id", "o-abc123defg", "--ous",
            "ou-ab12-cdef3456", "--regions", "eu-west-1", "--type-name", "AWS::Cognito::ProviderLink");

        assertThat(noOus.exitCode()).isEqualTo(1);
        assertThat(noOus.stderr()).contains("--ous is required");
        assertThat(reserved.stderr()).contains("'AWS' is a reserved namespace");
        assertThat(noOus.awsCalls()).isEmpty();
        assertThat(reserved.awsCalls()).isEmpty();
    }

}
