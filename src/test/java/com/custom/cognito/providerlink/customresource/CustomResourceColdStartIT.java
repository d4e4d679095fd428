package com.custom.cognito.providerlink.customresource;

import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.contract.Models;
import com.custom.cognito.providerlink.local.Processes;
import com.custom.cognito.providerlink.local.customresource.CustomResourceEvents;
import com.custom.cognito.providerlink.local.customresource.LocalLambda;
import com.custom.cognito.providerlink.local.customresource.ResponseUrlServer;
import com.custom.cognito.providerlink.local.emulator.CognitoEmulator;
import com.custom.cognito.providerlink.local.emulator.DemoPool;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar's custom-resource entry point, one fresh JVM per event as Lambda cold-starts it, with the function's
 * credentials in its environment and the endpoint from the SDK's standard variable: Create, an Update that moves the
 * identity, and the Deletes of the old and the new id.
 */
class CustomResourceColdStartIT {

    private static final Path WORK = Path.of("target", "custom-resource-it").toAbsolutePath();
    private static final String SECRET = "function-secret-never-in-an-answer";
    private static CognitoEmulator cognito;
    private static ResponseUrlServer urls;

    @BeforeAll
    static void start() throws IOException {
        cognito = CognitoEmulator.start(0);
        DemoPool.seed(cognito);
        synchronized (cognito.lock()) {
            cognito.pools().pool(DemoPool.USER_POOL_ID).addUser("bob", Map.of("email", "bob@example.com"));
        }
        urls = ResponseUrlServer.start();
        Files.createDirectories(WORK);
    }

    @AfterAll
    static void stop() {
        urls.close();
        cognito.close();
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
        assertThat(cognito.requests().entries()).extracting(e -> e.accessKeyId()).as("the function's own credentials")
            .containsOnly("AKIAFUNCTIONCOLD0001");
    }

    private static JsonNode coldStart(final ObjectNode event) throws IOException {
        final Path file = Files.createTempFile(WORK, "event", ".json");
        Files.writeString(file, event.toString());
        final Processes.Result result = Processes.java(WORK, Map.of("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER",
            cognito.endpoint().toString(), "AWS_ACCESS_KEY_ID", "AKIAFUNCTIONCOLD0001", "AWS_SECRET_ACCESS_KEY", SECRET,
            "AWS_REGION", "us-east-1", "AWS_EC2_METADATA_DISABLED", "true", "PROVIDERLINK_ALLOW_RESPONSE_URL_PREFIX",
            urls.prefix()),
            String.join(File.pathSeparator,
                Processes.handlerJar().toString(), Path.of("target", "test-classes").toAbsolutePath().toString()),
            LocalLambda.class.getName(), CustomResourceHandler.class.getName(), file.toString());
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout() + result.stderr()).doesNotContain(SECRET).doesNotContain("X-Amz-Signature");
        final List<ResponseUrlServer.Put> puts = urls.putsTo(URI.create(event.path("ResponseURL").asText()));
        assertThat(puts).as("exactly one answer").hasSize(1);
        assertThat(new String(puts.get(0).body())).doesNotContain(SECRET);
        return puts.get(0).json();
    }

    private static List<String> holders() {
        return cognito.pools().pool(DemoPool.USER_POOL_ID).holdersOf("Google", DemoPool.GOOGLE_SUBJECT).stream()
            .map(u -> u.username()).toList();
    }
}
