package com.custom.cognito.providerlink.ownership;

import static com.custom.cognito.providerlink.ownership.Ownership.State.IN_DOUBT;
import static com.custom.cognito.providerlink.ownership.Ownership.State.IN_FLIGHT;
import static com.custom.cognito.providerlink.ownership.Ownership.State.NOT_SENT;
import static com.custom.cognito.providerlink.ownership.Ownership.State.REFUSED;
import static com.custom.cognito.providerlink.ownership.Ownership.State.TOOK_EFFECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every transition of the ownership table (package-info), what each state lets an answer name, and the deadline's close. */
class OwnershipTest {

    /** An ownership brought to {@code state} by the events that lead there. */
    private static Ownership in(final Ownership.State state) {
        final Ownership ownership = Ownership.notSent();
        switch (state) {
            case NOT_SENT -> {
            }
            case IN_FLIGHT -> ownership.sending();
            case IN_DOUBT -> {
                ownership.sending();
                ownership.unanswered();
            }
            case REFUSED -> {
                ownership.sending();
                ownership.refused();
            }
            case TOOK_EFFECT -> {
                ownership.sending();
                ownership.tookEffect();
            }
            default -> throw new IllegalArgumentException(state.name());
        }
        assertThat(ownership.state()).isEqualTo(state);
        return ownership;
    }

