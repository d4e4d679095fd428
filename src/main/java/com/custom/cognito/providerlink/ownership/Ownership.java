package com.custom.cognito.providerlink.ownership;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * What one operation may call its own: how far its own link or unlink call got, moved by the events of its attempts,
 * and, from that alone, what its answers may name. The transition table is in {@code package-info.java}; this class is
 * the only place that decides it, for the registry handlers (kept across invocations in the callback context) and for
 * the custom-resource mode (shared between the thread that calls Cognito and the one that answers at the deadline).
 *
 * <p>Cognito keeps no request token on a link, so nothing read afterwards proves who made it. The one proof is this
 * operation's own record: an effect found in Cognito is this operation's only when one of its own attempts may have
 * made it. A refusal of a first attempt never makes a present effect ours, whatever Cognito's wording.
 */
public final class Ownership {

    /** How far this operation's own mutation got. */
    public enum State {
        /** No attempt of this operation has left. */
        NOT_SENT,
        /** An attempt has left and is not answered yet. Never kept across invocations. */
        IN_FLIGHT,
        /** An attempt got no answer (a dropped connection, a timeout, a server error): it may have taken effect. */
        IN_DOUBT,
        /** Cognito refused the attempt, and no earlier attempt of this operation may have landed. */
        REFUSED,
        /** Cognito answered that the call took effect, or a read showed the effect after an attempt in doubt. */
        TOOK_EFFECT
    }

    /** An attempt that never reached Cognito: the answer was decided first, or too little time was left to make it. */
    public static final class NotSent extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public NotSent(final String message) {
            super(message, null, false, false);
        }
    }

    private State state;
    /** The state an attempt in flight returns to when it provably never reached Cognito (throttled, not sent). */
    private State beforeAttempt;
    /** Set once the custom-resource mode has decided its answer: no attempt may leave after it. */
    private boolean closed;

    private Ownership(final State state) {
        this.state = state;
    }

    public static Ownership notSent() {
        return new Ownership(State.NOT_SENT);
    }

    /**
     * The record an earlier invocation kept. An attempt is always settled before an invocation ends, so a kept
     * {@code IN_FLIGHT} can only be a damaged record: it is read as in doubt, the state that claims least.
     */
    @JsonCreator
    public static Ownership resume(final State kept) {
        return new Ownership(kept == null ? State.NOT_SENT : kept == State.IN_FLIGHT ? State.IN_DOUBT : kept);
    }

    @JsonValue
    public synchronized State state() {
        return state;
    }

    /** An attempt is about to leave. Refused (nothing changes) once the answer has been decided ({@link #close}). */
    public synchronized void sending() {
        if (closed) {
            throw new NotSent("the answer to CloudFormation has been decided; no further call is made");
        }
        require(state != State.IN_FLIGHT && state != State.TOOK_EFFECT, "sending");
        beforeAttempt = state;
        state = State.IN_FLIGHT;
    }

    /** Cognito answered that the attempt took effect. */
    public synchronized void tookEffect() {
        settle(State.TOOK_EFFECT);
    }

    /** The attempt got no answer: it may have taken effect. */
    public synchronized void unanswered() {
        settle(State.IN_DOUBT);
    }

    /** The attempt provably never reached Cognito (throttled before it was processed, or never sent). */
    public synchronized void neverSent() {
        settle(beforeAttempt);
    }

    /** Cognito refused the attempt. An attempt in doubt before it may still have landed, so doubt outlives a refusal. */
    public synchronized void refused() {
        settle(beforeAttempt == State.IN_DOUBT ? State.IN_DOUBT : State.REFUSED);
    }

    /**
     * A read shows the effect this operation wants (the link present for a create, gone for a delete): whether it is
     * this operation's own. It is when an attempt of ours may have made it; then the operation has taken effect.
     */
    public synchronized boolean claimsEffect() {
        require(state != State.IN_FLIGHT, "claiming an effect");
        if (state == State.IN_DOUBT) {
            state = State.TOOK_EFFECT;
        }
        return state == State.TOOK_EFFECT;
    }

    /** Whether an attempt of this operation may have taken effect: answers then name what may have been made. */
    public synchronized boolean mayHaveTakenEffect() {
        return state == State.IN_FLIGHT || state == State.IN_DOUBT || state == State.TOOK_EFFECT;
    }

    public synchronized boolean hasTakenEffect() {
        return state == State.TOOK_EFFECT;
    }

    /**
     * What an answer names: {@code made} (the link's {@code Id}, a model carrying it, a physical id) when this
     * operation's own call may have made it; otherwise {@code nothing} (a name that denotes no link, or none).
     */
    public <T> T naming(final Supplier<T> made, final Supplier<T> nothing) {
        return mayHaveTakenEffect() ? made.get() : nothing.get();
    }

    /**
     * The custom-resource mode's deadline: no attempt leaves after this, and an attempt in flight is given up to
     * {@code settle} to be answered (the client's own attempt timeout ends it). The state it ends in decides the answer;
     * one still in flight counts as may-have-landed.
     */
    public synchronized State close(final Duration settle) throws InterruptedException {
        closed = true;
        final long until = System.nanoTime() + settle.toNanos();
        for (long left = settle.toNanos(); state == State.IN_FLIGHT && left > 0; left = until - System.nanoTime()) {
            wait(Math.max(1, left / 1_000_000));
        }
        return state;
    }

    /** Whether the answer has been decided ({@link #close}): no attempt leaves any more. */
    public synchronized boolean isClosed() {
        return closed;
    }

    private void settle(final State next) {
        require(state == State.IN_FLIGHT, "settling an attempt");
        state = next;
        beforeAttempt = null;
        notifyAll();
    }

    private void require(final boolean allowed, final String event) {
        if (!allowed) {
            throw new IllegalStateException(event + " is not a transition from " + state);
        }
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof Ownership && state() == ((Ownership) other).state();
    }

    @Override
    public int hashCode() {
        return state().hashCode();
    }

    @Override
    public synchronized String toString() {
        return state.name();
    }
}
