package com.custom.cognito.providerlink;

import com.custom.cognito.providerlink.handlers.CreateHandler;
import com.custom.cognito.providerlink.handlers.DeleteHandler;
import com.custom.cognito.providerlink.handlers.ListHandler;
import com.custom.cognito.providerlink.handlers.ReadHandler;
import com.custom.cognito.providerlink.model.InputErrors;
import com.custom.cognito.providerlink.model.LinkException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.EnumMap;
import java.util.Map;
import org.json.JSONObject;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.HandlerRequest;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.RequestData;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * What both plugin wrappers ({@link HandlerWrapper} for Lambda, {@link HandlerWrapperExecutable} for
 * {@code cfn test --docker-image}) share: which handler serves which action, the schema, and the request
 * transformation that {@code cfn generate} would otherwise write twice.
 */
final class HandlerDispatch {

    static final TypeReference<HandlerRequest<ResourceModel, CallbackContext, TypeConfigurationModel>> REQUEST_REFERENCE =
        new TypeReference<>() { };
    static final TypeReference<ResourceModel> MODEL_REFERENCE = new TypeReference<>() { };

    private final Map<Action, BaseHandler<CallbackContext>> handlers = new EnumMap<>(Action.class);
    private final Configuration configuration = new Configuration();
    private JSONObject resourceSchema;

    HandlerDispatch() {
        handlers.put(Action.CREATE, new CreateHandler());
        handlers.put(Action.READ, new ReadHandler());
        handlers.put(Action.DELETE, new DeleteHandler());
        handlers.put(Action.LIST, new ListHandler());
    }

    ProgressEvent<ResourceModel, CallbackContext> invoke(
        final AmazonWebServicesClientProxy proxy,
        final ResourceHandlerRequest<ResourceModel> request,
        final Action action,
        final CallbackContext callbackContext,
        final Logger logger) {

        final BaseHandler<CallbackContext> handler = handlers.get(action);
        if (handler == null) {
            // No update handler: every property is createOnly, so CloudFormation replaces a link instead of updating it.
            throw LinkException.of(HandlerErrorCode.NotUpdatable, String.format(
                "This resource type has no %s handler: every property is create-only, so changing one replaces the link.", action));
        }
        logger.log(String.format("[%s] invoking handler...", action));
        final ProgressEvent<ResourceModel, CallbackContext> result = handler.handleRequest(proxy, request, callbackContext, logger);
        logger.log(String.format("[%s] handler invoked", action));
        return result;
    }

    JSONObject resourceSchema() {
        if (resourceSchema == null) {
            resourceSchema = configuration.resourceSchemaJSONObject();
        }
        return resourceSchema;
    }

    Map<String, String> resourceDefinedTags(final ResourceModel model) {
        return configuration.resourceDefinedTags(model);
    }

    /** The wrapper reports schema violations by JSON pointer only; add what to change, from the schema itself. */
    void explainInputErrors(final ProgressEvent<ResourceModel, CallbackContext> response) {
        if (response.isFailed() && response.getErrorCode() == HandlerErrorCode.InvalidRequest && response.getMessage() != null) {
            response.setMessage(InputErrors.explainWrapperMessage(response.getMessage(), resourceSchema()));
        }
    }

    static ResourceHandlerRequest<ResourceModel> transform(
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
}
