package com.custom.cognito.providerlink.customresource;

import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.cognito.ClientBuilder;
import com.custom.cognito.providerlink.contract.LocalCognito;
import com.custom.cognito.providerlink.contract.Models;
import com.custom.cognito.providerlink.local.customresource.CustomResourceEvents;
import com.custom.cognito.providerlink.local.customresource.ResponseUrlServer;
import com.custom.cognito.providerlink.local.emulator.CognitoEmulator;
import com.custom.cognito.providerlink.local.emulator.Faults;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The ownership rule at the custom resource's edges, through its real entry point: a Lambda context whose time passes
 * when the test moves it, and a Cognito stand-in that holds a call until the test lets it through. An answer names a
 * link only when the event's own call may have made it; an update that runs out of time undoes what it may have made;
 * an event answered once keeps that answer.
 */
@ExtendWith(LocalCognito.class)
class CustomResourceOwnershipTest {

    private static final String SUBJECT = "104578123456789012345";
    private static final String OTHER_SUBJECT = "300000000000000000003";
    private static final long FUNCTION_MILLIS = 60_000;

    private FunctionUnderTest function;

    @BeforeEach
    void start(final CognitoEmulator cognito) {
        function = new FunctionUnderTest(ClientBuilder.at(cognito.endpoint()));
    }

    @AfterEach
    void stop() throws InterruptedException {
        function.stop();
    }

    /** Case 1 of the ownership issue: a refusal, then a read-back that outlasts the function. */
    @Test
    void aCreateRefusedBecauseAnotherStackLinkedFirstNamesNoLinkWhenItsTimeRunsOutAndItsRollbackDeletesNothing(
        final CognitoEmulator cognito) throws Exception {
        final Faults.Held linkCall = cognito.faults().on("AdminLinkProviderForUser").hold();
        final Faults.Held readBack = cognito.faults().on("AdminGetUser").after(1).hold();
        final ObjectNode event = CustomResourceEvents.create(function.urls.newUrl(), link("alice", SUBJECT));

        final CompletableFuture<JsonNode> answer = CompletableFuture.supplyAsync(() -> function.send(event, FUNCTION_MILLIS));
        linkCall.awaitArrival();
        otherStackLinks(cognito, "alice", SUBJECT);
        linkCall.release();
        readBack.awaitArrival();
        function.clock.advance(Duration.ofSeconds(50));
        final JsonNode failed = answer.get(1, TimeUnit.MINUTES);
        readBack.release();
        function.awaitWorkers();

        assertThat(failed.path("Status").asText()).isEqualTo("FAILED");
        assertThat(failed.path("Reason").asText()).contains("time ran out").doesNotContain("may have been made");
        assertThat(failed.path("PhysicalResourceId").asText()).as("its own call was refused: it names no link")
            .startsWith("providerlink-not-created-");
        final int mark = cognito.requests().mark();
        final JsonNode rollback = function.send(CustomResourceEvents.delete(function.urls.newUrl(),
            failed.path("PhysicalResourceId").asText(), link("alice", SUBJECT)));
        assertThat(rollback.path("Status").asText()).isEqualTo("SUCCESS");
        assertThat(cognito.requests().since(mark)).as("the rollback calls nothing").isEmpty();
        assertThat(holders(SUBJECT)).as("the other stack's link stays").containsExactly("alice");
    }

