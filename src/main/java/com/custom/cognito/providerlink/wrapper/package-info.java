/**
 * What the three entry points (the registry wrapper, the executable wrapper, the custom resource) share before and
 * after a handler runs: the screen that refuses an off-shape request before any Cognito call
 * ({@link com.custom.cognito.providerlink.wrapper.RequestScreen}), the narrowing that gives the plugin one spelling
 * of each field ({@link com.custom.cognito.providerlink.wrapper.RequestNarrowing}), schema errors in words
 * ({@link com.custom.cognito.providerlink.wrapper.InputErrors}), the temporary-directory policy, log escaping, and the
 * {@link com.custom.cognito.providerlink.wrapper.EntryPoint} that ties them together. It imports {@code model} and
 * {@code cognito}; the entry points and the handlers import it.
 */
package com.custom.cognito.providerlink.wrapper;
