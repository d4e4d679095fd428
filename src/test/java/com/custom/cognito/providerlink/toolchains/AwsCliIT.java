package com.custom.cognito.providerlink.toolchains;

import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.contract.LocalCognito;
import com.custom.cognito.providerlink.local.emulator.CognitoEmulator;
import com.custom.cognito.providerlink.local.emulator.DemoPool;
import com.custom.cognito.providerlink.local.harness.Processes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The README's AWS CLI sequence ({@code aws cloudcontrol ...}) against the local endpoint, on a machine without an
 * AWS profile: the dummy credentials the README shows, the demo pool, {@code examples/aws-cli/desired-state.json}.
 */
@ExtendWith(LocalCognito.class)
class AwsCliIT {

    private static final String TYPE = "Acme::Cognito::ProviderLink";
    private static final String ID = DemoPool.USER_POOL_ID + "|Cognito|alice|Google|" + DemoPool.GOOGLE_SUBJECT;
    private static final ObjectMapper JSON = new ObjectMapper();
    private Path aws;

    @Test
    void theReadmeSequenceCreatesReadsListsAndDeletesALinkThroughCloudControl(final CognitoEmulator cognito) throws IOException {
        aws = Toolchain.require("aws", "the AWS CLI test");
        LocalCognito.cloudControl();

        final JsonNode created = cli("create-resource", "--type-name", TYPE, "--desired-state",
            "file://" + Path.of("examples/aws-cli/desired-state.json").toAbsolutePath());
        assertThat(created.path("ProgressEvent").path("OperationStatus").asText()).isEqualTo("PENDING");
        final JsonNode done = awaitEnd(created.path("ProgressEvent").path("RequestToken").asText());
        assertThat(done.path("OperationStatus").asText()).as(done.toString()).isEqualTo("SUCCESS");
        assertThat(done.path("Identifier").asText()).isEqualTo(ID);
        assertThat(LocalCognito.pool().holdersOf("Google", DemoPool.GOOGLE_SUBJECT)).extracting(u -> u.username())
            .containsExactly("alice");

        final JsonNode resource = cli("get-resource", "--type-name", TYPE, "--identifier", ID);
        assertThat(JSON.readTree(resource.path("ResourceDescription").path("Properties").asText()).path("DestinationUsername")
            .asText())
            .isEqualTo("alice");

        final JsonNode listed = cli("list-resources", "--type-name", TYPE, "--resource-model",
            "{\"UserPoolId\":\"" + DemoPool.USER_POOL_ID + "\"}");
        assertThat(listed.path("ResourceDescriptions")).extracting(d -> d.path("Identifier").asText()).containsExactly(ID);

        final JsonNode deleted = cli("delete-resource", "--type-name", TYPE, "--identifier", ID);
        assertThat(awaitEnd(deleted.path("ProgressEvent").path("RequestToken").asText()).path("OperationStatus").asText())
            .isEqualTo("SUCCESS");
        assertThat(LocalCognito.pool().holdersOf("Google", DemoPool.GOOGLE_SUBJECT)).isEmpty();
        assertThat(cognito.requests().entries()).as("the CLI's credentials never reach Cognito").extracting(e -> e.accessKeyId())
            .doesNotContain("local");
    }

    private JsonNode awaitEnd(final String requestToken) throws IOException {
        for (int poll = 0; poll < 300; poll++) {
            final JsonNode event = cli("get-resource-request-status", "--request-token", requestToken).path("ProgressEvent");
            if (!List.of("PENDING", "IN_PROGRESS").contains(event.path("OperationStatus").asText())) {
                return event;
            }
        }
        throw new AssertionError("request " + requestToken + " still running after 300 polls");
    }

    /** {@code aws --endpoint-url <local> cloudcontrol <arguments>}, with no profile and the README's dummy credentials. */
    private JsonNode cli(final String... arguments) throws IOException {
        final List<String> command = new ArrayList<>(List.of(aws.toString(), "--endpoint-url", LocalCognito.emulator().endpoint()
            .toString(), "--output", "json", "cloudcontrol"));
        command.addAll(List.of(arguments));
        final Processes.Result result = Processes.run(Path.of("target", "toolchains", "aws-cli").toAbsolutePath(), Map.of(
            "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local", "AWS_DEFAULT_REGION", "us-east-1", "AWS_REGION",
            "us-east-1",
            "AWS_CONFIG_FILE", "/dev/null", "AWS_SHARED_CREDENTIALS_FILE", "/dev/null", "AWS_PAGER", ""), Duration.ofMinutes(2),
            command);
        if (result.exitCode() != 0) {
            throw new AssertionError(String.join(" ", command) + " exited " + result.exitCode() + ": " + result.stderr());
        }
        return JSON.readTree(result.stdout());
    }
}