    /** Case 2: an update's new link is answered after the deadline; it is undone before the answer. */
    @Test
    void anUpdateWhoseNewLinkIsAnsweredAfterTheDeadlineUndoesItAndTheRollbackFindsTheOldLink(final CognitoEmulator cognito)
        throws Exception {
        final String old = function.send(CustomResourceEvents.create(function.urls.newUrl(), link("alice", SUBJECT)))
            .path("PhysicalResourceId").asText();
        final ObjectNode update = CustomResourceEvents.update(function.urls.newUrl(), old, link("alice", OTHER_SUBJECT),
            link("alice", SUBJECT));

        final JsonNode failed = linkAnsweredAfterTheDeadline(cognito, update);

        assertThat(failed.path("Status").asText()).isEqualTo("FAILED");
        assertThat(failed.path("PhysicalResourceId").asText()).isEqualTo(old);
        assertThat(failed.path("Reason").asText()).contains("time ran out").contains("undone");
        assertThat(holders(OTHER_SUBJECT)).as("the link the update made after its deadline is removed again").isEmpty();
        final JsonNode rollback = function.send(CustomResourceEvents.update(function.urls.newUrl(), old,
            link("alice", SUBJECT), link("alice", OTHER_SUBJECT)));
        assertThat(rollback.path("Status").asText()).isEqualTo("SUCCESS");
        assertThat(holders(SUBJECT)).containsExactly("alice");
        assertThat(holders(OTHER_SUBJECT)).isEmpty();
    }

    /** A move whose time runs out after the old link was removed and the new one made: both undone. */
    @Test
    void aMoveWhoseTimeRunsOutAfterItsNewLinkLandedPutsTheIdentityBackOnTheOldDestination(final CognitoEmulator cognito)
        throws Exception {
        final String old = function.send(CustomResourceEvents.create(function.urls.newUrl(), link("alice", SUBJECT)))
            .path("PhysicalResourceId").asText();
        final ObjectNode move = CustomResourceEvents.update(function.urls.newUrl(), old, link("bob", SUBJECT),
            link("alice", SUBJECT));

        final JsonNode failed = linkAnsweredAfterTheDeadline(cognito, move);

        assertThat(failed.path("Status").asText()).isEqualTo("FAILED");
        assertThat(failed.path("PhysicalResourceId").asText()).isEqualTo(old);
        assertThat(holders(SUBJECT)).as("as before the update").containsExactly("alice");
    }

    /** When the undo itself cannot finish, the reason holds the exact commands that finish it. */
    @Test
    void anUpdateThatCannotUndoInTimeGivesTheExactCommandsThatDo(final CognitoEmulator cognito) throws Exception {
        final String old = function.send(CustomResourceEvents.create(function.urls.newUrl(), link("alice", SUBJECT)))
            .path("PhysicalResourceId").asText();
        final Faults.Held linkCall = cognito.faults().on("AdminLinkProviderForUser").hold();
        final ObjectNode update = CustomResourceEvents.update(function.urls.newUrl(), old, link("alice", OTHER_SUBJECT),
            link("alice", SUBJECT));

        final CompletableFuture<JsonNode> answer = CompletableFuture.supplyAsync(() -> function.send(update, FUNCTION_MILLIS));
        linkCall.awaitArrival();
        function.clock.advance(Duration.ofSeconds(50));
        linkCall.release();
        final JsonNode failed = answer.get(1, TimeUnit.MINUTES);
        function.awaitWorkers();

        assertThat(failed.path("Status").asText()).isEqualTo("FAILED");
        assertThat(failed.path("Reason").asText()).contains("aws cognito-idp admin-disable-provider-for-user --region us-east-1"
            + " --user-pool-id '" + LocalCognito.POOL + "' --user 'ProviderName=Google,ProviderAttributeName=Cognito_Subject,"
            + "ProviderAttributeValue=" + OTHER_SUBJECT + "'");
        assertThat(holders(OTHER_SUBJECT)).as("left for the command, not hidden").containsExactly("alice");
    }

