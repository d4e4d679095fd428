package com.custom.cognito.providerlink.contract;

import static com.custom.cognito.providerlink.contract.ContractAssertions.assertFailed;
import static com.custom.cognito.providerlink.contract.ContractAssertions.assertSucceeded;
import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.local.emulator.CognitoEmulator;
import com.custom.cognito.providerlink.local.emulator.Faults.Kind;
import com.custom.cognito.providerlink.local.harness.WrapperInvoker;
import com.custom.cognito.providerlink.local.harness.WrapperInvoker.Event;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the handlers do when Cognito throttles, fails, drops connections, answers slowly, or lags. */
@ExtendWith(LocalCognito.class)
class FaultToleranceTest {

    private static final String SUBJECT = "104578123456789012345";
    private static final ObjectNode INPUT = Models.googleTo("alice", SUBJECT);
    private final WrapperInvoker wrapper = LocalCognito.wrapper();

    @Test
    void throttlingThatPassesIsRetriedAndTheCreateSucceeds(final CognitoEmulator cognito) {
        cognito.faults().on("AdminGetUser").times(2).inject(Kind.THROTTLE);
        cognito.faults().on("AdminLinkProviderForUser").times(2).inject(Kind.THROTTLE);

        assertSucceeded(wrapper.invoke("CREATE", INPUT));

        assertThat(LocalCognito.pool().holdersOf("Google", SUBJECT)).hasSize(1);
        assertThat(cognito.requests().count("AdminLinkProviderForUser")).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"CREATE", "READ", "DELETE", "LIST"})
    void throttlingThroughoutEndsAsThrottlingNeverAsAnInternalOrGeneralFailure(final String action,
        final CognitoEmulator cognito) {
        final JsonNode model = "CREATE".equals(action) ? INPUT : "LIST".equals(action) ? Models.pool() : created(INPUT).model();
        cognito.faults().on("*").always().inject(Kind.THROTTLE);
        final int mark = cognito.requests().mark();

        final List<Event> events = wrapper.invoke(action, model);
        final Event failed = assertFailed(events, "Throttling");

        final boolean waitsThroughCallbacks = "CREATE".equals(action) || "DELETE".equals(action);
        assertThat(failed.message()).contains("Cognito throttled cognito-idp:").contains(waitsThroughCallbacks
            ? "waited"
            : "tried 5 times");
        assertThat(events.size() > 1).as("Create and Delete wait through callbacks before they give up")
            .isEqualTo(waitsThroughCallbacks);
        assertThat(events.stream().filter(Event::isInProgress).mapToInt(Event::callbackDelaySeconds).sum()).isLessThanOrEqualTo(8
            * 60);
        assertThat(cognito.requests().since(mark)).as("a throttled call changes nothing").noneMatch(e -> e.isWrite());
    }

    @Test
    void aLinkWhoseAnswerIsLostSucceedsWithExactlyOneLink(final CognitoEmulator cognito) {
        cognito.faults().on("AdminLinkProviderForUser").times(1).inject(Kind.APPLY_THEN_RESET);

        final Event created = assertSucceeded(wrapper.invoke("CREATE", INPUT));

        assertThat(created.model().get("Id").asText()).isEqualTo(LocalCognito.POOL + "|Cognito|alice|Google|" + SUBJECT);
        assertThat(LocalCognito.pool().holdersOf("Google", SUBJECT)).extracting(u -> u.username()).containsExactly("alice");
        assertThat(LocalCognito.pool().linkCount()).isEqualTo(1);
        assertThat(cognito.requests().count("AdminLinkProviderForUser")).as("the read before the retry showed the link the"
            + " lost attempt made: no second link call").isEqualTo(1);
    }

    @Test
    void anUnlinkWhoseAnswerIsLostSucceedsAndLeavesNoLink(final CognitoEmulator cognito) {
        final Event created = created(INPUT);
        cognito.faults().on("AdminDisableProviderForUser").times(1).inject(Kind.APPLY_THEN_RESET);

        assertSucceeded(wrapper.invoke("DELETE", created.model()));

        assertThat(LocalCognito.pool().holdersOf("Google", SUBJECT)).isEmpty();
    }

    @Test
    void aResetConnectionIsRetried(final CognitoEmulator cognito) {
        cognito.faults().on("AdminGetUser").times(1).inject(Kind.CONNECTION_RESET);
        cognito.faults().on("AdminLinkProviderForUser").times(1).inject(Kind.CONNECTION_RESET);

        assertSucceeded(wrapper.invoke("CREATE", INPUT));

        assertThat(LocalCognito.pool().linkCount()).isEqualTo(1);
    }

    @Test
    void internalErrorsThatPassAreRetried(final CognitoEmulator cognito) {
        cognito.faults().on("AdminLinkProviderForUser").times(3).inject(Kind.INTERNAL_ERROR);

        assertSucceeded(wrapper.invoke("CREATE", INPUT));
    }

    @Test
    void internalErrorsThroughoutEndAsServiceInternalErrorKeepingTheIdForTheRollback(final CognitoEmulator cognito) {
        cognito.faults().on("AdminLinkProviderForUser").always().inject(Kind.INTERNAL_ERROR);

        final Event failed = assertFailed(wrapper.invoke("CREATE", INPUT), "ServiceInternalError");

        assertThat(failed.model().get("Id").asText()).endsWith("|Google|" + SUBJECT);
        assertThat(cognito.requests().count("AdminLinkProviderForUser")).isEqualTo(5);
    }

    @Test
    void slowAnswersWithinTheTimeoutAreWaitedFor(final CognitoEmulator cognito) {
        cognito.faults().on("*").times(3).delay(Duration.ofMillis(700)).inject(Kind.SLOW);

        assertSucceeded(wrapper.invoke("CREATE", INPUT));
    }

    @Test
    void aDeniedActionIsAccessDeniedNamingTheActionToGrant(final CognitoEmulator cognito) {
        cognito.faults().on("AdminLinkProviderForUser").always().inject(Kind.ACCESS_DENIED);

        final Event failed = assertFailed(wrapper.invoke("CREATE", INPUT), "AccessDenied");

        assertThat(failed.message()).contains("cognito-idp:AdminLinkProviderForUser").contains("resource-role.yaml");
    }

    @Test
    void aLinkThatShowsLateIsAwaitedThroughCallbacksWithoutLinkingTwice(final CognitoEmulator cognito) {
        cognito.behaviour().readLagCalls = 3;

        final List<Event> events = wrapper.invoke("CREATE", INPUT);

        assertSucceeded(events);
        assertThat(events).filteredOn(Event::isInProgress).hasSize(3)
            .allSatisfy(e -> assertThat(e.callbackDelaySeconds()).isPositive())
            .allSatisfy(e -> assertThat(e.raw().get("callbackContext")).isNotNull())
            .allSatisfy(e -> assertThat(e.model().path("SourceUser").path("ProviderAttributeName").asText())
                .as("write-only values survive IN_PROGRESS events").isEqualTo("Cognito_Subject"));
        assertThat(cognito.requests().count("AdminLinkProviderForUser")).as("memoized in the callback context").isEqualTo(1);
        assertThat(events.get(0).raw().get("callbackContext").toString()).as("the context keeps no user attributes")
            .doesNotContain("alice@example.com");
    }

    @Test
    void theCallersCredentialsSignEveryCognitoCall(final CognitoEmulator cognito) {
        final Event created = created(INPUT);
        assertSucceeded(wrapper.invoke("READ", created.model()));
        assertSucceeded(List.of(wrapper.invokeOnce("LIST", Models.pool(), null, null, null)));
        assertSucceeded(wrapper.invoke("DELETE", created.model()));

        assertThat(cognito.requests().entries()).isNotEmpty()
            .allSatisfy(e -> assertThat(e.accessKeyId()).isEqualTo(WrapperInvoker.Credentials.fake().accessKeyId()))
            .allSatisfy(e -> assertThat(e.region()).isEqualTo("us-east-1"));
    }

    private Event created(final ObjectNode input) {
        return assertSucceeded(wrapper.invoke("CREATE", input));
    }
}
