package com.custom.cognito.providerlink;

import software.amazon.cloudformation.proxy.StdCallbackContext;

/**
 * Carries the call chain's memoized calls between invocations of one operation. The handlers store only
 * requests and small derived answers in it (never a user's attributes), because CloudFormation keeps it.
 */
@lombok.Getter
@lombok.Setter
@lombok.ToString
@lombok.EqualsAndHashCode(callSuper = true)
public class CallbackContext extends StdCallbackContext {
}
