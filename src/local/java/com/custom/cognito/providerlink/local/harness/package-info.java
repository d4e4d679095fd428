/**
 * How a local run invokes the real plugin wrapper: the invoker that drives a request through its IN_PROGRESS
 * invocations, the Lambda context and its manual clock, the caller's credentials and request files. It imports only
 * the main tree; every tool, the commands and the tests may import it.
 */
package com.custom.cognito.providerlink.local.harness;
