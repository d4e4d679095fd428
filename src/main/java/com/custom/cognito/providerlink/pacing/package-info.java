/**
 * How operations wait and repeat: the one {@link com.custom.cognito.providerlink.pacing.Pause} every waiting part
 * goes through, the one {@link com.custom.cognito.providerlink.pacing.Backoff} between attempts, the
 * {@link com.custom.cognito.providerlink.pacing.ThrottleSchedule} that spreads throttled operations over a quota,
 * and the {@link com.custom.cognito.providerlink.pacing.CallbackLoop} that drives an operation through its
 * IN_PROGRESS invocations as CloudFormation does. It imports nothing of this project; anything may import it.
 */
package com.custom.cognito.providerlink.pacing;
