package com.custom.cognito.providerlink.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.registry.StandInAws.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code scripts/register.sh}: its dry run prints the whole sequence of AWS CLI calls, and, run against a stand-in
 * for the AWS CLI, it reports missing credentials, a missing bucket and a failed registration clearly, and makes the
 * registered version the default when all goes well.
 */
class RegisterScriptTest {

    private static final String TYPE = "Testorg::Cognito::ProviderLink";
    private static StandInAws aws;

    @BeforeAll
    static void prepare() throws IOException {
        aws = new StandInAws("register-script-test");
        Files.createDirectories(Path.of("target", "registry"));
        Files.writeString(Path.of("target", "registry", "testorg-cognito-providerlink.zip"), "package");
        Files.writeString(Path.of("target", "registry", "testorg-cognito-providerlink-role.yaml"), "role");
        Files.writeString(Path.of("target", "registry", "testorg-cognito-providerlink-java17.zip"), "package for java17");
    }

    @Test
    void theDryRunPrintsEveryCallInOrderAndCallsNothing() throws Exception {
        final Run run = aws.withoutAws("scripts/register.sh", "--type-name", TYPE, "--bucket", "my-bucket", "--region",
            "eu-west-1", "--dry-run");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        final List<String> calls = run.stdout();
        assertThat(calls).extracting(line -> String.join(" ", List.of(line.split(" ")).subList(0, 3))).containsExactly(
            "aws sts get-caller-identity", "aws s3api head-bucket", "aws cloudformation deploy",
            "aws cloudformation describe-stacks", "aws cloudformation deploy", "aws cloudformation describe-stacks", "aws s3 cp",
            "aws cloudformation register-type",
            "aws cloudformation describe-type-registration", "aws cloudformation set-type-default-version",
            "aws cloudformation list-type-versions");
        assertThat(calls).allSatisfy(line -> assertThat(line).endsWith("--region eu-west-1"));
        final String upload = calls.get(6);
        final String key = upload.substring(upload.indexOf("s3://my-bucket/"), upload.indexOf(" --region")).trim();
        assertThat(key).matches("s3://my-bucket/testorg-cognito-providerlink-\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\d\\.zip");
        assertThat(calls.get(2)).contains("--stack-name testorg-cognito-providerlink-role-stack",
            "target/registry/testorg-cognito-providerlink-role.yaml",
            "--capabilities CAPABILITY_IAM");
        assertThat(calls.get(7)).contains("--type RESOURCE", "--type-name " + TYPE, "--schema-handler-package " + key,
            "LogGroupName=testorg-cognito-providerlink-logs", "--execution-role-arn");
        assertThat(run.stderr()).contains("Done: " + TYPE + " is registered");
    }

    @Test
    void aReservedNamespaceIsRefusedWithWhatToPassInstead() throws Exception {
        final Run run = aws.withoutAws("scripts/register.sh", "--type-name", "Custom::Cognito::ProviderLink", "--bucket", "b",
            "--dry-run");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("'Custom' is a reserved namespace").contains("Acme::Cognito::ProviderLink");
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void missingCredentialsAreReportedClearly() throws Exception {
        final Run run = runWithFakeAws("no-credentials");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("Unable to locate credentials").contains("no usable AWS credentials: configure them");
        assertThat(run.awsCalls()).hasSize(1);
    }

    @Test
    void aMissingBucketIsReportedWithHowToCreateIt() throws Exception {
        final Run run = runWithFakeAws("no-bucket");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("bucket 'my-bucket' does not exist or you cannot use it").contains("aws s3 mb "
            + "s3://my-bucket");
        assertThat(run.awsCalls()).noneMatch(c -> c.startsWith("s3 cp"));
    }

    @Test
    void aFailedRegistrationIsReportedWithItsDescriptionAndNothingIsMadeDefault() throws Exception {
        final Run run = runWithFakeAws("registration-failed");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("registration FAILED: Deployment failed: the handler package has no jar matching the "
            + "entrypoint");
        assertThat(run.awsCalls()).noneMatch(c -> c.startsWith("cloudformation set-type-default-version"));
    }

    @Test
    void aRefusedRuntimeIsRegisteredAgainWithTheJava17BuildOfThePackage() throws Exception {
        final Run run = runWithFakeAws("runtime-refused-once");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stderr()).contains("refused the package's runtime", "registering its java17 build",
            "registered in account 111122223333");
        assertThat(run.awsCalls().stream().filter(c -> c.startsWith("s3 cp "))).hasSize(2).last().asString()
            .contains("testorg-cognito-providerlink-java17.zip").matches(".*s3://my-bucket/testorg-cognito-providerlink-"
                + "\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\d-java17\\.zip.*");
        assertThat(run.awsCalls().stream().filter(c -> c.startsWith("cloudformation register-type"))).hasSize(2);
        assertThat(run.awsCalls()).anySatisfy(c -> assertThat(c).startsWith("cloudformation set-type-default-version"));
    }

