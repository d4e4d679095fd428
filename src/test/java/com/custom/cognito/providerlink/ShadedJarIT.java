package com.custom.cognito.providerlink;

import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.local.customresource.LocalLambda;
import com.custom.cognito.providerlink.local.emulator.DemoPool;
import com.custom.cognito.providerlink.local.emulator.Faults.Kind;
import com.custom.cognito.providerlink.local.harness.OwnJvmRun;
import com.custom.cognito.providerlink.local.harness.Processes;
import com.custom.cognito.providerlink.local.harness.WrapperInvoker;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Lambda entry point CloudFormation calls, {@code HandlerWrapper::handleRequest}, in one JVM whose class path is
 * the shaded jar alone (plus the local runner): the whole lifecycle, a throttled link, a malformed request and an
 * UPDATE, as one warm function container receives them. It proves that what the shade configuration leaves out is
 * never loaded.
 */
class ShadedJarIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final OwnJvmRun RUN = new OwnJvmRun("shaded-jar-it");
    private static final String ID = DemoPool.USER_POOL_ID + "|Cognito|alice|Google|" + DemoPool.GOOGLE_SUBJECT;
    private final WrapperInvoker requests = RUN.requests();

    @Test
    void theJarLeavesOutLog4jJodaTimeRe2jAndAnnotationJars() throws IOException {
        try (JarFile jar = new JarFile(Processes.handlerJar().toFile())) {
            assertThat(jar.stream().map(e -> e.getName())).noneMatch(n -> n.startsWith("org/apache/logging/log4j/")
                || n.startsWith("org/joda/time/") || n.startsWith("com/google/re2j/") || n.startsWith("org/checkerframework/")
                || n.startsWith("org/apache/commons/codec/language/"));
        }
        assertThat(Files.size(Processes.handlerJar())).as("at most 25 MB").isLessThanOrEqualTo(25_000_000L);
    }

    @Test
    void theLambdaEntryPointServesEveryActionFromTheShadedJarAlone() throws IOException {
        final ObjectNode declared = (ObjectNode) JSON.readTree(Path.of("requests/create.json").toFile())
            .get("desiredResourceState");
        final ObjectNode id = JSON.createObjectNode().put("Id", ID);
        RUN.cognito().faults().on("AdminLinkProviderForUser").after(0).times(1).inject(Kind.THROTTLE);
        final ObjectNode throttled = requests.request("CREATE", declared, null, null, null);
        final ObjectNode malformed = requests.request("LIST", JSON.createObjectNode().put("UserPoolId", DemoPool.USER_POOL_ID),
            null, null, null);
        malformed.put("maxResults", 99999999999L);

        final List<JsonNode> answers = invoke(throttled, requests.request("READ", id, null, null, null),
            requests.request("LIST", JSON.createObjectNode().put("UserPoolId", DemoPool.USER_POOL_ID), null, null, null),
            requests.request("UPDATE", declared, declared, null, null), malformed,
            requests.request("DELETE", id, null, null, null), requests.request("READ", id, null, null, null));

        assertThat(answers.get(0).path("status").asText()).as("the throttled link waits through a callback")
            .isEqualTo("IN_PROGRESS");
        final ObjectNode callback = requests.request("CREATE", answers.get(0).path("resourceModel"), null,
            answers.get(0).path("callbackContext"), null);
        callback.put("bearerToken", throttled.path("bearerToken").asText());
        assertThat(invoke(callback).get(0).path("status").asText()).isEqualTo("SUCCESS");
        assertThat(answers.get(1).path("status").asText()).as("READ: the link is not there before the callback")
            .isEqualTo("FAILED");
        assertThat(answers.get(3).path("errorCode").asText()).isEqualTo("NotUpdatable");
        assertThat(answers.get(4).path("errorCode").asText()).isEqualTo("InvalidRequest");
        assertThat(invoke(requests.request("READ", id, null, null, null)).get(0).path("status").asText()).isEqualTo("SUCCESS");
        final List<JsonNode> tail = invoke(requests.request("LIST", JSON.createObjectNode().put("UserPoolId",
            DemoPool.USER_POOL_ID),
            null, null, null), requests.request("DELETE", id, null, null, null), requests.request("READ", id, null, null, null));
        assertThat(tail.get(0).path("resourceModels").findValuesAsText("Id")).containsExactly(ID);
        assertThat(tail.get(1).path("status").asText()).isEqualTo("SUCCESS");
        assertThat(tail.get(2).path("errorCode").asText()).isEqualTo("NotFound");
    }

    /** One JVM, the jar alone, each request in turn to the same handler instance; the answers in order. */
    private static List<JsonNode> invoke(final JsonNode... events) throws IOException {
        final List<String> arguments = new ArrayList<>(List.of(HandlerWrapper.class.getName()));
        for (JsonNode event : events) {
            final Path file = Files.createTempFile(RUN.work(), "request", ".json");
            Files.writeString(file, event.toString());
            arguments.add(file.toString());
        }
        final Processes.Result result = Processes.java(RUN.work(), RUN.endpoint(),
            Processes.handlerJar() + File.pathSeparator + Path.of("target", "test-classes")
                .toAbsolutePath(),
            LocalLambda.class.getName(), arguments.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stderr()).doesNotContain("NoClassDefFoundError").doesNotContain("ClassNotFoundException");
        final List<JsonNode> answers = new ArrayList<>();
        for (String line : result.stdout().split("\n")) {
            if (line.startsWith(LocalLambda.OUTPUT)) {
                answers.add(JSON.readTree(line.substring(LocalLambda.OUTPUT.length())));
            }
        }
        assertThat(answers).hasSize(events.length);
        return answers;
    }
}
