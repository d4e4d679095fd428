package com.custom.cognito.providerlink;

import com.custom.cognito.providerlink.cognito.CognitoAction;
import com.custom.cognito.providerlink.handlers.BaseHandlerStd;
import com.custom.cognito.providerlink.handlers.CreateHandler;
import com.custom.cognito.providerlink.handlers.DeleteHandler;
import com.custom.cognito.providerlink.handlers.ListHandler;
import com.custom.cognito.providerlink.handlers.ReadHandler;
import com.custom.cognito.providerlink.model.LinkException;
import com.custom.cognito.providerlink.wrapper.InputErrors;
import com.custom.cognito.providerlink.wrapper.LogText;
import com.custom.cognito.providerlink.wrapper.RequestScreen;
import com.custom.cognito.providerlink.wrapper.TempDirectory;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.json.JSONObject;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.exceptions.BaseHandlerException;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.HandlerRequest;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.RequestData;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * What every entry point shares: which handler serves which action, the schema, the request screen, and one
 * translation of anything a handler throws, so that every entry point (the Lambda wrapper, the executable, {@code
 * cfn test}'s {@code testEntrypoint}, the custom-resource adapter) answers the same event for the same failure.
 * Handlers log through an escaping logger: nothing from a request can forge a log line.
 */
public final class HandlerDispatch {

    public static final TypeReference<HandlerRequest<ResourceModel, CallbackContext, TypeConfigurationModel>> REQUEST_REFERENCE =
        new TypeReference<>() { };
    public static final TypeReference<ResourceModel> MODEL_REFERENCE = new TypeReference<>() { };

    private final Map<Action, BaseHandlerStd> handlers = new EnumMap<>(Action.class);
    private final Configuration configuration = new Configuration();
    private final RequestScreen screen = new RequestScreen(REQUEST_REFERENCE);
    private final TempDirectory tempDirectory = TempDirectory.ofThisProcess();
    private JSONObject resourceSchema;

    public HandlerDispatch() {
        handlers.put(Action.CREATE, new CreateHandler());
        handlers.put(Action.READ, new ReadHandler());
        handlers.put(Action.DELETE, new DeleteHandler());
        handlers.put(Action.LIST, new ListHandler());
    }

    /** The wrappers' way in: the handler calls Cognito with the caller's credentials, through the plugin's proxy. */
    public ProgressEvent<ResourceModel, CallbackContext> invoke(
        final AmazonWebServicesClientProxy proxy,
        final ResourceHandlerRequest<ResourceModel> request,
        final Action action,
        final CallbackContext callbackContext,
        final Logger logger) {
        return guarded(action, logger, handler
            -> handler.handleRequest(proxy, request, callbackContext, LogText.escaping(logger)));
    }

    /** Other entry points' way in (the custom resource): the handler calls Cognito through the given client. */
    public ProgressEvent<ResourceModel, CallbackContext> invoke(
        final ProxyClient<CognitoIdentityProviderClient> client,
        final ResourceHandlerRequest<ResourceModel> request,
        final Action action,
        final CallbackContext callbackContext,
        final Logger logger) {
        return guarded(action, logger, handler
            -> handler.handleRequest(request, callbackContext, client, LogText.escaping(logger)));
    }

    private ProgressEvent<ResourceModel, CallbackContext> guarded(
        final Action action, final Logger logger,
        final java.util.function.Function<BaseHandlerStd, ProgressEvent<ResourceModel, CallbackContext>> call) {

        final BaseHandlerStd handler = action == null ? null : handlers.get(action);
        if (handler == null) {
            // No update handler: every property is createOnly, so CloudFormation replaces a link instead of updating it.
            return LinkException.of(HandlerErrorCode.NotUpdatable, String.format("This resource type has no %s handler: every"
                + " property is create-only, so changing one replaces the link.", action)).toEvent(null);
        }
        try {
            return call.apply(handler);
        } catch (RuntimeException | Error e) {
            final ProgressEvent<ResourceModel, CallbackContext> failure = failureOf(e);
            logger.log(LogText.escape(action + " failed: " + failure.getErrorCode() + " (" + e.getClass().getName() + ")"));
            return failure;
        }
    }

    /** The event for anything a handler let escape; never a stack trace, never the request. */
    static ProgressEvent<ResourceModel, CallbackContext> failureOf(final Throwable e) {
        if (e instanceof BaseHandlerException) {
            return ProgressEvent.failed(null, null, ((BaseHandlerException) e).getErrorCode(), e.getMessage());
        }
        if (e instanceof AwsServiceException) {
            final AwsServiceException service = (AwsServiceException) e;
            final String code = service.awsErrorDetails() == null ? service.getClass().getSimpleName()
                : service.awsErrorDetails().errorCode();
            return ProgressEvent.failed(null, null, service.isThrottlingException() ? HandlerErrorCode.Throttling
                : HandlerErrorCode.GeneralServiceException, "An AWS service answered " + code + "; retry the operation.");
        }
        return ProgressEvent.failed(null, null, HandlerErrorCode.InternalFailure, "The handler failed unexpectedly ("
            + e.getClass().getSimpleName()
            + "). Nothing about the request was at fault; retry the operation, and report it if it recurs.");
    }

    /** The Cognito actions the handler for {@code action} may call (none for an action without a handler). */
    public Set<CognitoAction> actionsOf(final Action action) {
        final BaseHandlerStd handler = handlers.get(action);
        return handler == null ? Set.of() : handler.actions();
    }

    /** The plugin's own request processing, as a wrapper hands it on. */
    @FunctionalInterface
    public interface RequestProcessing {
        void process(InputStream request, OutputStream response) throws IOException;
    }

    /** How a wrapper writes a response. */
    @FunctionalInterface
    public interface ResponseWriting {
        void write(OutputStream response, ProgressEvent<ResourceModel, CallbackContext> event) throws IOException;
    }

    /**
     * Reads a request, answers a malformed one itself ({@link RequestScreen}) and hands a sound one, narrowed to what
     * its action uses, to the plugin's processing.
     */
    public void process(final InputStream request, final OutputStream response, final RequestProcessing plugin,
                        final ResponseWriting writer, final Logger platformLog) throws IOException {
        final String input = request == null ? null : new String(request.readAllBytes(), StandardCharsets.UTF_8);
        final RequestScreen.Outcome outcome = screen.screen(input);
        if (outcome instanceof RequestScreen.Refusal refusal) {
            platformLog.log(LogText.escape("Refused a malformed request: " + refusal.message()));
            writer.write(response, ProgressEvent.failed(null, null, HandlerErrorCode.InvalidRequest, refusal.message()));
            return;
        }
        plugin.process(new ByteArrayInputStream(((RequestScreen.Pass) outcome).request().getBytes(StandardCharsets.UTF_8)),
            response);
    }

    /** Whether the wrapper may empty {@code java.io.tmpdir} here ({@link TempDirectory}). */
    public boolean mayScrubTempDirectory() {
        return tempDirectory.belongsToHandler();
    }

    public JSONObject resourceSchema() {
        if (resourceSchema == null) {
            resourceSchema = configuration.resourceSchemaJSONObject();
        }
        return resourceSchema;
    }

    public Map<String, String> resourceDefinedTags(final ResourceModel model) {
        return configuration.resourceDefinedTags(model);
    }

    /** The wrapper reports schema violations by JSON pointer only; add what to change, from the schema itself. */
    public void explainInputErrors(final ProgressEvent<ResourceModel, CallbackContext> response) {
        if (response.isFailed() && response.getErrorCode() == HandlerErrorCode.InvalidRequest && response.getMessage() != null) {
            response.setMessage(InputErrors.explainWrapperMessage(response.getMessage(), resourceSchema()));
        }
    }

    public static ResourceHandlerRequest<ResourceModel> transform(
        final HandlerRequest<ResourceModel, CallbackContext, TypeConfigurationModel> request,
        final Map<String, String> desiredResourceTags) {

        final RequestData<ResourceModel, TypeConfigurationModel> requestData = request.getRequestData();
        return ResourceHandlerRequest.<ResourceModel>builder()
            .clientRequestToken(request.getBearerToken())
            .desiredResourceState(requestData.getResourceProperties())
            .previousResourceState(requestData.getPreviousResourceProperties())
            .desiredResourceTags(desiredResourceTags)
            .systemTags(requestData.getSystemTags())
            .awsAccountId(request.getAwsAccountId())
            .logicalResourceIdentifier(requestData.getLogicalResourceId())
            .nextToken(request.getNextToken())
            .region(request.getRegion())
            .awsPartition(PartitionMetadata.of(Region.of(request.getRegion())).id())
            .maxResults(request.getMaxResults())
            .build();
    }

    /** Runs {@code work} and turns anything it throws into the event every entry point answers for it. */
    public static ProgressEvent<ResourceModel, CallbackContext> answering(final Supplier<ProgressEvent<ResourceModel,
        CallbackContext>> work) {
        try {
            return work.get();
        } catch (RuntimeException | Error e) {
            return failureOf(e);
        }
    }
}
