package com.custom.cognito.providerlink;

import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.contract.LocalCognito;
import com.custom.cognito.providerlink.contract.Models;
import com.custom.cognito.providerlink.local.emulator.CognitoEmulator;
import com.custom.cognito.providerlink.local.harness.LocalContext;
import com.custom.cognito.providerlink.local.harness.WrapperInvoker;
import com.custom.cognito.providerlink.wrapper.EntryPoint;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.ProgressEvent;

/**
 * The wrapper's doors, as a red-teamer would try them: the Lambda entry point with malformed requests (a
 * well-formed FAILED event naming the field, and no credential in the answer or the log), the actions it has no
 * handler for, forged identifiers, and {@code testEntrypoint} (what {@code cfn test} calls through SAM).
 */
@ExtendWith(LocalCognito.class)
class HandlerWrapperTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> malformedRequests() {
        return Stream.of(
            Arguments.of("maxResults", (Consumer<ObjectNode>) r -> r.put("maxResults", 99999999999L),
                "maxResults:"),
            Arguments.of("region", (Consumer<ObjectNode>) r -> r.putNull("region"), "region: is required"),
            Arguments.of("action", (Consumer<ObjectNode>) r -> r.put("action", "read"),
                "action: must be one of"),
            Arguments.of("callbackContext", (Consumer<ObjectNode>) r -> r.put("callbackContext", "x"),
                "callbackContext: must be an object"),
            Arguments.of("resourceProperties", (Consumer<ObjectNode>) r -> ((ObjectNode) r.get("requestData"))
                .putArray("resourceProperties"), "requestData.resourceProperties: must be an object"),
            Arguments.of("callerCredentials", (Consumer<ObjectNode>) r -> ((ObjectNode) r.get("requestData"))
                .put("callerCredentials", "AKIA"), "requestData.callerCredentials: must be an object"),
            Arguments.of("stackId", (Consumer<ObjectNode>) r -> r.putArray("stackId"),
                "stackId: must be a string"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRequests")
    void aMalformedRequestIsAFailedInvalidRequestNamingTheFieldWithNoCredentialInTheAnswerOrTheLog(
        final String field, final Consumer<ObjectNode> breakIt, final String expected) {

        final WrapperInvoker wrapper = LocalCognito.wrapper();
        final ObjectNode request = wrapper.request("LIST", Models.pool(), null, null, null);
        breakIt.accept(request);

        final WrapperInvoker.Event event = wrapper.send("LIST", request);

        assertThat(event.status()).isEqualTo("FAILED");
        assertThat(event.errorCode()).isEqualTo("InvalidRequest");
        assertThat(event.message()).startsWith(expected);
        final WrapperInvoker.Credentials credentials = WrapperInvoker.Credentials.fake();
        final String everything = event.raw().toString() + String.join("\n", wrapper.context().logLines());
        assertThat(everything).doesNotContain(credentials.secretAccessKey()).doesNotContain(credentials.sessionToken())
            .doesNotContain(credentials.accessKeyId()).doesNotContain("\tat ");
    }

    /** Requests CloudFormation never sends, each of which the plugin alone would misread, or fail on with a stack trace. */
    static Stream<Arguments> offShapeRequests() {
        return Stream.of(
            Arguments.of("callerCredentials {}", (UnaryOperator<String>) r -> replaceCredentials(r, "{}"),
                "requestData.callerCredentials: must hold accessKeyId, secretAccessKey and sessionToken"),
            Arguments.of("a key id only", (UnaryOperator<String>) r -> replaceCredentials(r,
                "{\"accessKeyId\": \"AKIALOCALTESTKEY0001\"}"), "requestData.callerCredentials: must hold"),
            Arguments.of("no session token", (UnaryOperator<String>) r -> replaceCredentials(r,
                "{\"accessKeyId\": \"AKIALOCALTESTKEY0001\", \"secretAccessKey\": \"local-secret-never-logged\"}"),
                "requestData.callerCredentials: must hold"),
            Arguments.of("providerCredentials half given", (UnaryOperator<String>) r -> r.replace("\"logicalResourceId\"",
                "\"providerCredentials\": {\"accessKeyId\": \"x\"}, \"logicalResourceId\""),
                "requestData.providerCredentials: must hold"),
            Arguments.of("region twice", (UnaryOperator<String>) r -> r.replace("\"region\":\"us-east-1\"",
                "\"region\":\"us-east-1\",\"region\":\"eu-west-1\""), "The request repeats a key"),
            Arguments.of("resourceProperties in two spellings", (UnaryOperator<String>) r -> r.replace("\"resourceProperties\":",
                "\"ResourceProperties\":{\"UserPoolId\":\"us-east-1_EXAMPLE\",\"Colour\":\"blue\"},"
                    + "\"resourceProperties\":"),
                "requestData: has both ResourceProperties and resourceProperties"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("offShapeRequests")
    void anOffShapeCreateIsAnInvalidRequestWithNoCognitoCallNoStackTraceAndNoCredentialEchoed(final String what,
        final UnaryOperator<String> breakIt, final String expected, final CognitoEmulator cognito) throws IOException {
        final WrapperInvoker wrapper = LocalCognito.wrapper();
        final String request = breakIt.apply(JSON.writeValueAsString(wrapper.request("CREATE", Models.googleTo("alice", "g-9"),
            null, null, null)));
        final int mark = cognito.requests().mark();

        final WrapperInvoker.Event event = wrapper.sendText("CREATE", request);

        assertThat(event.errorCode()).as(what).isEqualTo("InvalidRequest");
        assertThat(event.message()).startsWith(expected);
        assertThat(cognito.requests().since(mark)).isEmpty();
        final String everything = event.raw().toString() + String.join("\n", wrapper.context().logLines());
        assertThat(everything).doesNotContain("local-secret-never-logged").doesNotContain("AKIALOCALTESTKEY0001")
            .doesNotContain("\tat ");
    }

    @Test
    void aCreatesPropertiesAreHeldToTheSchemaOnEveryInvocationAndNoneIsReadOnlyOnItsFirst(final CognitoEmulator cognito) {
        final WrapperInvoker wrapper = LocalCognito.wrapper();
        final ObjectNode unknown = Models.googleTo("alice", "g-10").put("Colour", "blue");
        final ObjectNode readOnly = Models.googleTo("alice", "g-10").put("DestinationUsername", "mallory");
        final int mark = cognito.requests().mark();

        final WrapperInvoker.Event withContext = wrapper.invokeOnce("CREATE", unknown, null, JSON.createObjectNode(), null);
        final WrapperInvoker.Event first = wrapper.invokeOnce("CREATE", readOnly, null, null, null);

        assertThat(withContext.errorCode()).isEqualTo("InvalidRequest");
        assertThat(withContext.message()).contains("Colour").contains("remove it");
        assertThat(first.errorCode()).isEqualTo("InvalidRequest");
        assertThat(first.message()).contains("DestinationUsername is read-only");
        assertThat(cognito.requests().since(mark)).isEmpty();
        assertThat(LocalCognito.pool().holdersOf("Google", "g-10")).isEmpty();
    }

    @Test
    void aPoolIdThatMatchesTheSchemaButHasNoRegionIsAnInvalidRequestNamingUserPoolId(final CognitoEmulator cognito) {
        final int mark = cognito.requests().mark();

        final WrapperInvoker.Event event = LocalCognito.wrapper().run("CREATE", Models.googleTo("alice", "g-12")
            .put("UserPoolId", "__abc"));

        assertThat(event.errorCode()).isEqualTo("InvalidRequest");
        assertThat(event.message()).startsWith("Invalid properties: UserPoolId: must be a user pool ID: the Region");
        assertThat(cognito.requests().since(mark)).isEmpty();
    }

    @Test
    void aReinvocationCarryingTheModelTheHandlerReturnedIsAccepted() {
        final WrapperInvoker wrapper = LocalCognito.wrapper();
        final ObjectNode model = Models.googleTo("alice", "g-11").put("Id", "pending|us-east-1_EXAMPLE|Cognito|alice|Google|g-11")
            .put("DestinationUsername", "alice");

        final WrapperInvoker.Event event = wrapper.invokeOnce("CREATE", model, null, JSON.createObjectNode(), null);

        assertThat(event.status()).as(event.message()).isEqualTo("SUCCESS");
    }

    private static String replaceCredentials(final String request, final String credentials) {
        return request.replaceFirst("\"callerCredentials\":\\{[^}]*}", "\"callerCredentials\":" + Matcher.quoteReplacement(
            credentials));
    }

    @Test
    void theTestEntrypointRunsAHandlerDirectlyFromCfnTestsPayload() throws IOException {
        final JsonNode created = testEntrypoint("CREATE", Models.googleTo("alice", "g-77"));

        assertThat(created.path("status").asText()).as(created.toString()).isEqualTo("SUCCESS");
        assertThat(created.path("resourceModel").path("Id").asText()).isEqualTo("us-east-1_EXAMPLE|Cognito|alice|Google|g-77");
        assertThat(LocalCognito.pool().holdersOf("Google", "g-77")).hasSize(1);
    }

    @Test
    void theTestEntrypointAnswersAMalformedPayloadWithAnInvalidRequestThatSaysItIsNotJson() throws IOException {
        final JsonNode answer = testEntrypoint("{not json");

        assertThat(answer.path("status").asText()).isEqualTo("FAILED");
        assertThat(answer.path("errorCode").asText()).isEqualTo("InvalidRequest");
        assertThat(answer.path("message").asText())
            .isEqualTo("The test payload is not valid JSON: the handler expects the payload cfn test sends.");
    }

    @Test
    void theTestEntrypointNamesAMistypedFieldAndAnswersMissingCredentialsAsInvalidCredentials() throws IOException {
        final ObjectNode payload = payload("READ", Models.id("us-east-1_EXAMPLE|Cognito|alice|Google|1"));
        payload.put("action", 5);
        assertThat(testEntrypoint(payload.toString()).path("message").asText())
            .isEqualTo("action: must be one of CREATE, READ, UPDATE, DELETE, LIST.");

        final ObjectNode withoutCredentials = payload("READ", Models.id("us-east-1_EXAMPLE|Cognito|alice|Google|1"));
        withoutCredentials.remove("credentials");
        assertThat(testEntrypoint(withoutCredentials.toString()).path("errorCode").asText()).isEqualTo("InvalidCredentials");
    }

    @Test
    void everyEntryPointAnswersAnythingAHandlerLetsEscapeWithAServiceCodeOrInternalFailureAndNoStackTrace() {
        final ProgressEvent<ResourceModel, CallbackContext> throttled = EntryPoint.answering(() -> {
            throw CognitoIdentityProviderException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").errorMessage("Rate exceeded").build())
                .build();
        });
        final ProgressEvent<ResourceModel, CallbackContext> service = EntryPoint.answering(() -> {
            throw CognitoIdentityProviderException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("SomethingNew").errorMessage("New").build()).build();
        });
        final ProgressEvent<ResourceModel, CallbackContext> error = EntryPoint.answering(() -> {
            throw new StackOverflowError();
        });

        assertThat(throttled.getErrorCode()).isEqualTo(HandlerErrorCode.Throttling);
        assertThat(service.getErrorCode()).isEqualTo(HandlerErrorCode.GeneralServiceException);
        assertThat(service.getMessage()).isEqualTo("An AWS service answered SomethingNew; retry the operation.");
        assertThat(error.getErrorCode()).isEqualTo(HandlerErrorCode.InternalFailure);
        assertThat(error.getMessage()).contains("StackOverflowError").doesNotContain("\tat ");
    }

    @Test
    void anUpdateRequestIsRefusedAsNotUpdatableBecauseEveryPropertyIsCreateOnlyWithoutAStackTraceInTheLog() {
        final WrapperInvoker wrapper = LocalCognito.wrapper();
        final WrapperInvoker.Event event = wrapper.invokeOnce("UPDATE", Models.googleTo("bob", "g-1"), Models.googleTo("alice",
            "g-1"),
            null, null);

        assertThat(event.status()).isEqualTo("FAILED");
        assertThat(event.errorCode()).isEqualTo("NotUpdatable");
        assertThat(event.message()).contains("create-only");
        assertThat(String.join("\n", wrapper.context().logLines())).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void aForgedIdentifierNeitherReachesCognitoNorPutsAControlCharacterIntoTheLog() {
        final WrapperInvoker wrapper = LocalCognito.wrapper();
        final int mark = LocalCognito.emulator().requests().mark();

        final WrapperInvoker.Event event = wrapper.invokeOnce("READ",
            Models.id("us-east-1_EXAMPLE|Cognito|alice\n[READ] Handler returned SUCCESS\u001b[0m|Google|1"), null, null, null);

        assertThat(event.errorCode()).isEqualTo("InvalidRequest");
        assertThat(event.message()).startsWith("Id: its destination user part");
        assertThat(LocalCognito.emulator().requests().since(mark)).isEmpty();
        final List<String> lines = wrapper.context().logLines();
        assertThat(lines).isNotEmpty()
            .allSatisfy(line -> assertThat(line.stripTrailing()).doesNotContainPattern("[\\p{Cc}\u2028\u2029]"));
    }

    private static JsonNode testEntrypoint(final String action, final JsonNode model) throws IOException {
        return testEntrypoint(payload(action, model).toString());
    }

    private static ObjectNode payload(final String action, final JsonNode model) {
        final ObjectNode payload = JSON.createObjectNode();
        payload.putObject("credentials").put("accessKeyId", "AKIALOCAL").put("secretAccessKey", "s").put("sessionToken", "t");
        payload.put("action", action);
        payload.putObject("request").put("clientRequestToken", "token").put("region", "us-east-1").set("desiredResourceState",
            model);
        return payload;
    }

    private static JsonNode testEntrypoint(final String payload) throws IOException {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        new HandlerWrapper().testEntrypoint(new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)), out,
            new LocalContext(false, 60_000));
        return JSON.readTree(out.toByteArray());
    }
}
