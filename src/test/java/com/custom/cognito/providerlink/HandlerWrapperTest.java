package com.custom.cognito.providerlink;

import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.contract.LocalCognito;
import com.custom.cognito.providerlink.contract.Models;
import com.custom.cognito.providerlink.local.run.LocalContext;
import com.custom.cognito.providerlink.local.run.WrapperInvoker;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The wrapper's other doors: {@code testEntrypoint} (what {@code cfn test} calls through SAM) and the actions it has no handler for. */
@ExtendWith(LocalCognito.class)
class HandlerWrapperTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theTestEntrypointRunsAHandlerDirectlyFromCfnTestsPayload() throws IOException {
        final JsonNode created = testEntrypoint("CREATE", Models.googleTo("alice", "g-77"));

        assertThat(created.path("status").asText()).as(created.toString()).isEqualTo("SUCCESS");
        assertThat(created.path("resourceModel").path("Id").asText()).isEqualTo("us-east-1_EXAMPLE|Cognito|alice|Google|g-77");
        assertThat(LocalCognito.pool().holdersOf("Google", "g-77")).hasSize(1);
    }

    @Test
    void theTestEntrypointAnswersAMalformedPayloadWithAFailedEvent() throws IOException {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        new HandlerWrapper().testEntrypoint(new ByteArrayInputStream("{not json".getBytes()), out, new LocalContext(false, 60_000));

        assertThat(JSON.readTree(out.toByteArray()).path("status").asText()).isEqualTo("FAILED");
    }

    @Test
    void anUpdateRequestIsRefusedAsNotUpdatableBecauseEveryPropertyIsCreateOnly() {
        final WrapperInvoker.Event event = LocalCognito.wrapper().invokeOnce("UPDATE", Models.googleTo("bob", "g-1"), Models.googleTo("alice", "g-1"),
            null, null);

        assertThat(event.status()).isEqualTo("FAILED");
        assertThat(event.errorCode()).isEqualTo("NotUpdatable");
        assertThat(event.message()).contains("create-only");
    }

    private static JsonNode testEntrypoint(final String action, final JsonNode model) throws IOException {
        final ObjectNode payload = JSON.createObjectNode();
        payload.putObject("credentials").put("accessKeyId", "AKIALOCAL").put("secretAccessKey", "s").put("sessionToken", "t");
        payload.put("action", action);
        payload.putObject("request").put("clientRequestToken", "token").put("region", "us-east-1").set("desiredResourceState", model);
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        new HandlerWrapper().testEntrypoint(new ByteArrayInputStream(JSON.writeValueAsBytes(payload)), out, new LocalContext(false, 60_000));
        return JSON.readTree(out.toByteArray());
    }
}
