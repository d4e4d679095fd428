package com.custom.cognito.providerlink.local.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Injected failures, per operation and call count: {@code faults.on("AdminLinkProviderForUser").times(2).inject(Kind.THROTTLE)}.
 * Rules are consulted in the order they were added; the first one that applies to a call is used up by it.
 */
public final class Faults {

    public enum Kind {
        /** 400 TooManyRequestsException "Rate exceeded", as Cognito throttles. */
        THROTTLE,
        /** 500 InternalErrorException. */
        INTERNAL_ERROR,
        /** 400 NotAuthorizedException. */
        NOT_AUTHORIZED,
        /** 400 AccessDeniedException, as IAM denies an action. */
        ACCESS_DENIED,
        /** The connection closes before any answer; nothing happens. */
        CONNECTION_RESET,
        /** The answer comes after {@link Rule#delay}. */
        SLOW,
        /** The call takes effect, then the connection closes: the answer is lost. */
        APPLY_THEN_RESET,
        /** The call waits, before it is processed, until the test releases it ({@link Rule#hold()}). */
        HOLD
    }

    /** A call held on its way in: a test waits for it to arrive, does what it needs meanwhile, then lets it through. */
    public static final class Held {

        private final CountDownLatch arrived = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        /** Blocks until the held call has arrived (at most a minute). */
        public void awaitArrival() {
            try {
                if (!arrived.await(1, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("the held call never arrived");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** Lets the held call be processed and answered. */
        public void release() {
            released.countDown();
        }

        void arriveAndWait() {
            arrived.countDown();
            try {
                released.await(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A rule: skip {@code after} matching calls, then apply to the next {@code times} ones (forever when negative). */
    public static final class Rule {

        private final String operation;
        private int after;
        private int times = 1;
        private Kind kind;
        private Duration delay = Duration.ZERO;
        private Held held;

        private Rule(final String operation) {
            this.operation = operation;
        }

        public Rule after(final int calls) {
            this.after = calls;
            return this;
        }

        public Rule times(final int calls) {
            this.times = calls;
            return this;
        }

        public Rule always() {
            this.times = -1;
            return this;
        }

        public Rule delay(final Duration delay) {
            this.delay = delay;
            return this;
        }

        public void inject(final Kind kind) {
            this.kind = kind;
        }

        /** Holds the matching call until the returned handle releases it. */
        public Held hold() {
            this.held = new Held();
            this.kind = Kind.HOLD;
            return held;
        }

        Held held() {
            return held;
        }

        Kind kind() {
            return kind;
        }

        Duration delay() {
            return delay;
        }
    }

    private final List<Rule> rules = new ArrayList<>();

    /** A rule for one operation, or for every operation with {@code "*"}. */
    public synchronized Rule on(final String operation) {
        final Rule rule = new Rule(operation);
        rules.add(rule);
        return rule;
    }

    public synchronized void clear() {
        rules.clear();
    }

    synchronized Rule next(final String operation) {
        final Iterator<Rule> each = rules.iterator();
        while (each.hasNext()) {
            final Rule rule = each.next();
            if (rule.kind == null || !(rule.operation.equals("*") || rule.operation.equals(operation))) {
                continue;
            }
            if (rule.after > 0) {
                rule.after--;
                continue;
            }
            if (rule.times > 0 && --rule.times == 0) {
                each.remove();
            }
            return rule;
        }
        return null;
    }
}
