/**
 * The Lambda custom-resource adapter: it checks an event's origin and shape
 * ({@link com.custom.cognito.providerlink.customresource.EventOrigin},
 * {@link com.custom.cognito.providerlink.customresource.CustomResourceEvent}), runs the registry handlers under a
 * deadline ({@link com.custom.cognito.providerlink.customresource.HandlerRun}), decides its answer from their
 * {@code Ownership} record, and answers only at the event's response URL
 * ({@link com.custom.cognito.providerlink.customresource.ResponseUrl}). It reuses {@code handlers} and
 * {@code wrapper}; nothing in the main tree imports it.
 */
package com.custom.cognito.providerlink.customresource;
