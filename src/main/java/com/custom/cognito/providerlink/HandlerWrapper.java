package com.custom.cognito.providerlink;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import com.custom.cognito.providerlink.model.InputErrors;
import org.json.JSONObject;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.LambdaWrapper;
import software.amazon.cloudformation.exceptions.BaseHandlerException;
import software.amazon.cloudformation.loggers.LambdaLogPublisher;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.HandlerRequest;
import software.amazon.cloudformation.proxy.LoggerProxy;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;
import software.amazon.cloudformation.injection.SessionCredentialsProvider;
import software.amazon.cloudformation.resource.Serializer;
import software.amazon.cloudformation.proxy.ResourceHandlerTestPayload;

/** The Lambda entry point CloudFormation calls ({@code handleRequest}), and {@code cfn test}'s {@code testEntrypoint}. */
public class HandlerWrapper extends LambdaWrapper<ResourceModel, CallbackContext, TypeConfigurationModel> {

    private static final TypeReference<ResourceHandlerTestPayload<ResourceModel, CallbackContext, TypeConfigurationModel>>
        TEST_PAYLOAD_REFERENCE = new TypeReference<>() { };

    private final HandlerDispatch dispatch = new HandlerDispatch();

    /** The plugin's default wiring, but with a validator whose messages name each property and its fix. */
    public HandlerWrapper() {
        super(new SessionCredentialsProvider(), null, null, null, new InputErrors(), new Serializer(), HTTP_CLIENT);
    }

    @Override
    public ProgressEvent<ResourceModel, CallbackContext> invokeHandler(
        final AmazonWebServicesClientProxy proxy,
        final ResourceHandlerRequest<ResourceModel> request,
        final Action action,
        final CallbackContext callbackContext,
        final TypeConfigurationModel typeConfiguration) {
        return dispatch.invoke(proxy, request, action, callbackContext, loggerProxy);
    }

    /** Calls a handler directly, without schema validation, as {@code cfn test} does through SAM. */
    public void testEntrypoint(final InputStream inputStream, final OutputStream outputStream, final Context context)
        throws IOException {

        this.loggerProxy = new LoggerProxy();
        this.loggerProxy.addLogPublisher(new LambdaLogPublisher(context.getLogger()));

        ProgressEvent<ResourceModel, CallbackContext> response;
        try {
            final ResourceHandlerTestPayload<ResourceModel, CallbackContext, TypeConfigurationModel> payload =
                serializer.deserialize(new String(inputStream.readAllBytes(), StandardCharsets.UTF_8), TEST_PAYLOAD_REFERENCE);
            final AmazonWebServicesClientProxy proxy = new AmazonWebServicesClientProxy(
                loggerProxy, payload.getCredentials(), () -> (long) context.getRemainingTimeInMillis());
            response = invokeHandler(proxy, payload.getRequest(), payload.getAction(), payload.getCallbackContext(),
                payload.getTypeConfiguration());
        } catch (final BaseHandlerException e) {
            response = ProgressEvent.defaultFailureHandler(e, e.getErrorCode());
        } catch (final IOException | RuntimeException e) {
            loggerProxy.log("testEntrypoint failed: " + e);
            response = ProgressEvent.defaultFailureHandler(e, HandlerErrorCode.InternalFailure);
        }
        writeResponse(outputStream, response);
        outputStream.close();
    }

    @Override
    protected void writeResponse(final OutputStream outputStream, final ProgressEvent<ResourceModel, CallbackContext> response)
        throws IOException {
        dispatch.explainInputErrors(response);
        super.writeResponse(outputStream, response);
    }

    @Override
    public JSONObject provideResourceSchemaJSONObject() {
        return dispatch.resourceSchema();
    }

    @Override
    public Map<String, String> provideResourceDefinedTags(final ResourceModel resourceModel) {
        return dispatch.resourceDefinedTags(resourceModel);
    }

    @Override
    protected ResourceHandlerRequest<ResourceModel> transform(
        final HandlerRequest<ResourceModel, CallbackContext, TypeConfigurationModel> request) {
        return HandlerDispatch.transform(request, getDesiredResourceTags(request));
    }

    @Override
    protected TypeReference<HandlerRequest<ResourceModel, CallbackContext, TypeConfigurationModel>> getTypeReference() {
        return HandlerDispatch.REQUEST_REFERENCE;
    }

    @Override
    protected TypeReference<ResourceModel> getModelTypeReference() {
        return HandlerDispatch.MODEL_REFERENCE;
    }
}
