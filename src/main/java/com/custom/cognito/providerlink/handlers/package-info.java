/**
 * The registry handlers (Create, Read, Delete, List: there is no Update, every property being create-only), one
 * fluent chain each, and the {@link com.custom.cognito.providerlink.handlers.HandlerTable} that maps an action to its
 * handler for every entry point. They call Cognito only through {@code cognito}; the
 * entry points and the custom resource import this package, nothing here imports them.
 */
package com.custom.cognito.providerlink.handlers;