    @Test
    void aRuntimeRefusedEvenForJava17IsReportedWithTheBuildSettingThatChangesIt() throws Exception {
        final Run run = runWithFakeAws("runtime-refused");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("Unsupported Resource Handler Runtime [java21]")
            .contains("-Dtype.name=" + TYPE + " -Dhandler.runtime=java25");
        assertThat(run.awsCalls().stream().filter(c -> c.startsWith("cloudformation register-type"))).hasSize(2);
    }

    @Test
    void aSuccessfulRegistrationBecomesTheDefaultVersionAndTheOldestVersionsBeyondFiveAreDeregistered() throws Exception {
        final Run run = runWithFakeAws("ok");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.awsCalls()).anySatisfy(c -> assertThat(c).startsWith("cloudformation set-type-default-version --arn "
            + "arn:aws:cloudformation:eu-west-1:111122223333:type/resource/Testorg-Cognito-ProviderLink/00000009"));
        assertThat(run.awsCalls()).anySatisfy(c -> assertThat(c).startsWith("cloudformation register-type")
            .contains("--execution-role-arn arn:aws:iam::111122223333:role/exec")
            .contains("LogRoleArn=arn:aws:iam::111122223333:role/logs,LogGroupName=testorg-cognito-providerlink-logs"));
        assertThat(deregistered(run)).containsExactly("00000004", "00000003", "00000002", "00000001");
        assertThat(indexOf(run, "cloudformation set-type-default-version")).isLessThan(indexOf(run,
            "cloudformation list-type-versions"));
        assertThat(run.stderr()).contains("registered in account 111122223333");
    }

    @Test
    void keepNeverDeregistersTheDefaultVersionEvenWhenItIsTheOldestKept() throws Exception {
        final Run run = runWithFakeAws("old-default", "--keep", "2");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(deregistered(run)).as("the default (00000002) and the newest other (00000009) stay")
            .containsExactly("00000008", "00000007", "00000006", "00000005", "00000004", "00000003", "00000001");
    }

    @Test
    void keepOnlyTakesAVersionCountTheQuotaAllows() throws Exception {
        for (String keep : List.of("0", "50", "five")) {
            final Run run = aws.withoutAws("scripts/register.sh", "--type-name", TYPE, "--bucket", "b", "--keep", keep,
                "--dry-run");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.stderr()).contains("--keep must be a number of versions from 1 to 49");
            assertThat(run.stdout()).isEmpty();
        }
    }

    private static List<String> deregistered(final Run run) {
        return run.awsCalls().stream().filter(c -> c.startsWith("cloudformation deregister-type"))
            .map(c -> c.substring(c.lastIndexOf('/') + 1, c.lastIndexOf('/') + 9)).toList();
    }

    private static int indexOf(final Run run, final String prefix) {
        for (int i = 0; i < run.awsCalls().size(); i++) {
            if (run.awsCalls().get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    private Run runWithFakeAws(final String scenario, final String... more) throws Exception {
        final List<String> arguments = new ArrayList<>(List.of("--type-name", TYPE, "--bucket", "my-bucket", "--region",
            "eu-west-1"));
        arguments.addAll(List.of(more));
        return aws.withScenario("scripts/register.sh", scenario, Map.of(), arguments.toArray(String[]::new));
    }
}
