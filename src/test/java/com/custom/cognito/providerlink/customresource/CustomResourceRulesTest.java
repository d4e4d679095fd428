package com.custom.cognito.providerlink.customresource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.custom.cognito.providerlink.model.Destination;
import com.custom.cognito.providerlink.model.LinkException;
import com.custom.cognito.providerlink.model.ProviderLink;
import com.custom.cognito.providerlink.model.SourceIdentity;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The protocol rules that need no Cognito: event parsing, physical ids, the answer's size, the answer's delivery. */
class CustomResourceRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ProviderLink ALICE = new ProviderLink("us-east-1_EXAMPLE", Destination.nativeUser("alice"),
        SourceIdentity.declared("Google", "Cognito_Subject", "104578123456789012345"));

    @Test
    void anEventMustBeACloudFormationRequestObjectAndSaysWhyNot() {
        assertUnusable("[]", "not a JSON object", false);
        assertUnusable("{\"ResponseURL\":\"https://bucket.example/answer\"}", "no StackId", true);
        assertUnusable(event().put("ResponseURL", "ftp://bucket.example/answer").toString(), "no usable ResponseURL", false);
        assertUnusable(event().put("ResponseURL", "https://bucket example/").toString(), "no usable ResponseURL", false);
        assertUnusable(event().put("RequestType", "Replace").toString(), "RequestType must be Create, Update or Delete", true);
        assertUnusable(event().put("RequestType", "Delete").toString(), "must carry the PhysicalResourceId", true);
        assertUnusable(event().put("ResourceProperties", "UserPoolId=x").toString(), "ResourceProperties must be an object",
            true);
    }

    @Test
    void serviceTokenAndServiceTimeoutAreNotPropertiesOfTheLinkAndMissingPropertiesAreEmpty() throws Exception {
        final ObjectNode withToken = event();
        withToken.putObject("ResourceProperties").put("ServiceToken", "arn:aws:lambda:us-east-1:1:function:f").put("UserPoolId",
            "p").put("ServiceTimeout", "900");
        final ObjectNode without = event();
        without.remove("ResourceProperties");

        assertThat(CustomResourceEvent.parse(bytes(withToken)).properties().fieldNames()).toIterable()
            .containsExactly("UserPoolId");
        assertThat(CustomResourceEvent.parse(bytes(without)).properties().isEmpty()).isTrue();
    }

    @Test
    void aPhysicalIdIsTheLinksIdOrADigestOfTheDeclaredOneWhenTheIdIsOver1Kb() {
        final ProviderLink long1 = new ProviderLink("us-east-1_EXAMPLE", Destination.nativeUser("alice"),
            SourceIdentity.declared("CorpOIDC", "Cognito_Subject", "a".repeat(2048)));

        assertThat(PhysicalId.of(ALICE, ALICE)).isEqualTo(ALICE.id());
        final String digest = PhysicalId.of(long1, long1);
        assertThat(digest).startsWith("us-east-1_EXAMPLE|sha256:").hasSizeLessThan(PhysicalId.MAX_BYTES);
        assertThat(PhysicalId.resolve(digest, () -> long1)).contains(long1);
        assertThatThrownBy(() -> PhysicalId.resolve(digest, () -> ALICE)).isInstanceOfSatisfying(LinkException.class,
            e -> assertThat(e.getMessage()).contains("digest of a link other than").contains("admin-disable-provider-for-user"));
        assertThat(PhysicalId.resolve(ALICE.id(), () -> long1)).contains(ALICE);
        assertThat(PhysicalId.notCreated("r".repeat(2000))).hasSizeLessThan(PhysicalId.MAX_BYTES)
            .startsWith("providerlink-not-created-");
    }

    @Test
    void aLongReasonIsShortenedAndLargeAttributesLeftOutButTheIdsAreAlwaysKept() throws Exception {
        final CustomResourceEvent event = CustomResourceEvent.parse(bytes(event()));
        final CustomResourceResponse failed = CustomResourceResponse.failed(event, "p".repeat(1000), "why ".repeat(2000));
        final CustomResourceResponse success = CustomResourceResponse.success(event, "p".repeat(1000), Map.of("Id",
            "i".repeat(1500),
            "SourceProviderAttributeValue", "v".repeat(2048), "UserPoolId", "us-east-1_EXAMPLE"));

        final JsonNode shortened = JSON.readTree(failed.body());
        assertThat(failed.body().length).isLessThanOrEqualTo(CustomResourceResponse.MAX_BODY_BYTES);
        assertThat(shortened.path("Reason").asText()).startsWith("why why").endsWith("[...]");
        assertThat(shortened.path("PhysicalResourceId").asText()).hasSize(1000);
        final JsonNode trimmed = JSON.readTree(success.body());
        assertThat(success.body().length).isLessThanOrEqualTo(CustomResourceResponse.MAX_BODY_BYTES);
        assertThat(trimmed.path("Data").fieldNames()).toIterable().containsExactlyInAnyOrder("Id", "UserPoolId");
        assertThat(trimmed.path("RequestId").asText()).isEqualTo("r-1");
    }

    @Test
    void aRefusedAnswerIsNotRetriedAndNoAttemptIsMadeWithoutTimeLeft() throws IOException {
        final AtomicInteger puts = new AtomicInteger();
        final HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            puts.incrementAndGet();
            exchange.sendResponseHeaders(403, -1);
            exchange.close();
        });
        server.start();
        try {
            final List<String> log = new ArrayList<>();
            final ResponseUrl url = new ResponseUrl(ResponseUrl.client(), waited -> {
            }, Duration.ofSeconds(2));
            final URI address = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/answer");

            assertThat(url.put(address, "{}".getBytes(StandardCharsets.UTF_8), () -> 60_000, log::add))
                .isEqualTo(ResponseUrl.Delivery.FAILED);
            assertThat(puts.get()).as("once with the condition, once without it, then never again").isEqualTo(2);
            assertThat(log).anyMatch(l -> l.contains("HTTP 403") && l.contains("not retried"));
            assertThat(url.put(address, "{}".getBytes(StandardCharsets.UTF_8), () -> 500, log::add))
                .isEqualTo(ResponseUrl.Delivery.FAILED);
            assertThat(puts.get()).as("no attempt without a second to spare").isEqualTo(2);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anUnreachableResponseUrlIsRetriedUntilTheTimeIsUp() {
        final List<Duration> pauses = new ArrayList<>();
        final long[] left = {10_000};
        final ResponseUrl url = new ResponseUrl(ResponseUrl.client(), waited -> {
            pauses.add(waited);
            left[0] -= 3_000;
        }, Duration.ofSeconds(1));

        assertThat(url.put(URI.create("http://127.0.0.1:9/answer"), new byte[0], () -> left[0], line -> {
        }))
            .isEqualTo(ResponseUrl.Delivery.FAILED);
        assertThat(pauses).hasSizeGreaterThanOrEqualTo(2).first()
            .satisfies(first -> assertThat(first).isBetween(Duration.ofMillis(100), Duration.ofMillis(200)));
    }

    private static void assertUnusable(final String event, final String message, final boolean answerable) {
        assertThatThrownBy(() -> CustomResourceEvent.parse(event.getBytes(StandardCharsets.UTF_8)))
            .isInstanceOfSatisfying(CustomResourceEvent.Unusable.class, e -> {
                assertThat(e.getMessage()).contains(message);
                assertThat(e.answerable().isPresent()).as("it can still be answered").isEqualTo(answerable);
            });
    }

    private static ObjectNode event() {
        final ObjectNode event = JSON.createObjectNode().put("RequestType", "Create")
            .put("ResponseURL", "https://bucket.example/a")
            .put("StackId", "arn:aws:cloudformation:us-east-1:123456789012:stack/s/1").put("RequestId", "r-1")
            .put("LogicalResourceId", "Link");
        event.putObject("ResourceProperties");
        return event;
    }

    private static byte[] bytes(final JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }
}
