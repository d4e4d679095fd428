package com.custom.cognito.providerlink.local.conformance;

/**
 * What one probe found: the assumption (and the emulator's {@code Behaviour} switch for it, if any), what the emulator
 * assumes, what the service answered, and whether the handlers, run through the wrapper, coped with that answer.
 */
public record Finding(String topic, String behaviourSwitch, String assumed, String observed, Verdict verdict,
    String handlers, boolean handlersCoped) {

    public enum Verdict {

        AS_ASSUMED("as assumed"),
        DIFFERENT("different: the emulator should follow the service"),
        NOT_PROBED("not probed");

        private final String text;

        Verdict(final String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    static Verdict verdict(final boolean asAssumed) {
        return asAssumed ? Verdict.AS_ASSUMED : Verdict.DIFFERENT;
    }
}
