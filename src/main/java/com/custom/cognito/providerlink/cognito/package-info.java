/**
 * Everything that talks to Cognito: the client ({@link com.custom.cognito.providerlink.cognito.ClientBuilder}), the
 * table of actions ({@link com.custom.cognito.providerlink.cognito.CognitoAction}), the requests, the one error table
 * ({@link com.custom.cognito.providerlink.cognito.CognitoErrors}), the attempts that re-read their target before each
 * send ({@link com.custom.cognito.providerlink.cognito.Attempts}) and the link operations the handlers call
 * ({@link com.custom.cognito.providerlink.cognito.LinkGateway}). It imports {@code model}, {@code ownership} and
 * {@code pacing}; the handlers, the custom resource and the local tools may import it.
 */
package com.custom.cognito.providerlink.cognito;
