package com.custom.cognito.providerlink.handlers;

import com.custom.cognito.providerlink.BaseHandler;
import com.custom.cognito.providerlink.CallbackContext;
import com.custom.cognito.providerlink.ResourceModel;
import com.custom.cognito.providerlink.cognito.Attempts;
import com.custom.cognito.providerlink.cognito.ClientBuilder;
import com.custom.cognito.providerlink.cognito.CognitoAction;
import com.custom.cognito.providerlink.cognito.LinkGateway;
import com.custom.cognito.providerlink.model.LinkException;
import com.custom.cognito.providerlink.pacing.Pause;
import java.time.Duration;
import java.util.Set;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * What every handler shares: the Cognito gateway behind the plugin's proxy (which signs each call with the caller's
 * credentials), and the rule that a failure becomes a FAILED event rather than an exception.
 */
public abstract class BaseHandlerStd extends BaseHandler<CallbackContext> {

    private final ClientBuilder clients;
    private final Pause pause;

    protected BaseHandlerStd(final ClientBuilder clients, final Pause pause) {
        this.clients = clients;
        this.pause = pause;
    }

    @Override
    public final ProgressEvent<ResourceModel, CallbackContext> handleRequest(
        final AmazonWebServicesClientProxy proxy,
        final ResourceHandlerRequest<ResourceModel> request,
        final CallbackContext callbackContext,
        final Logger logger) {

        if (proxy == null) {
            return LinkException.of(HandlerErrorCode.InvalidCredentials,
                "The request carries no callerCredentials, so the handler has no credentials to call Cognito "
                    + "with.")
                .toEvent(null);
        }
        return handleRequest(request, callbackContext, proxy.newProxy(() -> clients.client(request.getRegion())), logger);
    }

    /** The same, with a given client: the seam for tests (a mocked SDK client behind the real proxy) and other entry points. */
    public final ProgressEvent<ResourceModel, CallbackContext> handleRequest(
        final ResourceHandlerRequest<ResourceModel> request,
        final CallbackContext callbackContext,
        final ProxyClient<CognitoIdentityProviderClient> client,
        final Logger logger) {

        final CallbackContext context = callbackContext != null ? callbackContext : new CallbackContext();
        final Invocation invocation = new Invocation(request, context, new LinkGateway(client, attempts(pause)), logger);
        try {
            resumeSpread(context);
            return handle(invocation);
        } catch (LinkException e) {
            return onFailure(e, invocation);
        }
    }

    /**
     * CloudFormation calls back after whole seconds only, while a throttled operation's delay is drawn to the
     * millisecond ({@link com.custom.cognito.providerlink.pacing.ThrottleSchedule}); the fraction is waited here, at the
     * start of the callback, so that operations throttled together come back spread over the whole window rather
     * than in one burst at each second.
     */
    private void resumeSpread(final CallbackContext context) {
        if (context.getPauseMillis() > 0) {
            try {
                pause.pause(Duration.ofMillis(context.getPauseMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            context.setPauseMillis(0);
        }
    }

    /** The handler's steps. Throwing a {@link LinkException} anywhere in them ends the invocation through {@link #onFailure}. */
    protected abstract ProgressEvent<ResourceModel, CallbackContext> handle(Invocation invocation);

    /** How this handler's Cognito calls are retried. */
    protected abstract Attempts attempts(Pause pause);

    /** The Cognito actions this handler may call: its {@code handlers.*.permissions} in the schema. */
    public abstract Set<CognitoAction> actions();

    /** A synchronous handler answers its failure as it is; nothing it does changes Cognito, so there is nothing to keep. */
    protected ProgressEvent<ResourceModel, CallbackContext> onFailure(final LinkException failure, final Invocation invocation) {
        if (failure.getErrorCode() == HandlerErrorCode.Throttling) {
            return LinkException.of(HandlerErrorCode.Throttling, failure.getMessage() + " It was tried " + Attempts.MAX_ATTEMPTS
                + " times with backoff; CloudFormation retries throttled operations.", failure).toEvent(null);
        }
        return failure.toEvent(null);
    }
}
