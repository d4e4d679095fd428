/**
 * The embedded Cognito: the operations the handlers call, with the service model's validation, the quotas, the
 * faults a test injects, and the named switches for every [UNVERIFIED] behaviour
 * ({@link com.custom.cognito.providerlink.local.emulator.Behaviour}). It imports only {@code local.aws}; the tools,
 * the commands and the tests import it.
 */
package com.custom.cognito.providerlink.local.emulator;
