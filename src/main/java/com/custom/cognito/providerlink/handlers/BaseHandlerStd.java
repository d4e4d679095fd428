package com.custom.cognito.providerlink.handlers;

import com.custom.cognito.providerlink.BaseHandler;
import com.custom.cognito.providerlink.CallbackContext;
import com.custom.cognito.providerlink.ResourceModel;
import com.custom.cognito.providerlink.cognito.ClientBuilder;
import com.custom.cognito.providerlink.cognito.CognitoErrors;
import com.custom.cognito.providerlink.cognito.CognitoRequests;
import com.custom.cognito.providerlink.cognito.LinkDirectory;
import com.custom.cognito.providerlink.model.LinkException;
import com.custom.cognito.providerlink.model.ProviderLink;
import java.time.Duration;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserRequest;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.CallChain;
import software.amazon.cloudformation.proxy.Delay;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;
import software.amazon.cloudformation.proxy.delay.Constant;

/**
 * What every handler shares: the Cognito client behind the plugin's proxy, the one way to look a link up, and the
 * rule that a failure becomes a FAILED event rather than an exception.
 */
public abstract class BaseHandlerStd extends BaseHandler<CallbackContext> {

    static final String GET_USER = "cognito-idp:AdminGetUser";
    static final String LINK = "cognito-idp:AdminLinkProviderForUser";
    static final String UNLINK = "cognito-idp:AdminDisableProviderForUser";
    static final String DESCRIBE_PROVIDER = "cognito-idp:DescribeIdentityProvider";
    static final String LIST_USERS = "cognito-idp:ListUsers";

    /**
     * How long Create and Delete wait for the destination user to show their change. No delay has been reported for
     * AdminGetUser (the Developer Guide shows identities right after a link), so this is a safeguard; in Lambda each
     * wait is an IN_PROGRESS event with a callback delay, not a sleep.
     */
    static final int READ_BACK_SECONDS = 120;
    static final Delay READ_BACK = Constant.of().delay(Duration.ofSeconds(2)).timeout(Duration.ofSeconds(READ_BACK_SECONDS)).build();

    @Override
    public final ProgressEvent<ResourceModel, CallbackContext> handleRequest(
        final AmazonWebServicesClientProxy proxy,
        final ResourceHandlerRequest<ResourceModel> request,
        final CallbackContext callbackContext,
        final Logger logger) {

        if (proxy == null) {
            return LinkException.of(HandlerErrorCode.InvalidCredentials,
                "The request carries no callerCredentials, so the handler has no credentials to call Cognito with.").toEvent(null);
        }
        return handleRequest(proxy, request, callbackContext, proxy.newProxy(() -> ClientBuilder.getClient(request.getRegion())), logger);
    }

    /** The same, with a given client: the seam for tests, which pass a mocked SDK client behind the real proxy. */
    public final ProgressEvent<ResourceModel, CallbackContext> handleRequest(
        final AmazonWebServicesClientProxy proxy,
        final ResourceHandlerRequest<ResourceModel> request,
        final CallbackContext callbackContext,
        final ProxyClient<CognitoIdentityProviderClient> client,
        final Logger logger) {

        try {
            return handle(proxy, request, callbackContext != null ? callbackContext : new CallbackContext(), client, logger);
        } catch (LinkException e) {
            return e.toEvent(null);
        }
    }

    /** The handler's call chain. Throwing a {@link LinkException} anywhere in it ends the operation with that failure. */
    protected abstract ProgressEvent<ResourceModel, CallbackContext> handle(
        AmazonWebServicesClientProxy proxy,
        ResourceHandlerRequest<ResourceModel> request,
        CallbackContext callbackContext,
        ProxyClient<CognitoIdentityProviderClient> client,
        Logger logger);

    /**
     * Looks the link up on its destination user (AdminGetUser). The chain memoizes the answer under {@code step}, so
     * each use needs its own step name: a pre-check and a later read-back must not share one. Only the yes/no is
     * kept, never the user's attributes, because the callback context travels through CloudFormation.
     */
    static CallChain.Completed<AdminGetUserRequest, Boolean, CognitoIdentityProviderClient, ResourceModel, CallbackContext> lookUpLink(
        final String step,
        final AmazonWebServicesClientProxy proxy,
        final ProxyClient<CognitoIdentityProviderClient> client,
        final ProviderLink link,
        final ResourceModel model,
        final CallbackContext context) {

        return proxy.initiate(GET_USER + "::" + step, client, model, context)
            .translateToServiceRequest(m -> CognitoRequests.getUser(link.userPoolId(), link.destination()))
            .makeServiceCall((request, c) -> LinkDirectory.holds(c, request, link.source()))
            .handleError((request, e, c, m, cx) -> CognitoErrors.translate(e, CognitoErrors.Call.on(GET_USER, link)).toEvent(null));
    }

    /** The chain reports a stabilization timeout as "Exceeded attempts to wait"; say what was awaited instead. */
    static ProgressEvent<ResourceModel, CallbackContext> explainTimeout(final ProgressEvent<ResourceModel, CallbackContext> event,
                                                                        final String awaited) {
        if (event.isFailed() && event.getErrorCode() == HandlerErrorCode.NotStabilized) {
            event.setMessage(awaited);
        }
        return event;
    }

    static LinkException notFound(final ProviderLink link) {
        return LinkException.of(HandlerErrorCode.NotFound, String.format(
            "No such link: in user pool %s, %s holds no %s with that value. It was never made, or was removed outside this stack.",
            link.userPoolId(), link.destination().describe(), link.source()));
    }
}
