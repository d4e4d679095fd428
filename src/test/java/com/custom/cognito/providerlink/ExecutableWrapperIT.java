package com.custom.cognito.providerlink;

import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.local.emulator.DemoPool;
import com.custom.cognito.providerlink.local.harness.OwnJvmRun;
import com.custom.cognito.providerlink.local.harness.Processes;
import com.custom.cognito.providerlink.local.harness.WrapperInvoker;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shaded handler jar's executable entry point, {@link HandlerWrapperExecutable} (what {@code cfn test
 * --docker-image} runs), one process per request, through CREATE, READ, LIST and DELETE against the emulator. The
 * endpoint comes from the SDK's standard environment variable, with no code or custom setting involved.
 */
class ExecutableWrapperIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final OwnJvmRun RUN = new OwnJvmRun("executable-wrapper-it");
    private static final WrapperInvoker REQUESTS = RUN.requests();

    @Test
    void theExecutableRunsTheWholeLifecycleAndPrintsEachResponseBetweenTheMarkers() throws IOException {
        final ObjectNode properties = (ObjectNode) JSON.readTree(Path.of("requests/create.json").toFile())
            .get("desiredResourceState");

        final JsonNode created = run("CREATE", properties, null);
        assertThat(created.path("status").asText()).as(created.toString()).isEqualTo("SUCCESS");
        final String id = created.path("resourceModel").path("Id").asText();
        assertThat(id).isEqualTo("us-east-1_EXAMPLE|Cognito|alice|Google|104578123456789012345");
        assertThat(created.path("resourceModel").path("SourceUser").has("ProviderAttributeName")).as("write-only, "
            + "stripped").isFalse();

        final JsonNode read = run("READ", JSON.createObjectNode().put("Id", id), null);
        assertThat(read.path("status").asText()).isEqualTo("SUCCESS");
        assertThat(read.path("resourceModel")).isEqualTo(created.path("resourceModel"));

        final JsonNode listed = run("LIST", JSON.createObjectNode().put("UserPoolId", DemoPool.USER_POOL_ID), null);
        assertThat(listed.path("resourceModels").findValuesAsText("Id")).containsExactly(id);

        final JsonNode deleted = run("DELETE", JSON.createObjectNode().put("Id", id), null);
        assertThat(deleted.path("status").asText()).isEqualTo("SUCCESS");
        assertThat(deleted.has("resourceModel")).isFalse();

        final JsonNode gone = run("READ", JSON.createObjectNode().put("Id", id), null);
        assertThat(gone.path("errorCode").asText()).isEqualTo("NotFound");
        assertThat(RUN.cognito().requests().operations()).contains("AdminLinkProviderForUser", "AdminDisableProviderForUser",
            "ListUsers");
    }

    @Test
    void runOnAWorkstationTheExecutableLeavesEveryFileInTheTempDirectoryAlone() throws IOException {
        final Path shared = sharedTmpdir("workstation-tmp");

        final Processes.Result result = Processes.java(RUN.work(), shared, RUN.endpoint(), Processes.handlerJar().toString(),
            HandlerWrapperExecutable.class.getName(),
            request("READ"));

        assertThat(result.stdout()).contains(HandlerWrapperExecutable.START_MARKER);
        assertThat(shared.resolve("someone-elses-file.txt")).as("another program's file").exists();
        assertThat(shared.resolve("someone-elses-folder").resolve("notes.md")).exists();
    }

    @Test
    void insideLambdaTheExecutableStillEmptiesItsSandboxesTempDirectory() throws IOException {
        final Path sandbox = sharedTmpdir("lambda-tmp");

        final Processes.Result result = Processes.java(RUN.work(), sandbox, Map.of("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER",
            RUN.cognito().endpoint().toString(), "AWS_LAMBDA_FUNCTION_NAME", "TypeFunction", "LAMBDA_TASK_ROOT", "/var/task"),
            Processes.handlerJar().toString(), HandlerWrapperExecutable.class.getName(), request("READ"));

        assertThat(result.stdout()).contains(HandlerWrapperExecutable.START_MARKER);
        assertThat(sandbox).isEmptyDirectory();
    }

    @Test
    void aMalformedRequestIsAnsweredBetweenTheMarkersWithoutACredentialInTheAnswerTheFileOrTheLog() throws IOException {
        final ObjectNode request = REQUESTS.request("LIST", JSON.createObjectNode().put("UserPoolId", DemoPool.USER_POOL_ID),
            null, null, null);
        request.put("maxResults", 99999999999L);
        final List<Path> before = responseFiles();

        final Processes.Result result = Processes.java(RUN.work(), Map.of(), Processes.handlerJar().toString(),
            HandlerWrapperExecutable.class.getName(), JSON.writeValueAsString(request));

        final List<Path> written = responseFiles();
        written.removeAll(before);
        final String file = Files.readString(written.get(0));
        assertThat(JSON.readTree(file).path("errorCode").asText()).isEqualTo("InvalidRequest");
        assertThat(JSON.readTree(file).path("message").asText()).startsWith("maxResults:");
        final WrapperInvoker.Credentials credentials = WrapperInvoker.Credentials.fake();
        for (String text : List.of(file, result.stdout(), result.stderr())) {
            assertThat(text).doesNotContain(credentials.secretAccessKey()).doesNotContain(credentials.sessionToken())
                .doesNotContain(credentials.accessKeyId()).doesNotContain("\tat ");
        }
    }

    private static Path sharedTmpdir(final String name) throws IOException {
        final Path dir = Path.of("target", name).toAbsolutePath();
        Files.createDirectories(dir.resolve("someone-elses-folder"));
        Files.writeString(dir.resolve("someone-elses-file.txt"), "not the handler's");
        Files.writeString(dir.resolve("someone-elses-folder").resolve("notes.md"), "nor this");
        return dir;
    }

    private static String request(final String action) throws IOException {
        return JSON.writeValueAsString(REQUESTS.request(action, JSON.createObjectNode().put("Id", DemoPool.USER_POOL_ID
            + "|Cognito|alice|Google|1"), null, null, null));
    }

    @Test
    void theExecutableRefusesAnythingButOneArgument() {
        final Processes.Result result = Processes.java(RUN.work(), Map.of(), Processes.handlerJar().toString(),
            HandlerWrapperExecutable.class.getName());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).doesNotContain(HandlerWrapperExecutable.START_MARKER);
    }

    private static JsonNode run(final String action, final JsonNode properties, final String nextToken) throws IOException {
        final String request = JSON.writeValueAsString(REQUESTS.request(action, properties, null, null, nextToken));
        final List<Path> before = responseFiles();
        final Processes.Result result = Processes.java(RUN.work(), RUN.endpoint(),
            Processes.handlerJar().toString(), HandlerWrapperExecutable.class.getName(), request);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        final String out = result.stdout();
        final int start = out.indexOf(HandlerWrapperExecutable.START_MARKER);
        final int end = out.indexOf(HandlerWrapperExecutable.END_MARKER);
        assertThat(start).as(out).isNotNegative();
        assertThat(end).isGreaterThan(start);
        final JsonNode response = JSON.readTree(out.substring(start + HandlerWrapperExecutable.START_MARKER.length(), end));
        final List<Path> written = responseFiles();
        written.removeAll(before);
        assertThat(written).as("the response is also written to <uuid>.txt in the working directory").hasSize(1);
        assertThat(JSON.readTree(written.get(0).toFile())).isEqualTo(response);
        return response;
    }

    private static List<Path> responseFiles() throws IOException {
        Files.createDirectories(RUN.work());
        try (Stream<Path> files = Files.list(RUN.work())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".txt")).collect(Collectors.toList());
        }
    }
}
