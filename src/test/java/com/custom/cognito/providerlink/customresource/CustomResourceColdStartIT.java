package com.custom.cognito.providerlink.customresource;

import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.contract.Models;
import com.custom.cognito.providerlink.local.customresource.CustomResourceEvents;
import com.custom.cognito.providerlink.local.customresource.LocalLambda;
import com.custom.cognito.providerlink.local.customresource.ResponseUrlServer;
import com.custom.cognito.providerlink.local.emulator.DemoPool;
import com.custom.cognito.providerlink.local.harness.OwnJvmRun;
import com.custom.cognito.providerlink.local.harness.Processes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shaded jar's custom-resource entry point, one fresh JVM per event as Lambda cold-starts it, with the function's
 * credentials in its environment and the endpoint from the SDK's standard variable: Create, an Update that moves the
 * identity, and the Deletes of the old and the new id.
 */
class CustomResourceColdStartIT {

    @RegisterExtension
    static final OwnJvmRun RUN = new OwnJvmRun("custom-resource-it");
    private static final String SECRET = "function-secret-never-in-an-answer";
    private static final String SECOND_SUBJECT = "200000000000000000002";
    private static ResponseUrlServer urls;

    @BeforeAll
    static void start() {
        urls = ResponseUrlServer.start();
    }

    @AfterAll
    static void stop() {
        urls.close();
    }

    @Test
    void eachEventInAFreshJvmGetsOneAnswerAndTheMoveLeavesOneLinkOnTheNewDestination() throws IOException {
        final ObjectNode alice = Models.googleTo("alice", DemoPool.GOOGLE_SUBJECT).put("UserPoolId", DemoPool.USER_POOL_ID);
        final ObjectNode bob = Models.googleTo("bob", DemoPool.GOOGLE_SUBJECT).put("UserPoolId", DemoPool.USER_POOL_ID);

        final JsonNode created = coldStart(CustomResourceEvents.create(urls.newUrl(), alice));
        assertThat(created.path("Status").asText()).as(created.toString()).isEqualTo("SUCCESS");
        final String old = created.path("PhysicalResourceId").asText();

        final JsonNode moved = coldStart(CustomResourceEvents.update(urls.newUrl(), old, bob, alice));
        assertThat(moved.path("Status").asText()).as(moved.toString()).isEqualTo("SUCCESS");
        final String current = moved.path("PhysicalResourceId").asText();
        assertThat(current).isNotEqualTo(old);

        assertThat(coldStart(CustomResourceEvents.delete(urls.newUrl(), old,
            alice)).path("Status").asText()).isEqualTo("SUCCESS");
        assertThat(holders()).as("deleting the old id leaves the moved link").containsExactly("bob");
        assertThat(coldStart(CustomResourceEvents.delete(urls.newUrl(), current,
            bob)).path("Status").asText()).isEqualTo("SUCCESS");
        assertThat(holders()).isEmpty();
        assertThat(RUN.cognito().requests().entries()).extracting(e -> e.accessKeyId()).as("the function's own credentials")
            .containsOnly("AKIAFUNCTIONCOLD0001");
    }

    /**
     * Lambda delivers an asynchronous event at least once: the same Create again, in another container. The second finds
     * the link, which it may not call its own, and answers FAILED; its answer is a conditional write, which the response
     * bucket refuses once the first answer is there, so CloudFormation still reads the first. Nothing is unlinked.
     */
    @Test
    void aSecondDeliveryOfACreateInAnotherJvmNeitherClaimsTheLinkNorReplacesTheFirstAnswer() throws IOException {
        final ObjectNode alice = Models.googleTo("alice", SECOND_SUBJECT).put("UserPoolId", DemoPool.USER_POOL_ID);
        final ObjectNode event = CustomResourceEvents.create(urls.newUrl(), alice);
        final URI url = URI.create(event.path("ResponseURL").asText());
        final int mark = RUN.cognito().requests().mark();

        final JsonNode first = coldStart(event);
        invokeInFreshJvm(event);

        assertThat(first.path("Status").asText()).as(first.toString()).isEqualTo("SUCCESS");
        assertThat(urls.putsTo(url)).extracting(ResponseUrlServer.Put::status).as("the second answer was refused")
            .containsExactly(200, 412);
        assertThat(urls.putsTo(url).get(1).headers()).containsEntry("If-None-Match", "*");
        assertThat(urls.putsTo(url).get(1).json().path("PhysicalResourceId").asText()).as("and named no link")
            .startsWith("providerlink-not-created-");
        assertThat(urls.stored(url)).as("what CloudFormation reads").isEqualTo(first);
        assertThat(RUN.cognito().pools().pool(DemoPool.USER_POOL_ID).holdersOf("Google", SECOND_SUBJECT)).hasSize(1);
        assertThat(RUN.cognito().requests().since(mark)).filteredOn(e -> e.isWrite()).extracting(e -> e.operation())
            .as("one link, by the first delivery; nothing unlinked").containsExactly("AdminLinkProviderForUser");
    }

    private static JsonNode coldStart(final ObjectNode event) throws IOException {
        invokeInFreshJvm(event);
        final List<ResponseUrlServer.Put> puts = urls.putsTo(URI.create(event.path("ResponseURL").asText()));
        assertThat(puts).as("exactly one answer").hasSize(1);
        assertThat(new String(puts.get(0).body(), StandardCharsets.UTF_8)).doesNotContain(SECRET);
        return puts.get(0).json();
    }

    private static void invokeInFreshJvm(final ObjectNode event) throws IOException {
        final Path file = Files.createTempFile(RUN.work(), "event", ".json");
        Files.writeString(file, event.toString());
        final Processes.Result result = Processes.java(RUN.work(), Map.of("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER",
            RUN.cognito().endpoint().toString(), "AWS_ACCESS_KEY_ID", "AKIAFUNCTIONCOLD0001", "AWS_SECRET_ACCESS_KEY", SECRET,
            "AWS_REGION", "us-east-1", "AWS_EC2_METADATA_DISABLED", "true", "PROVIDERLINK_ALLOW_RESPONSE_URL_PREFIX",
            urls.prefix()),
            String.join(File.pathSeparator,
                Processes.handlerJar().toString(), Path.of("target", "test-classes").toAbsolutePath().toString()),
            LocalLambda.class.getName(), CustomResourceHandler.class.getName(), file.toString());
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout() + result.stderr()).doesNotContain(SECRET).doesNotContain("X-Amz-Signature");
    }

    private static List<String> holders() {
        return RUN.cognito().pools().pool(DemoPool.USER_POOL_ID).holdersOf("Google", DemoPool.GOOGLE_SUBJECT).stream()
            .map(u -> u.username()).toList();
    }
}
