package com.custom.cognito.providerlink.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.local.emulator.CognitoEmulator;
import com.custom.cognito.providerlink.local.emulator.Faults.Kind;
import com.custom.cognito.providerlink.local.run.WrapperInvoker;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two stacks at once, through the real wrapper against the emulator: their pre-checks overlap (each AdminGetUser is
 * slowed), so both see the identity unlinked, or both see it linked; Cognito then lets one call win. A stack owns a
 * link only when its own call may have made it, so exactly one create and at most one delete succeed.
 */
@ExtendWith(LocalCognito.class)
class ConcurrencyTest {

    private static final int ROUNDS = 5;
    private static final String SUBJECT = "104578123456789012345";

    @Test
    void twoStacksCreatingTheSameLinkAtOnceGetExactlyOneSuccessAndOneLink(final CognitoEmulator cognito) throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            final String subject = SUBJECT + round;
            cognito.faults().clear();
            cognito.faults().on("AdminGetUser").after(0).times(2).delay(Duration.ofMillis(300)).inject(Kind.SLOW);

            final List<WrapperInvoker.Event> outcomes = together(() -> LocalCognito.wrapper().run("CREATE",
                Models.googleTo("alice", subject)));

            assertThat(outcomes).extracting(WrapperInvoker.Event::status).as("round "
                + round).containsExactlyInAnyOrder("SUCCESS",
                "FAILED");
            final WrapperInvoker.Event loser = outcomes.stream().filter(e
                -> !"SUCCESS".equals(e.status())).findFirst().orElseThrow();
            assertThat(loser.errorCode()).isEqualTo("AlreadyExists");
            assertThat(loser.model()).as("no model: the rollback must not delete the winner's link").isNull();
            assertThat(holders(subject)).containsExactly("alice");
        }
    }

    @Test
    void twoStacksDeletingTheSameLinkAtOnceGetAtMostOneSuccessAndTheOtherNotFound(final CognitoEmulator cognito)
        throws Exception {
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
            assertThat(holders()).isEmpty();
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
        assertThat(holders()).containsExactly("alice");
    }

    @Test
    void aFirstAttemptAnsweredAlreadyLinkedIsAnotherStacksLinkEvenOnTheSameDestination(final CognitoEmulator cognito) {
        // Another stack links between this create's pre-check and its link call: slow the pre-check, link meanwhile.
        cognito.faults().on("AdminGetUser").after(0).times(1).delay(Duration.ofMillis(500)).inject(Kind.SLOW);
        final CompletableFuture<WrapperInvoker.Event> create = CompletableFuture.supplyAsync(()
            -> LocalCognito.wrapper().run("CREATE",
            Models.googleTo("alice", SUBJECT)));
        synchronized (cognito.lock()) {
            LocalCognito.pool().seedLink(LocalCognito.pool().user("alice"), "Google", SUBJECT);
        }

        final WrapperInvoker.Event outcome = create.join();

        assertThat(outcome.status()).isEqualTo("FAILED");
        assertThat(outcome.errorCode()).isEqualTo("AlreadyExists");
        assertThat(outcome.model()).isNull();
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

    private static List<String> holders() {
        return holders(SUBJECT);
    }

    private static List<String> holders(final String subject) {
        return LocalCognito.pool().holdersOf("Google", subject).stream().map(u -> u.username()).toList();
    }
}
