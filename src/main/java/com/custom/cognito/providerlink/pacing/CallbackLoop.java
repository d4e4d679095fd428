package com.custom.cognito.providerlink.pacing;

import java.time.Duration;
import java.util.Optional;

/**
 * Drives one operation as CloudFormation does: invoke; while the answer asks for a callback, wait its delay and invoke
 * again with what that answer carried. Every driver of handlers goes through it: the custom-resource mode, the local
 * tools and the tests.
 */
public final class CallbackLoop {

    /** One operation's invocations, over whatever its answers are (typed events, or the JSON a wrapper writes). */
    public interface Operation<E> {

        /** The first invocation when {@code previous} is null; otherwise the callback {@code previous} asked for. */
        E invoke(E previous);

        /** How long {@code answer} asks to wait before the next invocation; empty when it ends the operation. */
        Optional<Duration> callbackAfter(E answer);
    }

    /** The operation is still asking for callbacks after the most invocations a driver allows. */
    public static final class TooManyInvocations extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        TooManyInvocations(final int invocations) {
            super("the operation still asked for a callback after " + invocations + " invocations");
        }
    }

    private CallbackLoop() {
    }

    /** The operation's last answer: the first that asks for no callback. */
    public static <E> E drive(final Operation<E> operation, final Pause pause, final int maxInvocations)
        throws InterruptedException {
        E answer = null;
        for (int invocation = 0; invocation < maxInvocations; invocation++) {
            answer = operation.invoke(answer);
            final Optional<Duration> delay = operation.callbackAfter(answer);
            if (delay.isEmpty()) {
                return answer;
            }
            pause.pause(delay.get());
        }
        throw new TooManyInvocations(maxInvocations);
    }
}
