package com.custom.cognito.providerlink.local.cloudcontrol;

import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.contract.LocalCognito;
import com.custom.cognito.providerlink.contract.Models;
import com.custom.cognito.providerlink.local.emulator.CognitoEmulator;
import com.custom.cognito.providerlink.local.emulator.RequestLog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The local Cloud Control API over HTTP, with the requests and answers its service model defines (AWS JSON 1.0,
 * SigV4-signed), as Terraform and the AWS CLI drive it: every request runs the real handler through the plugin's
 * Lambda entry point against the emulated Cognito on the same port. (The SDK has no Cloud Control client on Maven
 * Central's mirror here; the Terraform and AWS CLI tests run real clients.)
 */
@ExtendWith(LocalCognito.class)
class CloudControlEndpointTest {

    private static final String TYPE = "Acme::Cognito::ProviderLink";
    private static final String SUBJECT = "104578123456789012345";
    private static final String SIGNER = "AKIACLOUDCONTROLTEST";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static CloudControlCalls cloudControl;

    @BeforeAll
    static void client() {
        LocalCognito.cloudControl();
        cloudControl = new CloudControlCalls(LocalCognito.emulator().endpoint(), SIGNER);
    }

    @Test
    void createAnswersPendingAtOnceAndEndsWithTheLinkMadeUnderItsId(final CognitoEmulator cognito) {
        final JsonNode first = cloudControl.ok("CreateResource", create(link("alice"))).path("ProgressEvent");

        assertThat(first.path("Operation").asText()).isEqualTo("CREATE");
        assertThat(first.path("OperationStatus").asText()).isEqualTo("PENDING");
        assertThat(first.path("TypeName").asText()).isEqualTo(TYPE);
        final JsonNode last = cloudControl.awaitEnd(first.path("RequestToken").asText());
        assertThat(last.path("OperationStatus").asText()).isEqualTo("SUCCESS");
        assertThat(last.path("Identifier").asText()).isEqualTo(idOf("alice"));
        assertThat(cognito.pools().pool(LocalCognito.POOL).holdersOf("Google", SUBJECT)).extracting(u -> u.username())
            .containsExactly("alice");
    }

    @Test
    void getResourceReturnsWhatReadReportsWithoutTheWriteOnlyProperties() throws IOException {
        createLink("alice");

        final JsonNode resource = cloudControl.ok("GetResource", typed().put("Identifier",
            idOf("alice"))).path("ResourceDescription");

        assertThat(resource.path("Identifier").asText()).isEqualTo(idOf("alice"));
        final JsonNode properties = JSON.readTree(resource.path("Properties").asText());
        assertThat(properties.path("Id").asText()).isEqualTo(idOf("alice"));
        assertThat(properties.path("SourceUser").path("ProviderAttributeValue").asText()).isEqualTo(SUBJECT);
        assertThat(properties.path("DestinationUsername").asText()).isEqualTo("alice");
        assertThat(properties.findValues("ProviderAttributeName")).as("write-only").isEmpty();
        assertThat(properties.path("DestinationUser").has("ProviderAttributeValue")).as("write-only: the form the template used")
            .isFalse();
    }

    @Test
    void listResourcesPagesTheListHandlerUntilNoNextToken() {
        final List<String> made = List.of(createLink(Models.googleTo("alice", "1001")), createLink(Models.googleTo("bob",
            "1002")),
            createLink(Models.googleTo("carol", "1003")));
        final List<String> listed = new ArrayList<>();
        String nextToken = null;
        int pages = 0;
        do {
            final ObjectNode input = typed().put("MaxResults", 1).put("ResourceModel", "{\"UserPoolId\":\"" + LocalCognito.POOL
                + "\"}");
            if (nextToken != null) {
                input.put("NextToken", nextToken);
            }
            final JsonNode page = cloudControl.ok("ListResources", input);
            page.path("ResourceDescriptions").forEach(d -> listed.add(d.path("Identifier").asText()));
            nextToken = page.path("NextToken").asText(null);
            pages++;
        } while (nextToken != null && pages < 10);

        assertThat(nextToken).isNull();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(made);
    }

    @Test
    void aSecondCreateOfTheSameIdentityFailsAlreadyExistsNamingTheHolderBySubOnly() {
        createLink("alice");
        final String aliceSub = LocalCognito.pool().user("alice").sub();

        final JsonNode last = cloudControl.awaitEnd(cloudControl.ok("CreateResource", create(link("bob"))).path("ProgressEvent")
            .path("RequestToken").asText());

        assertThat(last.path("OperationStatus").asText()).isEqualTo("FAILED");
        assertThat(last.path("ErrorCode").asText()).isEqualTo("AlreadyExists");
        assertThat(last.path("StatusMessage").asText()).contains("whose sub is " + aliceSub).doesNotContain("alice");
    }

    @Test
    void badPropertiesFailInvalidRequestNamingTheFieldWithoutAnyCognitoWrite(final CognitoEmulator cognito) {
        final ObjectNode desired = link("alice");
        ((ObjectNode) desired.get("SourceUser")).put("ProviderName", "Cognito");

        final JsonNode last = cloudControl.awaitEnd(cloudControl.ok("CreateResource", create(desired)).path("ProgressEvent")
            .path("RequestToken").asText());

        assertThat(last.path("OperationStatus").asText()).isEqualTo("FAILED");
        assertThat(last.path("ErrorCode").asText()).isEqualTo("InvalidRequest");
        assertThat(last.path("StatusMessage").asText()).contains("SourceUser.ProviderName");
        assertThat(cognito.requests().writes()).isZero();
    }

    @Test
    void updatingACreateOnlyPropertyIsRefusedNotUpdatableNamingIt() {
        final String id = createLink("alice");

        final CloudControlCalls.Answer refused = cloudControl.call("UpdateResource", typed().put("Identifier", id)
            .put("PatchDocument",
                "[{\"op\":\"replace\",\"path\":\"/DestinationUser/ProviderAttributeValue\",\"value\":\"bob\"}]"));

        assertThat(refused.errorType()).isEqualTo("NotUpdatableException");
        assertThat(refused.errorMessage()).isEqualTo("Invalid patch update: createOnlyProperties"
            + " [/properties/DestinationUser/ProviderAttributeValue] cannot be updated");
    }

    @Test
    void aClientTokenAnswersItsOwnRequestAgainAndRefusesAnotherOne() {
        final String clientToken = UUID.randomUUID().toString();
        final String first = cloudControl.ok("CreateResource", create(link("alice")).put("ClientToken", clientToken))
            .path("ProgressEvent").path("RequestToken").asText();

        assertThat(cloudControl.ok("CreateResource", create(link("alice")).put("ClientToken", clientToken)).path("ProgressEvent")
            .path("RequestToken").asText()).isEqualTo(first);
        assertThat(cloudControl.call("CreateResource", create(link("bob")).put("ClientToken", clientToken)).errorType())
            .isEqualTo("ClientTokenConflictException");
        assertThat(cloudControl.awaitEnd(first).path("OperationStatus").asText()).isEqualTo("SUCCESS");
    }

    @Test
    void deleteRemovesTheLinkAndGetResourceThenAnswersNotFound(final CognitoEmulator cognito) {
        final String id = createLink("alice");

        final JsonNode last = cloudControl.awaitEnd(cloudControl.ok("DeleteResource", typed().put("Identifier", id))
            .path("ProgressEvent").path("RequestToken").asText());

        assertThat(last.path("OperationStatus").asText()).isEqualTo("SUCCESS");
        assertThat(last.path("Operation").asText()).isEqualTo("DELETE");
        assertThat(cognito.pools().pool(LocalCognito.POOL).holdersOf("Google", SUBJECT)).isEmpty();
        assertThat(cloudControl.call("GetResource", typed().put("Identifier",
            id)).errorType()).isEqualTo("ResourceNotFoundException");
        assertThat(cloudControl.call("CancelResourceRequest", JSON.createObjectNode().put("RequestToken",
            last.path("RequestToken")
                .asText()))
            .errorType()).as("an ended request cannot be canceled").isEqualTo("ConcurrentModificationException");
        assertThat(cloudControl.ok("ListResourceRequests", JSON.createObjectNode()).path("ResourceRequestStatusSummaries"))
            .extracting(e -> e.path("RequestToken").asText()).contains(last.path("RequestToken").asText());
    }

    @Test
    void theHandlerCallsCognitoWithTemporaryCredentialsDerivedFromTheSigner(final CognitoEmulator cognito) {
        createLink("alice");

        assertThat(cognito.requests().entries()).extracting(RequestLog.Entry::accessKeyId).isNotEmpty()
            .containsOnly(CloudControlService.temporaryKeyFor(SIGNER)).doesNotContain(SIGNER);
    }

    @Test
    void unknownTypesTokensAndIdentifiersGetTheServiceErrors() {
        final CloudControlCalls.Answer unknownType = cloudControl.call("CreateResource", JSON.createObjectNode()
            .put("TypeName", "Acme::Other::Thing").put("DesiredState", "{}"));
        assertThat(unknownType.errorType()).isEqualTo("TypeNotFoundException");
        assertThat(unknownType.errorMessage()).contains("--type-name");
        assertThat(cloudControl.call("GetResourceRequestStatus", JSON.createObjectNode().put("RequestToken", "no-such-token"))
            .errorType()).isEqualTo("RequestTokenNotFoundException");
        assertThat(cloudControl.call("GetResource", typed().put("Identifier", idOf("alice"))).errorType())
            .isEqualTo("ResourceNotFoundException");
        final CloudControlCalls.Answer truncated = cloudControl.call("CreateResource", typed().put("DesiredState",
            "{\"UserPoolId\":"));
        assertThat(truncated.errorType()).isEqualTo("InvalidRequestException");
        assertThat(truncated.errorMessage()).startsWith("DesiredState is not valid JSON");
    }

    @Test
    void malformedBodiesAndMissingMembersGetTheServiceErrorShapeAndTheEndpointKeepsAnswering() {
        final CloudControlCalls.Answer garbage = cloudControl.raw("CloudApiService.CreateResource", "not json");
        final CloudControlCalls.Answer missing = cloudControl.call("CreateResource", typed());
        final CloudControlCalls.Answer wrongType = cloudControl.call("GetResource", typed().put("Identifier", 7));
        final CloudControlCalls.Answer unknown = cloudControl.raw("CloudApiService.DropEverything", "{}");

        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.errorType()).isEqualTo("SerializationException");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorType()).isEqualTo("ValidationException");
        assertThat(missing.errorMessage()).contains("'desiredState'");
        assertThat(wrongType.errorType()).isEqualTo("SerializationException");
        assertThat(unknown.errorType()).isEqualTo("UnknownOperationException");
        assertThat(cloudControl.call("ListResourceRequests", JSON.createObjectNode()).status()).isEqualTo(200);
    }

    @Test
    void stsNamesTheLocalAccountForAnyCredentials() {
        try (StsClient sts = StsClient.builder().endpointOverride(LocalCognito.emulator().endpoint()).region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(SIGNER, "any-secret"))).build()) {
            assertThat(sts.getCallerIdentity().account()).isEqualTo("123456789012");
        }
    }

    @Test
    void describeTypeReturnsTheSchemaUnderTheRegisteredName() throws IOException {
        final CloudControlCalls.Answer answer = cloudControl.query("cloudformation", "Action=DescribeType&Version=2010-05-15"
            + "&Type=RESOURCE&TypeName=" + TYPE.replace(":", "%3A"));

        assertThat(answer.status()).isEqualTo(200);
        final String schema = answer.body().replaceAll("(?s).*<Schema>(.*)</Schema>.*", "$1").replace("&quot;", "\"")
            .replace("&lt;", "<").replace("&gt;", ">").replace("&apos;", "'").replace("&amp;", "&");
        assertThat(JSON.readTree(schema).path("typeName").asText()).isEqualTo(TYPE);
        assertThat(answer.body()).contains("<ProvisioningType>IMMUTABLE</ProvisioningType>");
    }

    private static String createLink(final String destination) {
        return createLink(link(destination));
    }

    private static String createLink(final JsonNode desiredState) {
        final JsonNode last = cloudControl.awaitEnd(cloudControl.ok("CreateResource", create(desiredState))
            .path("ProgressEvent").path("RequestToken").asText());
        assertThat(last.path("OperationStatus").asText()).as(last.path("StatusMessage").asText()).isEqualTo("SUCCESS");
        return last.path("Identifier").asText();
    }

    private static ObjectNode typed() {
        return JSON.createObjectNode().put("TypeName", TYPE);
    }

    private static ObjectNode create(final JsonNode desiredState) {
        return typed().put("DesiredState", desiredState.toString());
    }

    private static ObjectNode link(final String destination) {
        return Models.googleTo(destination, SUBJECT);
    }

    private static String idOf(final String destination) {
        return LocalCognito.POOL + "|Cognito|" + destination + "|Google|" + SUBJECT;
    }
}
