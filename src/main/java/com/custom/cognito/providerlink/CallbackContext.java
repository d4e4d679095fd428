package com.custom.cognito.providerlink;

import com.custom.cognito.providerlink.ownership.Ownership;
import software.amazon.cloudformation.proxy.StdCallbackContext;

/**
 * What one Create or Delete carries from an invocation to the next (CloudFormation returns it with each callback,
 * and again after an invocation that died): how far its own link or unlink call got ({@link Ownership}), the
 * destination's username once Cognito resolved it, and how long it has waited. Never a user's attributes:
 * CloudFormation keeps it.
 */
@lombok.Getter
@lombok.Setter
@lombok.ToString
@lombok.EqualsAndHashCode(callSuper = true)
public class CallbackContext extends StdCallbackContext {

    /** How far this operation's own link or unlink got, and so what it may call its own. */
    private Ownership ownership = Ownership.notSent();

    /** The username Cognito resolved the destination to (Create), so that every event names the link the same way. */
    private String destinationUsername;

    /** Callback delays asked for while throttled, in seconds, and how many times. */
    private int throttledSeconds;
    private int throttles;

    /** Callback delays asked for while waiting for the destination to show the change, in seconds. */
    private int visibilitySeconds;

    /** The sub-second part of the last throttling delay, paused at the start of the next invocation. */
    private int pauseMillis;
}