    @Test
    void sendingIsAllowedFromEveryStateThatIsNeitherInFlightNorDoneAndRemembersWhereItCameFrom() {
        for (Ownership.State from : EnumSet.of(NOT_SENT, IN_DOUBT, REFUSED)) {
            final Ownership ownership = in(from);
            ownership.sending();
            assertThat(ownership.state()).as("from " + from).isEqualTo(IN_FLIGHT);
            ownership.neverSent();
            assertThat(ownership.state()).as("a throttled attempt goes back to " + from).isEqualTo(from);
        }
        for (Ownership.State from : EnumSet.of(IN_FLIGHT, TOOK_EFFECT)) {
            assertThatThrownBy(in(from)::sending).as("from " + from).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void anAttemptInFlightSettlesAsTheAnswerSays() {
        final Map<Consumer<Ownership>, Ownership.State> fromFirstAttempt = Map.of(
            Ownership::tookEffect, TOOK_EFFECT, Ownership::unanswered, IN_DOUBT, Ownership::refused, REFUSED,
            Ownership::neverSent, NOT_SENT);
        fromFirstAttempt.forEach((answer, expected) -> {
            final Ownership ownership = in(IN_FLIGHT);
            answer.accept(ownership);
            assertThat(ownership.state()).isEqualTo(expected);
        });
    }

    @Test
    void aRefusalAfterAnAttemptInDoubtKeepsTheDoubtBecauseTheEarlierAttemptMayHaveLanded() {
        final Ownership ownership = in(IN_DOUBT);
        ownership.sending();
        ownership.refused();

        assertThat(ownership.state()).isEqualTo(IN_DOUBT);
        assertThat(ownership.claimsEffect()).isTrue();
        assertThat(ownership.state()).isEqualTo(TOOK_EFFECT);
    }

    @Test
    void aRefusalAfterAnEarlierRefusalIsStillARefusal() {
        final Ownership ownership = in(REFUSED);
        ownership.sending();
        ownership.refused();

        assertThat(ownership.state()).isEqualTo(REFUSED);
    }

    @Test
    void onlyAnOperationWhoseOwnAttemptMayHaveLandedClaimsAnEffectItFinds() {
        assertThat(in(NOT_SENT).claimsEffect()).as("there before, or another stack's").isFalse();
        assertThat(in(REFUSED).claimsEffect()).as("refused, whatever the words: maybe another stack's").isFalse();
        assertThat(in(IN_DOUBT).claimsEffect()).isTrue();
        assertThat(in(TOOK_EFFECT).claimsEffect()).isTrue();
        assertThatThrownBy(in(IN_FLIGHT)::claimsEffect).isInstanceOf(IllegalStateException.class);

        final Ownership refused = in(REFUSED);
        refused.claimsEffect();
        assertThat(refused.state()).as("a refused claim changes nothing").isEqualTo(REFUSED);
    }

    @ParameterizedTest
    @EnumSource(Ownership.State.class)
    void anAnswerNamesTheLinkExactlyWhenTheOperationsOwnAttemptMayHaveMadeIt(final Ownership.State state) {
        final boolean mayHaveLanded = EnumSet.of(IN_FLIGHT, IN_DOUBT, TOOK_EFFECT).contains(state);

        assertThat(in(state).mayHaveTakenEffect()).isEqualTo(mayHaveLanded);
        assertThat(in(state).naming(() -> "the link's Id", () -> "a name for nothing"))
            .isEqualTo(mayHaveLanded ? "the link's Id" : "a name for nothing");
        assertThat(in(state).hasTakenEffect()).isEqualTo(state == TOOK_EFFECT);
    }

    @Test
    void settlingWithoutAnAttemptInFlightIsAProgrammingError() {
        for (Ownership.State state : EnumSet.complementOf(EnumSet.of(IN_FLIGHT))) {
            assertThatThrownBy(in(state)::tookEffect).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(in(state)::unanswered).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(in(state)::refused).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(in(state)::neverSent).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void theRecordSurvivesTheCallbackContextsJsonAndAKeptInFlightResumesInDoubt() throws Exception {
        final ObjectMapper json = new ObjectMapper();
        for (Ownership.State state : EnumSet.of(NOT_SENT, IN_DOUBT, REFUSED, TOOK_EFFECT)) {
            final String written = json.writeValueAsString(in(state));
            assertThat(written).isEqualTo("\"" + state.name() + "\"");
            assertThat(json.readValue(written, Ownership.class)).isEqualTo(in(state));
        }
        assertThat(json.readValue("\"IN_FLIGHT\"", Ownership.class).state()).isEqualTo(IN_DOUBT);
        assertThat(json.readValue("null", Ownership.class)).isNull();
        assertThat(Ownership.resume(null).state()).isEqualTo(NOT_SENT);
    }

    @Test
    void afterCloseNoAttemptLeavesAndTheStateIsWhatItWas() throws Exception {
        final Ownership ownership = in(IN_DOUBT);

        assertThat(ownership.close(Duration.ZERO)).isEqualTo(IN_DOUBT);
        assertThatThrownBy(ownership::sending).isInstanceOf(Ownership.NotSent.class);
        assertThat(ownership.state()).isEqualTo(IN_DOUBT);
    }

    @Test
    void closeWaitsForTheAttemptInFlightToBeAnsweredAndReportsHowItEnded() throws Exception {
        final Ownership ownership = in(IN_FLIGHT);
        final CompletableFuture<Ownership.State> closed = CompletableFuture.supplyAsync(() -> {
            try {
                return ownership.close(Duration.ofMinutes(1));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        while (!ownership.isClosed()) {
            Thread.onSpinWait();
        }

        ownership.tookEffect();

        assertThat(closed.get()).isEqualTo(TOOK_EFFECT);
    }

    @Test
    void anAttemptStillInFlightWhenTheSettlingTimeEndsCountsAsMayHaveLanded() throws Exception {
        final Ownership ownership = in(IN_FLIGHT);

        assertThat(ownership.close(Duration.ofMillis(1))).isEqualTo(IN_FLIGHT);
        assertThat(ownership.naming(() -> "the link", () -> "nothing")).isEqualTo("the link");
    }

    /**
     * The deadline and an attempt race: whichever wins, what the closer reads agrees with what was sent. Either the
     * attempt was refused before it left (and the closer read nothing sent), or it left first (and the closer read it
     * in flight or settled). Never an attempt that left after the closer read "not sent".
     */
    @Test
    void anAttemptAndTheDeadlineRacingAlwaysAgreeOnWhetherTheAttemptLeft() throws Exception {
        for (int round = 0; round < 2_000; round++) {
            final Ownership ownership = Ownership.notSent();
            final CyclicBarrier start = new CyclicBarrier(2);
            final CompletableFuture<Boolean> sent = CompletableFuture.supplyAsync(() -> {
                await(start);
                try {
                    ownership.sending();
                    ownership.tookEffect();
                    return true;
                } catch (Ownership.NotSent e) {
                    return false;
                }
            });
            await(start);
            final Ownership.State read = ownership.close(Duration.ofSeconds(10));

            assertThat(read == NOT_SENT).as("round " + round + ": read " + read).isEqualTo(!sent.get());
        }
    }

    private static void await(final CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