    /** Case 3, in one container: the same event again is answered as before; another event is never answered from memory. */
    @Test
    void theSameEventAgainKeepsItsAnswerAndAnotherEventReusingItsRequestIdIsNotAnsweredFromMemory(final CognitoEmulator cognito) {
        final ObjectNode event = CustomResourceEvents.create(function.urls.newUrl(), link("alice", SUBJECT));
        final JsonNode first = function.send(event);
        final ObjectNode other = CustomResourceEvents.create(function.urls.newUrl(), link("bob", OTHER_SUBJECT))
            .put("RequestId", event.path("RequestId").asText()).put("LogicalResourceId", "BobGoogleLink");

        final JsonNode again = function.send(event);
        final JsonNode answered = function.send(other);

        assertThat(again).isEqualTo(first);
        assertThat(function.urls.stored(URI.create(event.path("ResponseURL").asText()))).isEqualTo(first);
        assertThat(answered.path("LogicalResourceId").asText()).isEqualTo("BobGoogleLink");
        assertThat(answered.path("Data").path("DestinationUsername").asText()).isEqualTo("bob");
        assertThat(cognito.requests().count("AdminLinkProviderForUser")).isEqualTo(2);
    }

    /**
     * Case 3, in another container: the second delivery finds the link, is refused as AlreadyExists, and its answer does
     * not replace the first (the conditional write), whichever way S3 meets the condition; it names no link either way.
     */
    @ParameterizedTest
    @EnumSource(ResponseUrlServer.ConditionalWrites.class)
    void aSecondDeliveryInAFreshContainerNeverClaimsTheLinkAndKeepsTheFirstAnswerWhereS3HonoursTheCondition(
        final ResponseUrlServer.ConditionalWrites s3, final CognitoEmulator cognito) throws Exception {
        function.urls.conditionalWrites(s3);
        final ObjectNode event = CustomResourceEvents.create(function.urls.newUrl(), link("alice", SUBJECT));
        final JsonNode first = function.send(event);
        function.invokeInAnotherContainer(event.toString().getBytes(StandardCharsets.UTF_8), FUNCTION_MILLIS);

        final List<ResponseUrlServer.Put> puts = function.urls.putsTo(URI.create(event.path("ResponseURL").asText()));
        final JsonNode stored = function.urls.stored(URI.create(event.path("ResponseURL").asText()));
        assertThat(first.path("Status").asText()).isEqualTo("SUCCESS");
        assertThat(puts.get(puts.size() - 1).json().path("PhysicalResourceId").asText()).as("the second answer names no link")
            .startsWith("providerlink-not-created-");
        // Where S3 ignores or refuses the condition, the second answer replaces the first: the window the README states.
        assertThat(stored).as(s3 + ": what CloudFormation reads").isEqualTo(s3 == ResponseUrlServer.ConditionalWrites.HONOURED
            ? first
            : puts.get(puts.size() - 1).json());
        assertThat(cognito.requests().count("AdminLinkProviderForUser")).isEqualTo(1);
        assertThat(holders(SUBJECT)).containsExactly("alice");
    }

    private static void otherStackLinks(final CognitoEmulator cognito, final String username, final String subject) {
        synchronized (cognito.lock()) {
            LocalCognito.pool().seedLink(LocalCognito.pool().user(username), "Google", subject);
        }
    }

    private static List<String> holders(final String subject) {
        return LocalCognito.pool().holdersOf("Google", subject).stream().map(u -> u.username()).toList();
    }

    private static ObjectNode link(final String destination, final String subject) {
        return Models.googleTo(destination, subject);
    }

    /** Sends {@code update} with its link call held until the function's time has run out; its answer, once settled. */
    private JsonNode linkAnsweredAfterTheDeadline(final CognitoEmulator cognito, final ObjectNode update) throws Exception {
        final Faults.Held linkCall = cognito.faults().on("AdminLinkProviderForUser").hold();
        final CompletableFuture<JsonNode> answer = CompletableFuture.supplyAsync(() -> function.send(update, FUNCTION_MILLIS));
        linkCall.awaitArrival();
        function.clock.advance(Duration.ofSeconds(27));
        linkCall.release();
        final JsonNode failed = answer.get(1, TimeUnit.MINUTES);
        function.awaitWorkers();
        return failed;
    }
}
