package com.custom.cognito.providerlink.customresource;

import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.cognito.ClientBuilder;
import com.custom.cognito.providerlink.contract.LocalCognito;
import com.custom.cognito.providerlink.contract.Models;
import com.custom.cognito.providerlink.local.customresource.CustomResourceEvents;
import com.custom.cognito.providerlink.local.customresource.ResponseUrlServer;
import com.custom.cognito.providerlink.local.emulator.CognitoEmulator;
import com.custom.cognito.providerlink.local.emulator.Faults;
import com.custom.cognito.providerlink.local.emulator.Faults.Kind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * The custom-resource entry point in this JVM, against the emulated Cognito, answering to a local ResponseURL:
 * one answer per event, the registry handlers' semantics, and the custom-resource rules for physical ids, updates
 * that move an identity, and deletes of what was never made.
 */
@ExtendWith(LocalCognito.class)
class CustomResourceHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUBJECT = "104578123456789012345";
    private FunctionUnderTest function;
    private ResponseUrlServer urls;

    @BeforeEach
    void start(final CognitoEmulator cognito) {
        function = new FunctionUnderTest(ClientBuilder.at(cognito.endpoint()));
        urls = function.urls;
    }

    @AfterEach
    void stop() throws InterruptedException {
        function.stop();
    }

    @Test
    void createLinksAndAnswersSuccessWithTheIdAsPhysicalIdAndTheReadValuesAsData(final CognitoEmulator cognito) {
        final JsonNode answer = send(CustomResourceEvents.create(urls.newUrl(), link("alice")));

        assertThat(answer.path("Status").asText()).isEqualTo("SUCCESS");
        assertThat(answer.path("PhysicalResourceId").asText()).isEqualTo(idOf("alice"));
        assertThat(answer.path("Data").path("Id").asText()).isEqualTo(idOf("alice"));
        assertThat(answer.path("Data").path("DestinationUsername").asText()).isEqualTo("alice");
        assertThat(answer.path("Data").path("SourceProviderName").asText()).isEqualTo("Google");
        assertThat(answer.path("Data").path("SourceProviderAttributeValue").asText()).isEqualTo(SUBJECT);
        assertThat(answer.path("NoEcho").asBoolean(true)).isFalse();
        assertThat(answer.path("LogicalResourceId").asText()).isEqualTo("AliceGoogleLink");
        assertThat(answer.path("StackId").asText()).isEqualTo(CustomResourceEvents.STACK_ID);
        assertThat(holders()).containsExactly("alice");
        assertThat(cognito.requests().count("AdminLinkProviderForUser")).isEqualTo(1);
    }

    @Test
    void theAnswerIsOnePutWithItsLengthAndNoContentTypeEchoingTheRequestId() {
        final ObjectNode event = CustomResourceEvents.create(urls.newUrl(), link("alice"));

        send(event);

        final List<ResponseUrlServer.Put> puts = urls.putsTo(URI.create(event.path("ResponseURL").asText()));
        assertThat(puts).hasSize(1);
        assertThat(puts.get(0).headers()).doesNotContainKey("Content-Type");
        assertThat(puts.get(0).headers().get("Content-Length")).isEqualTo(String.valueOf(puts.get(0).body().length));
        assertThat(puts.get(0).json().path("RequestId").asText()).isEqualTo(event.path("RequestId").asText());
    }

    @Test
    void aCreateOfAnIdentityLinkedElsewhereFailsNamingTheHolderBySubAndItsRollbackDeleteTouchesNothing(
        final CognitoEmulator cognito) {
        send(CustomResourceEvents.create(urls.newUrl(), link("bob")));

        final JsonNode failed = send(CustomResourceEvents.create(urls.newUrl(), link("alice")));

        assertThat(failed.path("Status").asText()).isEqualTo("FAILED");
        assertThat(failed.path("Reason").asText()).startsWith("AlreadyExists:")
            .contains("whose sub is " + LocalCognito.pool().user("bob").sub()).doesNotContain("bob");
        final String physicalId = failed.path("PhysicalResourceId").asText();
        assertThat(physicalId).startsWith("providerlink-not-created-");
        final int mark = cognito.requests().mark();
        assertThat(send(CustomResourceEvents.delete(urls.newUrl(), physicalId, link("alice"))).path("Status").asText())
            .isEqualTo("SUCCESS");
        assertThat(cognito.requests().since(mark)).as("no Cognito call").isEmpty();
        assertThat(holders()).containsExactly("bob");
    }

    @Test
    void deleteUnlinksAndADeleteOfTheGoneLinkStillSucceeds() {
        final String id = send(CustomResourceEvents.create(urls.newUrl(), link("alice"))).path("PhysicalResourceId").asText();

        assertThat(send(CustomResourceEvents.delete(urls.newUrl(), id,
            link("alice"))).path("Status").asText()).isEqualTo("SUCCESS");
        assertThat(holders()).isEmpty();
        assertThat(send(CustomResourceEvents.delete(urls.newUrl(), id, link("alice"))).path("Status").asText())
            .as("a retried delete").isEqualTo("SUCCESS");
    }

    @Test
    void aDeleteOfAnIdThisHandlerNeverAnsweredSucceedsWithoutACognitoCall(final CognitoEmulator cognito) {
        final int mark = cognito.requests().mark();
        for (String never : List.of("2026/12/01/[$LATEST]4a7c9e0b1d2f4e6a8c0b2d4f6a8c0e1f", "AliceGoogleLink-1A2B3C4D5E6F",
            LocalCognito.POOL + "|Cognito|alice|Cognito|alice", "pending|" + idOf("alice"))) {
            assertThat(send(CustomResourceEvents.delete(urls.newUrl(), never, link("alice"))).path("Status").asText()).as(never)
                .isEqualTo("SUCCESS");
        }
        assertThat(cognito.requests().since(mark)).isEmpty();
    }

    @Test
    void anUpdateWithoutChangesKeepsThePhysicalIdWithoutACall(final CognitoEmulator cognito) {
        final String id = send(CustomResourceEvents.create(urls.newUrl(), link("alice"))).path("PhysicalResourceId").asText();
        final int mark = cognito.requests().mark();

        final JsonNode updated = send(CustomResourceEvents.update(urls.newUrl(), id, link("alice"), link("alice")));

        assertThat(updated.path("Status").asText()).isEqualTo("SUCCESS");
        assertThat(updated.path("PhysicalResourceId").asText()).isEqualTo(id);
        assertThat(updated.path("Data").path("Id").asText()).isEqualTo(id);
        assertThat(cognito.requests().since(mark)).isEmpty();
    }

    @Test
    void anUpdateToAnotherDestinationMovesTheIdentityAndTheLaterDeleteOfTheOldIdLeavesTheNewLinkAlone() {
        final String old = send(CustomResourceEvents.create(urls.newUrl(), link("alice"))).path("PhysicalResourceId").asText();

        final JsonNode moved = send(CustomResourceEvents.update(urls.newUrl(), old, link("bob"), link("alice")));

        assertThat(moved.path("Status").asText()).as(moved.path("Reason").asText()).isEqualTo("SUCCESS");
        assertThat(moved.path("PhysicalResourceId").asText()).isEqualTo(idOf("bob"));
        assertThat(holders()).containsExactly("bob");
        assertThat(send(CustomResourceEvents.delete(urls.newUrl(), old, link("alice"))).path("Status").asText())
            .isEqualTo("SUCCESS");
        assertThat(holders()).as("the old id's delete is a no-op").containsExactly("bob");
    }

    @Test
    void anUpdateWhoseNewLinkFailsRelinksTheOldDestinationAndItsRollbackChangesNothing(final CognitoEmulator cognito) {
        final String old = send(CustomResourceEvents.create(urls.newUrl(), link("alice"))).path("PhysicalResourceId").asText();

        final JsonNode failed = send(CustomResourceEvents.update(urls.newUrl(), old, link("nobody"), link("alice")));

        assertThat(failed.path("Status").asText()).isEqualTo("FAILED");
        assertThat(failed.path("Reason").asText()).startsWith("NotFound:").contains("linked to the previous destination again");
        assertThat(failed.path("PhysicalResourceId").asText()).isEqualTo(old);
        assertThat(holders()).containsExactly("alice");
        final int mark = cognito.requests().mark();
        final JsonNode rollback = send(CustomResourceEvents.update(urls.newUrl(), old, link("alice"), link("nobody")));
        assertThat(rollback.path("Status").asText()).isEqualTo("SUCCESS");
        assertThat(rollback.path("PhysicalResourceId").asText()).isEqualTo(old);
        assertThat(cognito.requests().since(mark)).extracting(e -> e.operation()).containsOnly("AdminGetUser");
    }

    @Test
    void theRollbackOfASuccessfulMoveMovesTheIdentityBackAndTheCleanupDeleteLeavesItThere() {
        final String old = send(CustomResourceEvents.create(urls.newUrl(), link("alice"))).path("PhysicalResourceId").asText();
        final String moved = send(CustomResourceEvents.update(urls.newUrl(), old, link("bob"), link("alice")))
            .path("PhysicalResourceId").asText();

        final JsonNode back = send(CustomResourceEvents.update(urls.newUrl(), moved, link("alice"), link("bob")));

        assertThat(back.path("Status").asText()).isEqualTo("SUCCESS");
        assertThat(back.path("PhysicalResourceId").asText()).isEqualTo(old);
        assertThat(send(CustomResourceEvents.delete(urls.newUrl(), moved,
            link("bob"))).path("Status").asText()).isEqualTo("SUCCESS");
        assertThat(holders()).containsExactly("alice");
    }

    @Test
    void anUpdateToAnotherIdentityCreatesItsOwnLinkAndTheOldIdIsDeletedAfterwards() {
        final String old = send(CustomResourceEvents.create(urls.newUrl(), link("alice"))).path("PhysicalResourceId").asText();
        final ObjectNode other = Models.googleTo("alice", "200000000000000000001");

        final JsonNode updated = send(CustomResourceEvents.update(urls.newUrl(), old, other, link("alice")));
        send(CustomResourceEvents.delete(urls.newUrl(), old, link("alice")));

        assertThat(updated.path("PhysicalResourceId").asText()).isEqualTo(LocalCognito.POOL
            + "|Cognito|alice|Google|200000000000000000001");
        assertThat(holders()).isEmpty();
        assertThat(LocalCognito.pool().holdersOf("Google", "200000000000000000001")).hasSize(1);
    }

    @Test
    void badPropertiesFailWithTheRegistryMessageANotCreatedIdAndNoCognitoCall(final CognitoEmulator cognito) {
        final ObjectNode unknownKey = link("alice").put("Colour", "blue");
        final ObjectNode noSource = link("alice");
        noSource.remove("SourceUser");
        final ObjectNode nativeSource = link("alice");
        ((ObjectNode) nativeSource.get("SourceUser")).put("ProviderName", "Cognito");
        final ObjectNode numberValue = link("alice");
        ((ObjectNode) numberValue.get("SourceUser")).put("ProviderAttributeValue", 104578123456789012L);
        final ObjectNode readOnly = link("alice").put("Id", idOf("alice"));

        assertThat(failureOf(unknownKey)).contains("Colour").contains("remove it");
        assertThat(failureOf(noSource)).contains("SourceUser");
        assertThat(failureOf(nativeSource)).contains("SourceUser.ProviderName").contains("Cognito");
        assertThat(failureOf(numberValue)).contains("SourceUser.ProviderAttributeValue");
        assertThat(failureOf(readOnly)).startsWith("Id: is read-only");
        assertThat(cognito.requests().entries()).isEmpty();
    }

    @Test
    void aPoolIdWithoutARegionIsAnInvalidRequestNamingUserPoolIdNotAnUnexpectedFailure(final CognitoEmulator cognito) {
        final ObjectNode noRegion = link("alice").put("UserPoolId", "__abc");

        assertThat(failureOf(noRegion)).startsWith("Invalid properties: UserPoolId: must be a user pool ID: the Region")
            .doesNotContain("unexpectedly");
        assertThat(cognito.requests().entries()).isEmpty();
    }

    @Test
    void aCreateOfAnIdentityAnotherUserHoldsNamesThatUserBySubOnlyInTheReasonAndTheLog(final CognitoEmulator cognito) {
        synchronized (cognito.lock()) {
            LocalCognito.pool().user("bob").attributes().put("email", "bob.smith@example.org");
            LocalCognito.pool().seedLink(LocalCognito.pool().user("bob"), "Google", SUBJECT);
        }

        final JsonNode failed = send(CustomResourceEvents.create(urls.newUrl(), link("alice")));

        final String bobSub = LocalCognito.pool().user("bob").sub();
        assertThat(failed.path("Reason").asText()).contains("whose sub is " + bobSub).doesNotContain("bob");
        assertThat(String.join("\n", function.lastContext().logLines())).doesNotContain("bob").doesNotContain(bobSub);
    }

    @Test
    void valuesGivenAsNumbersInTheTemplateArriveAsStringsAndAreAccepted() {
        final ObjectNode digits = Models.googleTo("alice", "104578123456789012345");

        assertThat(send(CustomResourceEvents.create(urls.newUrl(), digits)).path("Status").asText()).isEqualTo("SUCCESS");
    }

    @Test
    void aResponseUrlAnswering500OnceGetsTheSameAnswerAgain() {
        urls.then(ResponseUrlServer.Answer.SERVER_ERROR);
        final ObjectNode event = CustomResourceEvents.create(urls.newUrl(), link("alice"));

        send(event);

        final List<ResponseUrlServer.Put> puts = urls.putsTo(URI.create(event.path("ResponseURL").asText()));
        assertThat(puts).extracting(ResponseUrlServer.Put::status).containsExactly(500, 200);
        assertThat(puts.get(1).body()).isEqualTo(puts.get(0).body());
        assertThat(function.answerPauses).hasSize(1);
    }

    @Test
    void aResponseUrlThatHangsIsRetriedAfterTheAttemptTimeout() {
        urls.then(ResponseUrlServer.Answer.HANG);
        final ObjectNode event = CustomResourceEvents.create(urls.newUrl(), link("alice"));

        send(event);

        assertThat(urls.putsTo(URI.create(event.path("ResponseURL").asText()))).extracting(ResponseUrlServer.Put::status)
            .containsExactly(-1, 200);
    }

    @Test
    void throttlingIsAbsorbedThroughCallbacksInsideTheInvocation(final CognitoEmulator cognito) {
        cognito.faults().on("AdminLinkProviderForUser").after(0).times(3).inject(Kind.THROTTLE);

        final JsonNode answer = send(CustomResourceEvents.create(urls.newUrl(), link("alice")));

        assertThat(answer.path("Status").asText()).as(answer.path("Reason").asText()).isEqualTo("SUCCESS");
        assertThat(function.callbackPauses).isNotEmpty();
        assertThat(holders()).containsExactly("alice");
    }

    @Test
    void aLostAnswerToTheLinkCallStillEndsInSuccessWithOneLink(final CognitoEmulator cognito) {
        cognito.faults().on("AdminLinkProviderForUser").after(0).times(1).inject(Kind.APPLY_THEN_RESET);

        final JsonNode answer = send(CustomResourceEvents.create(urls.newUrl(), link("alice")));

        assertThat(answer.path("Status").asText()).as(answer.path("Reason").asText()).isEqualTo("SUCCESS");
        assertThat(holders()).containsExactly("alice");
    }

    @Test
    void theSameRequestIdAgainGetsTheAnswerAlreadyGivenWithoutAnotherLinkCall(final CognitoEmulator cognito) {
        final ObjectNode event = CustomResourceEvents.create(urls.newUrl(), link("alice"));
        final JsonNode first = send(event);

        final JsonNode again = send(event);

        assertThat(again).isEqualTo(first);
        assertThat(cognito.requests().count("AdminLinkProviderForUser")).isEqualTo(1);
    }

    @Test
    void aSourceValueOf2048CharactersGivesABodyWithin4096BytesAndADigestIdThatDeleteResolves() {
        final String value = "a".repeat(2048);
        LocalCognito.pool().addProvider("CorpOIDC", "OIDC", Map.of("email", "email"));
        final ObjectNode longLink = Models.link("CorpOIDC", "Cognito_Subject", value, "Cognito", "alice");

        final ResponseUrlServer.Put created = sendForPut(CustomResourceEvents.create(urls.newUrl(), longLink));

        assertThat(created.body().length).isLessThanOrEqualTo(4096);
        final String physicalId = created.json().path("PhysicalResourceId").asText();
        assertThat(created.json().path("Status").asText()).as(created.json().path("Reason").asText()).isEqualTo("SUCCESS");
        assertThat(physicalId.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1024);
        assertThat(physicalId).startsWith(LocalCognito.POOL + "|sha256:");
        assertThat(created.json().path("Data").path("Id").asText()).as("the Id is kept, a longer attribute left out")
            .endsWith(value);
        assertThat(send(CustomResourceEvents.delete(urls.newUrl(), physicalId, longLink)).path("Status").asText())
            .isEqualTo("SUCCESS");
        assertThat(LocalCognito.pool().holdersOf("CorpOIDC", value)).isEmpty();
    }

    @Test
    void aFunctionAboutToTimeOutAnswersFailedInTimeAndMakesNoLinkAfterwards(final CognitoEmulator cognito) throws Exception {
        final Faults.Held check = cognito.faults().on("AdminGetUser").hold();
        final ObjectNode event = CustomResourceEvents.create(urls.newUrl(), link("alice"));

        final CompletableFuture<JsonNode> answer = CompletableFuture.supplyAsync(() -> function.send(event, 60_000));
        check.awaitArrival();
        function.clock.advance(Duration.ofSeconds(50));

        assertThat(answer.get(1, TimeUnit.MINUTES).path("Status").asText()).isEqualTo("FAILED");
        assertThat(answer.get().path("Reason").asText()).contains("time ran out").doesNotContain("may have been made");
        assertThat(answer.get().path("PhysicalResourceId").asText()).startsWith("providerlink-not-created-");
        check.release();
        function.awaitWorkers();
        assertThat(cognito.requests().count("AdminLinkProviderForUser")).as("no link after the answer").isZero();
    }

    @Test
    void anEventWithoutAResponseUrlIsLoggedAndAnEventWithOneButNoRequestTypeIsAnsweredFailed() throws IOException {
        final ObjectNode noUrl = CustomResourceEvents.create(urls.newUrl(), link("alice"));
        noUrl.remove("ResponseURL");
        function.invoke(noUrl.toString().getBytes(StandardCharsets.UTF_8), 60_000);
        assertThat(urls.puts()).isEmpty();
        assertThat(function.lastContext().logLines()).anyMatch(l -> l.contains("no usable ResponseURL"));

        final ObjectNode noType = CustomResourceEvents.create(urls.newUrl(), link("alice"));
        noType.remove("RequestType");
        final JsonNode answer = send(noType);
        assertThat(answer.path("Status").asText()).isEqualTo("FAILED");
        assertThat(answer.path("Reason").asText()).contains("RequestType");

        function.invoke("not json".getBytes(StandardCharsets.UTF_8), 60_000);
        assertThat(function.lastContext().logLines()).anyMatch(l -> l.contains("not JSON"));
    }

    @Test
    void anErrorInsideTheHandlerStillGetsAFailedAnswer() {
        function.calling(new ClientBuilder() {

            @Override
            public CognitoIdentityProviderClient client(final String region) {
                throw new StackOverflowError();
            }
        });

        final JsonNode answer = send(CustomResourceEvents.create(urls.newUrl(), link("alice")));

        assertThat(answer.path("Status").asText()).isEqualTo("FAILED");
        assertThat(answer.path("Reason").asText()).contains("StackOverflowError").doesNotContain("\tat ");
        assertThat(answer.path("PhysicalResourceId").asText()).startsWith("providerlink-not-created-");
    }

    @Test
    void noCredentialOfTheFunctionAppearsInAnAnswerOrTheLog() {
        System.setProperty("aws.sessionToken", "function-session-token-never-shown");
        final List<String> texts = new ArrayList<>();
        texts.add(send(CustomResourceEvents.create(urls.newUrl(), link("alice"))).toString());
        texts.addAll(function.lastContext().logLines());
        texts.add(send(CustomResourceEvents.create(urls.newUrl(), link("bob"))).toString());
        texts.addAll(function.lastContext().logLines());

        assertThat(String.join("\n", texts)).doesNotContain("function-secret-key-never-shown")
            .doesNotContain("function-session-token-never-shown").doesNotContain("AKIAFUNCTIONKEY00001")
            .as("the ResponseURL's signature").doesNotContain("X-Amz-Signature");
    }

    @Test
    void aMoveWhoseUnlinkIsRefusedFailsAndLeavesTheOldLinkInPlace(final CognitoEmulator cognito) {
        final String old = send(CustomResourceEvents.create(urls.newUrl(), link("alice"))).path("PhysicalResourceId").asText();
        cognito.faults().on("AdminDisableProviderForUser").always().inject(Kind.ACCESS_DENIED);

        final JsonNode failed = send(CustomResourceEvents.update(urls.newUrl(), old, link("bob"), link("alice")));

        assertThat(failed.path("Status").asText()).isEqualTo("FAILED");
        assertThat(failed.path("Reason").asText()).contains("could not be moved");
        assertThat(failed.path("PhysicalResourceId").asText()).isEqualTo(old);
        assertThat(holders()).containsExactly("alice");
    }

    @Test
    void aMoveWhoseLinkAndRelinkBothFailSaysTheIdentityIsLinkedToNoUserAndHowToFixIt(final CognitoEmulator cognito) {
        final String old = send(CustomResourceEvents.create(urls.newUrl(), link("alice"))).path("PhysicalResourceId").asText();
        cognito.faults().on("AdminLinkProviderForUser").always().inject(Kind.ACCESS_DENIED);

        final JsonNode failed = send(CustomResourceEvents.update(urls.newUrl(), old, link("bob"), link("alice")));

        assertThat(failed.path("Status").asText()).isEqualTo("FAILED");
        assertThat(failed.path("Reason").asText()).contains("linked to no user").contains("admin-link-provider-for-user");
        assertThat(failed.path("PhysicalResourceId").asText()).isEqualTo(old);
    }

    @Test
    void aReplacementWhoseLinkMayHaveLandedIsRemovedAgainWhenTheUpdateFails(final CognitoEmulator cognito) {
        final String old = send(CustomResourceEvents.create(urls.newUrl(), link("alice"))).path("PhysicalResourceId").asText();
        cognito.faults().on("AdminLinkProviderForUser").after(0).times(1).inject(Kind.APPLY_THEN_RESET);
        cognito.faults().on("AdminGetUser").after(1).times(1).inject(Kind.ACCESS_DENIED);

        final JsonNode failed = send(CustomResourceEvents.update(urls.newUrl(), old, Models.googleTo("bob",
            "300000000000000000003"),
            link("alice")));

        assertThat(failed.path("Status").asText()).isEqualTo("FAILED");
        assertThat(failed.path("PhysicalResourceId").asText()).isEqualTo(old);
        cognito.faults().clear();
        assertThat(cognito.requests().count("AdminDisableProviderForUser")).as("the landed link was unlinked").isEqualTo(1);
        assertThat(LocalCognito.pool().holdersOf("Google", "300000000000000000003")).as("no link the stack cannot see").isEmpty();
        assertThat(holders()).containsExactly("alice");
    }

    @Test
    void aCreateThatFailsAfterItsLinkMayHaveLandedAnswersTheLinksIdSoTheRollbackRemovesIt(final CognitoEmulator cognito) {
        cognito.faults().on("AdminLinkProviderForUser").after(0).times(1).inject(Kind.APPLY_THEN_RESET);
        cognito.faults().on("AdminGetUser").after(1).always().inject(Kind.ACCESS_DENIED);

        final JsonNode failed = send(CustomResourceEvents.create(urls.newUrl(), link("alice")));

        assertThat(failed.path("Status").asText()).isEqualTo("FAILED");
        assertThat(failed.path("PhysicalResourceId").asText()).isEqualTo(idOf("alice"));
        cognito.faults().clear();
        assertThat(send(CustomResourceEvents.delete(urls.newUrl(), idOf("alice"), link("alice"))).path("Status").asText())
            .isEqualTo("SUCCESS");
        assertThat(holders()).isEmpty();
    }

    @Test
    void aDeleteThatCognitoRefusesFailsKeepingThePhysicalId(final CognitoEmulator cognito) {
        final String id = send(CustomResourceEvents.create(urls.newUrl(), link("alice"))).path("PhysicalResourceId").asText();
        cognito.faults().on("AdminDisableProviderForUser").always().inject(Kind.ACCESS_DENIED);

        final JsonNode failed = send(CustomResourceEvents.delete(urls.newUrl(), id, link("alice")));

        assertThat(failed.path("Status").asText()).isEqualTo("FAILED");
        assertThat(failed.path("Reason").asText()).startsWith("AccessDenied:");
        assertThat(failed.path("PhysicalResourceId").asText()).isEqualTo(id);
        assertThat(holders()).containsExactly("alice");
    }

    @Test
    void anUpdateOfAResourceWhoseCreateMadeNothingCreatesTheLink() {
        final JsonNode updated = send(CustomResourceEvents.update(urls.newUrl(), PhysicalId.notCreated("earlier"), link("alice"),
            link("bob")));

        assertThat(updated.path("Status").asText()).isEqualTo("SUCCESS");
        assertThat(updated.path("PhysicalResourceId").asText()).isEqualTo(idOf("alice"));
        assertThat(holders()).containsExactly("alice");
    }

    private String failureOf(final ObjectNode properties) {
        final JsonNode answer = send(CustomResourceEvents.create(urls.newUrl(), properties));
        assertThat(answer.path("Status").asText()).isEqualTo("FAILED");
        assertThat(answer.path("PhysicalResourceId").asText()).startsWith("providerlink-not-created-");
        assertThat(answer.path("Reason").asText()).doesNotContain("Exception").doesNotContain("\tat ");
        return answer.path("Reason").asText();
    }

    private JsonNode send(final ObjectNode event) {
        return function.send(event);
    }

    private ResponseUrlServer.Put sendForPut(final ObjectNode event) {
        send(event);
        final List<ResponseUrlServer.Put> puts = urls.putsTo(URI.create(event.path("ResponseURL").asText()));
        return puts.get(puts.size() - 1);
    }

    private static List<String> holders() {
        return LocalCognito.pool().holdersOf("Google", SUBJECT).stream().map(u -> u.username()).toList();
    }

    private static ObjectNode link(final String destination) {
        return Models.googleTo(destination, SUBJECT);
    }

    private static String idOf(final String destination) {
        return LocalCognito.POOL + "|Cognito|" + destination + "|Google|" + SUBJECT;
    }
}
