package com.custom.cognito.providerlink.cognito;

/**
 * What an operation knows about its own link or unlink call, kept across invocations (the callback context
 * implements it): whether an attempt of ours may have taken effect, or did. It is the only proof of ownership
 * Cognito allows: a link carries no request token, so an "already linked" answer is ours only if one of our own
 * attempts may have made the link.
 */
public interface MutationLedger {

    /** An attempt of ours got no answer, timed out or met a server error: it may have taken effect. */
    void recordAttemptMayHaveTakenEffect();

    /** Cognito answered that our call took effect, or a read showed the effect after an attempt of ours. */
    void recordTookEffect();

    boolean mayHaveTakenEffect();

    boolean hasTakenEffect();
}
