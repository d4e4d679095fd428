/**
 * The custom resource run locally: a Lambda stand-in, the events CloudFormation would send, and a response-URL
 * server that records the answer (and honours, ignores or refuses conditional writes). It imports the main tree's
 * {@code customresource}, {@code emulator} and {@code harness}; only {@code run} imports it.
 */
package com.custom.cognito.providerlink.local.customresource;
