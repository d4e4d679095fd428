/**
 * The benchmark scenarios behind the {@code bench} command: cold start, bulk stacks at the quotas, LIST at scale,
 * calls per operation, each reported against its floor. It imports {@code emulator} and {@code harness}; only
 * {@code run} imports it.
 */
package com.custom.cognito.providerlink.local.bench;
