package com.custom.cognito.providerlink.handlers;

import com.custom.cognito.providerlink.CallbackContext;
import com.custom.cognito.providerlink.ResourceModel;
import com.custom.cognito.providerlink.cognito.ClientBuilder;
import com.custom.cognito.providerlink.cognito.CognitoAction;
import com.custom.cognito.providerlink.cognito.CognitoErrors;
import com.custom.cognito.providerlink.model.LinkException;
import com.custom.cognito.providerlink.pacing.Pause;
import com.custom.cognito.providerlink.wrapper.BuildInfo;
import com.custom.cognito.providerlink.wrapper.LogText;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.exceptions.BaseHandlerException;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * Which handler serves which action (the schema's {@code handlers}), on one set of Cognito clients, and the one way a
 * handler is run from any entry point: logging through an escaping logger, anything it lets escape answered by the
 * one error table ({@link CognitoErrors#escaped}), never a stack trace.
 */
public final class HandlerTable {

    private final Map<Action, BaseHandlerStd> handlers = new EnumMap<>(Action.class);

    public HandlerTable(final ClientBuilder clients) {
        this(clients, Pause.SLEEP);
    }

    public HandlerTable(final ClientBuilder clients, final Pause pause) {
        handlers.put(Action.CREATE, new CreateHandler(clients, pause));
        handlers.put(Action.READ, new ReadHandler(clients, pause));
        handlers.put(Action.DELETE, new DeleteHandler(clients, pause));
        handlers.put(Action.LIST, new ListHandler(clients, pause, System::nanoTime));
    }

    /** The wrappers' way in: the handler calls Cognito with the caller's credentials, through the plugin's proxy. */
    public ProgressEvent<ResourceModel, CallbackContext> run(final Action action, final AmazonWebServicesClientProxy proxy,
        final ResourceHandlerRequest<ResourceModel> request, final CallbackContext context, final Logger logger) {
        return guarded(action, logger, handler -> handler.handleRequest(proxy, request, context, LogText.escaping(logger)));
    }

    /** Other entry points' way in (the custom resource): the handler calls Cognito through the given client. */
    public ProgressEvent<ResourceModel, CallbackContext> run(final Action action,
        final ProxyClient<CognitoIdentityProviderClient> client, final ResourceHandlerRequest<ResourceModel> request,
        final CallbackContext context, final Logger logger) {
        return guarded(action, logger, handler -> handler.handleRequest(request, context, client, LogText.escaping(logger)));
    }

    /** The Cognito actions the handler for {@code action} may call (none for an action without a handler). */
    public Set<CognitoAction> actionsOf(final Action action) {
        final BaseHandlerStd handler = handlers.get(action);
        return handler == null ? Set.of() : handler.actions();
    }

    private ProgressEvent<ResourceModel, CallbackContext> guarded(final Action action, final Logger logger,
        final Function<BaseHandlerStd, ProgressEvent<ResourceModel, CallbackContext>> call) {
        logger.log(BuildInfo.logLine() + ": " + action);
        final BaseHandlerStd handler = action == null ? null : handlers.get(action);
        if (handler == null) {
            // No update handler: every property is createOnly, so CloudFormation replaces a link instead of updating it.
            return LinkException.of(HandlerErrorCode.NotUpdatable, String.format("This resource type has no %s handler: every"
                + " property is create-only, so changing one replaces the link.", action)).toEvent(null);
        }
        try {
            return call.apply(handler);
        } catch (RuntimeException | Error e) {
            final BaseHandlerException failure = CognitoErrors.escaped(e);
            logger.log(LogText.escape(action + " failed: " + failure.getErrorCode() + " (" + e.getClass().getName() + ")"));
            return ProgressEvent.failed(null, null, failure.getErrorCode(), failure.getMessage());
        }
    }
}
