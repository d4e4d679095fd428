package com.custom.cognito.providerlink;

import com.custom.cognito.providerlink.cognito.MutationLedger;
import software.amazon.cloudformation.proxy.StdCallbackContext;

/**
 * What one Create or Delete carries from an invocation to the next (CloudFormation returns it with each callback,
 * and again after an invocation that died): how far its own link or unlink call got, the destination's username
 * once the pre-check resolved it, and how long it has waited. Never a user's attributes: CloudFormation keeps it.
 */
@lombok.Getter
@lombok.Setter
@lombok.ToString
@lombok.EqualsAndHashCode(callSuper = true)
public class CallbackContext extends StdCallbackContext implements MutationLedger {

    /** How far this operation's own mutation got. */
    public enum Mutation {
        NOT_SENT,
        /** An attempt got no answer, timed out or met a server error. */
        MAY_HAVE_TAKEN_EFFECT,
        /** Cognito said so, or a read showed it after an attempt of ours. */
        TOOK_EFFECT
    }

    private Mutation mutation = Mutation.NOT_SENT;

    /** The destination's username once the pre-check passed: Create found the user without the link, Delete with it. */
    private String checkedDestination;

    /** Callback delays asked for while throttled, in seconds, and how many times. */
    private int throttledSeconds;
    private int throttles;

    /** Callback delays asked for while waiting for the destination to show the change, in seconds. */
    private int visibilitySeconds;

    /** The sub-second part of the last throttling delay, paused at the start of the next invocation. */
    private int pauseMillis;

    @Override
    public void recordAttemptMayHaveTakenEffect() {
        if (mutation == Mutation.NOT_SENT) {
            mutation = Mutation.MAY_HAVE_TAKEN_EFFECT;
        }
    }

    @Override
    public void recordTookEffect() {
        mutation = Mutation.TOOK_EFFECT;
    }

    @Override
    public boolean mayHaveTakenEffect() {
        return mutation != Mutation.NOT_SENT;
    }

    @Override
    public boolean hasTakenEffect() {
        return mutation == Mutation.TOOK_EFFECT;
    }
}
