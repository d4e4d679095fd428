package com.custom.cognito.providerlink.wrapper;

import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.Configuration;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestScreenTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String TOKEN = "IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN";
    private static final String KEY_ID = "ASIAEXAMPLEKEYID0001";
    private final RequestScreen screen =
        new RequestScreen(EntryPoint.REQUEST_REFERENCE, () -> new Configuration().resourceSchemaJSONObject());

    static ObjectNode request(final String action) {
        final ObjectNode request = JSON.createObjectNode().put("action", action).put("awsAccountId", "123456789012")
            .put("bearerToken", "token-1").put("region", "us-east-1").put("resourceType", "Custom::Cognito::ProviderLink")
            .put("resourceTypeVersion", "00000001").put("stackId", "arn:aws:cloudformation:us-east-1:123456789012:stack/s/1");
        final ObjectNode data = request.putObject("requestData");
        data.putObject("callerCredentials").put("accessKeyId", KEY_ID).put("secretAccessKey", SECRET).put("sessionToken", TOKEN);
        data.put("logicalResourceId", "Link");
        data.putObject("resourceProperties").put("Id", "us-east-1_X|Cognito|alice|Google|1");
        return request;
    }

    static ObjectNode declaration() {
        final ObjectNode properties = JSON.createObjectNode().put("UserPoolId", "us-east-1_X");
        properties.putObject("SourceUser").put("ProviderName", "Google").put("ProviderAttributeName", "Cognito_Subject")
            .put("ProviderAttributeValue", "1");
        properties.putObject("DestinationUser").put("ProviderName", "Cognito").put("ProviderAttributeValue", "alice");
        return properties;
    }

    /** Every top-level field of CloudFormation's request, given a value of the wrong type. */
    static Stream<Arguments> wrongTypes() {
        return Stream.of(
            Arguments.of("awsAccountId", JSON.createObjectNode().put("x", 1), "awsAccountId: must be a string"),
            Arguments.of("bearerToken", JSON.createArrayNode().add(1), "bearerToken: must be a string"),
            Arguments.of("nextToken", JSON.createObjectNode(), "nextToken: must be a string"),
            Arguments.of("maxResults", JSON.getNodeFactory().numberNode(99999999999L), "maxResults: must be a whole number"),
            Arguments.of("maxResults", JSON.getNodeFactory().textNode("many"), "maxResults: must be a whole number"),
            Arguments.of("region", JSON.getNodeFactory().numberNode(1), "region: is required"),
            Arguments.of("resourceType", JSON.createArrayNode(), "resourceType: must be a string"),
            Arguments.of("resourceTypeVersion", JSON.createObjectNode(), "resourceTypeVersion: must be a string"),
            Arguments.of("stackId", JSON.createArrayNode(), "stackId: must be a string"),
            Arguments.of("callbackContext", JSON.getNodeFactory().textNode("ctx"), "callbackContext: must be an object"),
            Arguments.of("callbackContext", JSON.createArrayNode(), "callbackContext: must be an object"),
            Arguments.of("snapshotRequested", JSON.createObjectNode(), "snapshotRequested: must be true or false"),
            Arguments.of("rollback", JSON.createArrayNode(), "rollback: must be true or false"),
            Arguments.of("driftable", JSON.createObjectNode(), "driftable: must be true or false"),
            Arguments.of("features", JSON.getNodeFactory().textNode("x"), "features: must be an object"),
            Arguments.of("updatePolicy", JSON.createArrayNode().add(1), "updatePolicy: must be an object"),
            Arguments.of("creationPolicy", JSON.getNodeFactory().numberNode(3), "creationPolicy: must be an object"),
            Arguments.of("requestContext", JSON.getNodeFactory().textNode("x"), "requestContext: must be an object"),
            Arguments.of("requestData", JSON.createArrayNode(), "requestData: is required"),
            Arguments.of("action", JSON.createObjectNode(), "action: must be one of CREATE, READ, UPDATE, DELETE, LIST"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("wrongTypes")
    void aTopLevelFieldOfTheWrongTypeIsRefusedNamingTheFieldWithoutQuotingTheRequest(final String field, final JsonNode value,
        final String expected) {
        final ObjectNode request = request("READ");
        request.set(field, value);

        final RequestScreen.Outcome outcome = screen.screen(request.toString());

        assertThat(outcome).isInstanceOfSatisfying(RequestScreen.Refusal.class, refusal -> assertThat(refusal.message())
            .startsWith(expected).doesNotContain(SECRET).doesNotContain(TOKEN).doesNotContain(KEY_ID).doesNotContain("Source:"));
    }

    @ParameterizedTest(name = "callerCredentials.{0}")
    @ValueSource(strings = {"accessKeyId", "secretAccessKey", "sessionToken"})
    void aCredentialOfTheWrongTypeIsNamedAndNoCredentialIsQuoted(final String field) {
        final ObjectNode request = request("CREATE");
        ((ObjectNode) request.path("requestData").path("callerCredentials")).putObject(field).put("leak", SECRET);

        final RequestScreen.Outcome outcome = screen.screen(request.toString());

        assertThat(outcome).isInstanceOfSatisfying(RequestScreen.Refusal.class, refusal -> assertThat(refusal.message())
            .isEqualTo("requestData.callerCredentials." + field + ": must be a string."));
    }

    @ParameterizedTest(name = "action {0}")
    @ValueSource(strings = {"read", "FOO", ""})
    void anActionThatIsNotOneOfTheFiveSaysWhichAreAllowed(final String action) {
        final RequestScreen.Outcome outcome = screen.screen(request(action).toString());

        assertThat(((RequestScreen.Refusal) outcome).message())
            .startsWith("action: must be one of CREATE, READ, UPDATE, DELETE, LIST")
            .endsWith("read".equals(action) ? "in upper case." : "LIST.");
    }

    @Test
    void aMissingActionIsRequired() {
        final ObjectNode request = request("READ");
        request.remove("action");

        assertThat(((RequestScreen.Refusal) screen.screen(request.toString())).message()).startsWith("action: is required");
    }

    @ParameterizedTest(name = "region {0}")
    @ValueSource(strings = {"", "   ", "null"})
    void aMissingOrEmptyRegionIsRequired(final String region) {
        final ObjectNode request = request("READ");
        if ("null".equals(region)) {
            request.putNull("region");
        } else {
            request.put("region", region);
        }

        assertThat(((RequestScreen.Refusal) screen.screen(request.toString())).message())
            .isEqualTo("region: is required: the Region the resource is in, e.g. us-east-1.");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"[1, 2]", "\"props\"", "7"})
    void resourcePropertiesThatAreNotAnObjectAreRefusedSayingWhatTheyAre(final String properties) throws IOException {
        final ObjectNode request = request("CREATE");
        ((ObjectNode) request.path("requestData")).set("resourceProperties", JSON.readTree(properties));

        assertThat(((RequestScreen.Refusal) screen.screen(request.toString())).message())
            .startsWith("requestData.resourceProperties: must be an object holding the resource's properties, not a")
            .containsAnyOf("an array", "a string", "a number");
    }

    @Test
    void createWithoutResourcePropertiesIsRefused() {
        final ObjectNode request = request("CREATE");
        ((ObjectNode) request.path("requestData")).remove("resourceProperties");

        assertThat(((RequestScreen.Refusal) screen.screen(request.toString())).message())
            .isEqualTo("requestData.resourceProperties: is required for CREATE.");
    }

    @ParameterizedTest(name = "request [{0}]")
    @ValueSource(strings = {"", "{not json", "[1]", "\"a string\""})
    void aRequestThatIsNotAJsonObjectIsRefused(final String input) {
        assertThat(((RequestScreen.Refusal) screen.screen(input)).message()).startsWith("The request is");
    }

    @Test
    void readWithAMalformedPropertyItDoesNotUseAsksOnlyForTheIdItNeeds() throws IOException {
        final ObjectNode request = request("READ");
        ((ObjectNode) request.path("requestData")).set("resourceProperties", JSON.readTree("{\"UserPoolId\": {\"x\": 1}}"));

        final RequestScreen.Outcome outcome = screen.screen(request.toString());

        assertThat(((RequestScreen.Refusal) outcome).message()).startsWith("Id: is required").doesNotContain("SourceUser")
            .doesNotContain("DestinationUser");
    }

    @Test
    void readWithAnIdIgnoresEveryOtherPropertyEvenAMalformedOne() throws IOException {
        final ObjectNode request = request("READ");
        ((ObjectNode) request.path("requestData").path("resourceProperties")).set("UserPoolId", JSON.readTree("{\"x\": 1}"));
        ((ObjectNode) request.path("requestData")).set("previousResourceProperties", JSON.readTree("[1]"));

        final RequestScreen.Outcome outcome = screen.screen(request.toString());

        assertThat(outcome).isInstanceOf(RequestScreen.Pass.class);
        final JsonNode passed = JSON.readTree(((RequestScreen.Pass) outcome).request());
        assertThat(passed.path("requestData").path("resourceProperties"))
            .isEqualTo(JSON.createObjectNode().put("Id", "us-east-1_X|Cognito|alice|Google|1"));
        assertThat(passed.path("requestData").has("previousResourceProperties")).isFalse();
    }

    @Test
    void deleteKeepsTheSourceAttributeNameItUsesAndAnIdOfTheWrongTypeIsNamed() throws IOException {
        final ObjectNode request = request("DELETE");
        ((ObjectNode) request.path("requestData").path("resourceProperties")).putObject("SourceUser").put("ProviderName", "Corp")
            .put("ProviderAttributeName", "email").put("ProviderAttributeValue", "a@b.c");

        final JsonNode passed = JSON.readTree(((RequestScreen.Pass) screen.screen(request.toString())).request());
        assertThat(passed.path("requestData").path("resourceProperties").path("SourceUser").path("ProviderAttributeName")
            .asText())
            .isEqualTo("email");

        ((ObjectNode) request.path("requestData").path("resourceProperties")).put("Id", 5);
        assertThat(((RequestScreen.Refusal) screen.screen(request.toString())).message()).startsWith("Id: must be a string");
    }

    @Test
    void readWithoutAnIdButAFullDeclarationIsHandedOnAndAMalformedAttributeHintIsDropped() throws IOException {
        final ObjectNode request = request("DELETE");
        ((ObjectNode) request.path("requestData")).set("resourceProperties", JSON.readTree("{\"UserPoolId\": \"us-east-1_X\","
            + " \"SourceUser\": {\"ProviderName\": \"Google\", \"ProviderAttributeName\": \"Cognito_Subject\", "
            + "\"ProviderAttributeValue\": \"1\"},"
            + " \"DestinationUser\": {\"ProviderName\": \"Cognito\", \"ProviderAttributeValue\": \"alice\"}}"));

        assertThat(screen.screen(request.toString())).isInstanceOf(RequestScreen.Pass.class);

        ((ObjectNode) request.path("requestData").path("resourceProperties")).put("Id", "us-east-1_X|Cognito|alice|Google|1")
            .putObject("SourceUser").put("ProviderName", "Google").put("ProviderAttributeName", 7);
        final JsonNode passed = JSON.readTree(((RequestScreen.Pass) screen.screen(request.toString())).request());
        assertThat(passed.path("requestData").path("resourceProperties").has("SourceUser")).as("a hint Delete cannot read")
            .isFalse();
    }

    @Test
    void listIsHandedOnlyItsUserPoolIdWhichMustBeAString() throws IOException {
        final ObjectNode request = request("LIST");
        ((ObjectNode) request.path("requestData")).set("resourceProperties",
            JSON.readTree("{\"UserPoolId\": \"us-east-1_X\", \"SourceUser\": 3}"));

        final JsonNode passed = JSON.readTree(((RequestScreen.Pass) screen.screen(request.toString())).request());
        assertThat(passed.path("requestData").path("resourceProperties")).isEqualTo(JSON.createObjectNode().put("UserPoolId",
            "us-east-1_X"));

        ((ObjectNode) request.path("requestData").path("resourceProperties")).put("UserPoolId", 5);
        assertThat(((RequestScreen.Refusal) screen.screen(request.toString())).message())
            .startsWith("UserPoolId: must be a string");
    }

    @Test
    void createIsHandedOnUnchangedSoTheSchemaValidatorSeesEveryCharacterAsSent() {
        final ObjectNode request = request("CREATE");
        ((ObjectNode) request.path("requestData")).set("resourceProperties", declaration());
        final String input = request.toString().replace("\"alice\"", "\"ali\\ud800ce\"");

        assertThat(((RequestScreen.Pass) screen.screen(input)).request()).isEqualTo(input);
    }

    @Test
    void aNarrowedRequestKeepsEveryCharacterByEscapingItToAscii() throws IOException {
        final String input = request("READ").toString().replace("Cognito|alice", "Cognito|ali\\ud800cé");

        final String passed = ((RequestScreen.Pass) screen.screen(input)).request();

        assertThat(passed).isASCII();
        assertThat(JSON.readTree(passed).path("requestData").path("resourceProperties").path("Id").asText())
            .contains("ali\ud800cé");
    }

    @Test
    void aCompressedRequestIsReadAndAMalformedEnvelopeRefused() throws IOException {
        final ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(request("READ").toString().getBytes(StandardCharsets.UTF_8));
        }
        final String envelope = JSON.createObjectNode().put("__COMPRESSED__",
            Base64.getEncoder().encodeToString(zipped.toByteArray()))
            .put("__COMPRESSION_METHOD__", "gzip_base64").toString();

        assertThat(screen.screen(envelope)).isInstanceOf(RequestScreen.Pass.class);
        assertThat(((RequestScreen.Refusal) screen.screen("{\"__COMPRESSED__\": \"not gzip\"}")).message())
            .startsWith("__COMPRESSED__:");
    }
}
