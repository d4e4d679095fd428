/**
 * The conformance run: probes a Cognito endpoint (the emulator, or a sandbox pool in a real account) for each
 * [UNVERIFIED] behaviour and reports which switch the service matches. It imports {@code emulator}, {@code harness}
 * and {@code model}; only {@code run} imports it.
 */
package com.custom.cognito.providerlink.local.conformance;
