package com.custom.cognito.providerlink.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.local.emulator.Behaviour;
import com.custom.cognito.providerlink.local.emulator.CognitoEmulator;
import com.custom.cognito.providerlink.local.emulator.Faults;
import com.custom.cognito.providerlink.local.emulator.Faults.Kind;
import com.custom.cognito.providerlink.local.harness.WrapperInvoker;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two stacks at once, and one operation invoked again, through the real wrapper against the emulator. A stack owns a
 * link only when its own call may have made it, so two creates give at most one SUCCESS (exactly one, unless Cognito
 * answers an error to the call that made the link), two deletes at most one, and no re-invocation acts on what an
 * earlier invocation read. Each runs under every setting of the emulator's switches.
 */
@ExtendWith(LocalCognito.class)
class ConcurrencyTest {

    private static final int ROUNDS = 3;
    private static final String SUBJECT = "104578123456789012345";

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.custom.cognito.providerlink.contract.ContractSuiteTest#everyServiceVariant")
    void twoStacksCreatingTheSameLinkAtOnceGetAtMostOneSuccessAndOneLink(final String variant,
        final Consumer<Behaviour> service, final CognitoEmulator cognito) throws Exception {
        service.accept(cognito.behaviour());
        // Only where Cognito answers an error to every link it makes does no create succeed: none may claim it.
        final long expectedSuccesses = variant.startsWith("linkAnsweredWithLegacyRefusal") ? 0 : 1;
        for (int round = 0; round < ROUNDS; round++) {
            final String subject = SUBJECT + round;
            cognito.faults().clear();
            // Both pre-checks are answered late, so both see the identity unlinked before either link call.
            cognito.faults().on("AdminGetUser").after(0).times(2).delay(Duration.ofMillis(300)).inject(Kind.SLOW);

            final List<WrapperInvoker.Event> outcomes = together(() -> LocalCognito.wrapper().run("CREATE",
                Models.googleTo("alice", subject)));

            assertThat(outcomes.stream().filter(e -> "SUCCESS".equals(e.status())).count()).as("round " + round)
                .isEqualTo(expectedSuccesses);
            assertThat(outcomes).filteredOn(e -> !"SUCCESS".equals(e.status())).allSatisfy(loser -> {
                assertThat(loser.errorCode()).isEqualTo("AlreadyExists");
                assertThat(loser.model()).as("no model: the rollback must not delete a link that may be another's").isNull();
            });
            assertThat(holders(subject)).containsExactly("alice");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.custom.cognito.providerlink.contract.ContractSuiteTest#serviceVariants")
    void twoStacksDeletingTheSameLinkAtOnceGetAtMostOneSuccessAndTheOtherNotFound(final String variant,
        final Consumer<Behaviour> service, final CognitoEmulator cognito) throws Exception {
        service.accept(cognito.behaviour());
        for (int round = 0; round < ROUNDS; round++) {
            cognito.faults().clear();
            final WrapperInvoker.Event created = LocalCognito.wrapper().run("CREATE", Models.googleTo("alice", SUBJECT));
            assertThat(created.status()).isEqualTo("SUCCESS");
            cognito.faults().on("AdminGetUser").after(0).times(2).delay(Duration.ofMillis(300)).inject(Kind.SLOW);

            final List<WrapperInvoker.Event> outcomes = together(() -> LocalCognito.wrapper().run("DELETE",
                Models.id(created.model().path("Id").asText())));

            assertThat(outcomes.stream().filter(e -> "SUCCESS".equals(e.status())).count()).as("round " + round)
                .isLessThanOrEqualTo(1);
            assertThat(outcomes).filteredOn(e -> !"SUCCESS".equals(e.status())).extracting(WrapperInvoker.Event::errorCode)
                .containsOnly("NotFound");
            assertThat(holders(SUBJECT)).isEmpty();
        }
    }

    @Test
    void aReinvocationWithTheRecordedContextAfterTheLinkLandedSucceedsWithOneLink(final CognitoEmulator cognito) {
        final String token = UUID.randomUUID().toString();
        final JsonNode declared = Models.googleTo("alice", SUBJECT);
        cognito.faults().on("AdminGetUser").after(1).times(1).inject(Kind.THROTTLE);
        final WrapperInvoker wrapper = LocalCognito.wrapper();

        final WrapperInvoker.Event checkpoint = wrapper.invokeOnce(token, "CREATE", declared, null, null, null);
        assertThat(checkpoint.isInProgress()).as("the read-back after the link was throttled").isTrue();
        assertThat(checkpoint.model().path("Id").asText()).as("the link's own Id once it may exist")
            .isEqualTo(LocalCognito.POOL + "|Cognito|alice|Google|" + SUBJECT);

        // CloudFormation sends the recorded context again, as after an invocation that died: twice, to be sure.
        final JsonNode context = checkpoint.raw().get("callbackContext");
        final WrapperInvoker.Event first = wrapper.invokeOnce(token, "CREATE", checkpoint.model(), null, context, null);
        final WrapperInvoker.Event again = wrapper.invokeOnce(token, "CREATE", checkpoint.model(), null, context, null);

        assertThat(first.status()).isEqualTo("SUCCESS");
        assertThat(again.status()).isEqualTo("SUCCESS");
        assertThat(cognito.requests().count("AdminLinkProviderForUser")).isEqualTo(1);
        assertThat(holders(SUBJECT)).containsExactly("alice");
    }

    @Test
    void aFirstAttemptAnsweredAlreadyLinkedIsAnotherStacksLinkEvenOnTheSameDestination(final CognitoEmulator cognito) {
        // Another stack links between this create's check and its link call: the call is held until the link is there.
        final Faults.Held linkCall = cognito.faults().on("AdminLinkProviderForUser").hold();
        final CompletableFuture<WrapperInvoker.Event> create = CompletableFuture
            .supplyAsync(() -> LocalCognito.wrapper().run("CREATE", Models.googleTo("alice", SUBJECT)));
        linkCall.awaitArrival();
        synchronized (cognito.lock()) {
            LocalCognito.pool().seedLink(LocalCognito.pool().user("alice"), "Google", SUBJECT);
        }
        linkCall.release();

        final WrapperInvoker.Event outcome = create.join();

        assertThat(outcome.errorCode()).isEqualTo("AlreadyExists");
        assertThat(outcome.message()).as("the path taken: Cognito refused the first attempt")
            .startsWith("This link was made by another stack or process while this create ran");
        assertThat(outcome.model()).isNull();
        assertThat(cognito.requests().count("AdminLinkProviderForUser")).as("one attempt, refused").isEqualTo(1);
        assertThat(holders(SUBJECT)).containsExactly("alice");
    }

    @Test
    void aDeleteReinvokedAfterThrottlingLeavesAloneTheLinkTheIdentityNowHasOnAnotherUser(final CognitoEmulator cognito) {
        final WrapperInvoker wrapper = LocalCognito.wrapper();
        final String id = wrapper.run("CREATE", Models.googleTo("alice", SUBJECT)).model().path("Id").asText();
        final String token = UUID.randomUUID().toString();
        cognito.faults().on("AdminDisableProviderForUser").times(1).inject(Kind.THROTTLE);
        final WrapperInvoker.Event throttled = wrapper.invokeOnce(token, "DELETE", Models.id(id), null, null, null);
        assertThat(throttled.isInProgress()).isTrue();
        // Meanwhile the identity is unlinked out of band, and another stack links it to bob.
        synchronized (cognito.lock()) {
            LocalCognito.pool().unseedLink(LocalCognito.pool().user("alice"), "Google", SUBJECT);
            LocalCognito.pool().seedLink(LocalCognito.pool().user("bob"), "Google", SUBJECT);
        }
        final int mark = cognito.requests().mark();

        final WrapperInvoker.Event reinvoked = wrapper.invokeOnce(token, "DELETE", throttled.model(), null,
            throttled.raw().get("callbackContext"), null);

        assertThat(reinvoked.errorCode()).isEqualTo("NotFound");
        assertThat(cognito.requests().since(mark)).extracting(e -> e.operation()).doesNotContain("AdminDisableProviderForUser");
        assertThat(holders(SUBJECT)).containsExactly("bob");
    }

    /** Two calls released at the same moment, each on its own thread. */
    private static List<WrapperInvoker.Event> together(final Supplier<WrapperInvoker.Event> call)
        throws Exception {
        final CyclicBarrier start = new CyclicBarrier(2);
        final List<CompletableFuture<WrapperInvoker.Event>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return call.get();
            }));
        }
        return runs.stream().map(CompletableFuture::join).collect(Collectors.toList());
    }

    private static List<String> holders(final String subject) {
        return LocalCognito.pool().holdersOf("Google", subject).stream().map(u -> u.username()).toList();
    }
}
