package com.custom.cognito.providerlink;

import com.amazonaws.services.lambda.runtime.Context;
import com.custom.cognito.providerlink.cognito.ClientBuilder;
import com.custom.cognito.providerlink.handlers.HandlerTable;
import com.custom.cognito.providerlink.model.LinkException;
import com.custom.cognito.providerlink.wrapper.EntryPoint;
import com.custom.cognito.providerlink.wrapper.InputErrors;
import com.custom.cognito.providerlink.wrapper.LogText;
import com.custom.cognito.providerlink.wrapper.RequestScreen;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.json.JSONObject;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.LambdaWrapper;
import software.amazon.cloudformation.injection.SessionCredentialsProvider;
import software.amazon.cloudformation.loggers.LambdaLogPublisher;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.HandlerRequest;
import software.amazon.cloudformation.proxy.LoggerProxy;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;
import software.amazon.cloudformation.proxy.ResourceHandlerTestPayload;
import software.amazon.cloudformation.resource.Serializer;

/**
 * The Lambda entry point CloudFormation calls ({@code handleRequest}), and {@code cfn test}'s {@code testEntrypoint}.
 * Unlike the plugin's default, it answers a malformed request without quoting it, empties {@code java.io.tmpdir}
 * only where that belongs to the handler, and escapes control characters in everything it logs.
 */
public class HandlerWrapper extends LambdaWrapper<ResourceModel, CallbackContext, TypeConfigurationModel> {

    private static final TypeReference<
        ResourceHandlerTestPayload<ResourceModel, CallbackContext, TypeConfigurationModel>> TEST_PAYLOAD_REFERENCE =
            new TypeReference<>() {
            };

    private final EntryPoint entryPoint = new EntryPoint(new Configuration());
    private final HandlerTable handlers;

    /** The plugin's default wiring, but with a validator whose messages name each property and its fix. */
    public HandlerWrapper() {
        this(new ClientBuilder());
    }

    /** The same, calling Cognito through the given clients (the local tools and tests pass an emulator's). */
    public HandlerWrapper(final ClientBuilder clients) {
        super(new SessionCredentialsProvider(), null, null, null, new InputErrors(), new Serializer(), HTTP_CLIENT);
        this.handlers = new HandlerTable(clients);
    }

    @Override
    public void handleRequest(final InputStream inputStream, final OutputStream outputStream,
        final Context context) throws IOException {
        if (platformLogPublisher == null) {
            platformLogPublisher = new LambdaLogPublisher(context.getLogger(), LogText::escapeLine);
        }
        super.handleRequest(inputStream, outputStream, context);
    }

    @Override
    public void processRequest(final InputStream inputStream, final OutputStream outputStream) throws IOException {
        entryPoint.process(inputStream, outputStream, super::processRequest, this::writeResponse, platformLoggerProxy::log);
    }

    @Override
    protected void scrubFiles() {
        if (entryPoint.mayScrubTempDirectory()) {
            super.scrubFiles();
        }
    }

    @Override
    public ProgressEvent<ResourceModel, CallbackContext> invokeHandler(
        final AmazonWebServicesClientProxy proxy,
        final ResourceHandlerRequest<ResourceModel> request,
        final Action action,
        final CallbackContext callbackContext,
        final TypeConfigurationModel typeConfiguration) {
        return handlers.run(action, proxy, request, callbackContext, loggerProxy);
    }

    /** Calls a handler directly, without schema validation, as {@code cfn test} does through SAM; it always answers. */
    public void testEntrypoint(final InputStream inputStream, final OutputStream outputStream,
        final Context context) throws IOException {
        this.loggerProxy = new LoggerProxy();
        this.loggerProxy.addLogPublisher(new LambdaLogPublisher(context.getLogger(), LogText::escapeLine));
        final String input = new String(inputStream.readAllBytes(), StandardCharsets.UTF_8);
        final ProgressEvent<ResourceModel, CallbackContext> response = EntryPoint.answering(() -> {
            final ResourceHandlerTestPayload<ResourceModel, CallbackContext, TypeConfigurationModel> payload = testPayload(input);
            final AmazonWebServicesClientProxy proxy = payload.getCredentials() == null
                ? null
                : new AmazonWebServicesClientProxy(loggerProxy, payload.getCredentials(),
                    () -> (long) context.getRemainingTimeInMillis());
            return invokeHandler(proxy, payload.getRequest(), payload.getAction(), payload.getCallbackContext(),
                payload.getTypeConfiguration());
        });
        writeResponse(outputStream, response);
        outputStream.close();
    }

    private ResourceHandlerTestPayload<ResourceModel, CallbackContext, TypeConfigurationModel> testPayload(final String input) {
        try {
            final ResourceHandlerTestPayload<ResourceModel, CallbackContext, TypeConfigurationModel> payload = serializer
                .deserialize(input, TEST_PAYLOAD_REFERENCE);
            if (payload == null || payload.getRequest() == null) {
                throw LinkException.invalid("request: is required: the handler request cfn test sends, with "
                    + "desiredResourceState.");
            }
            return payload;
        } catch (JsonMappingException e) {
            throw LinkException.invalid(RequestScreen.describe(e));
        } catch (JsonProcessingException e) {
            throw LinkException.invalid("The test payload is not valid JSON: the handler expects the payload cfn test sends.");
        } catch (IOException e) {
            throw LinkException.invalid("The test payload could not be read: " + e.getClass().getSimpleName() + ".");
        }
    }

    @Override
    protected void writeResponse(final OutputStream outputStream, final ProgressEvent<ResourceModel, CallbackContext> response)
        throws IOException {
        entryPoint.explainInputErrors(response);
        super.writeResponse(outputStream, response);
    }

    @Override
    public JSONObject provideResourceSchemaJSONObject() {
        return entryPoint.resourceSchema();
    }

    @Override
    public Map<String, String> provideResourceDefinedTags(final ResourceModel resourceModel) {
        return entryPoint.resourceDefinedTags(resourceModel);
    }

    @Override
    protected ResourceModel sanitizeModel(final ResourceModel model) throws IOException {
        return entryPoint.withoutWriteOnlyProperties(model, serializer);
    }

    @Override
    protected ResourceHandlerRequest<ResourceModel> transform(
        final HandlerRequest<ResourceModel, CallbackContext, TypeConfigurationModel> request) {
        return EntryPoint.transform(request, getDesiredResourceTags(request));
    }

    @Override
    protected TypeReference<HandlerRequest<ResourceModel, CallbackContext, TypeConfigurationModel>> getTypeReference() {
        return EntryPoint.REQUEST_REFERENCE;
    }

    @Override
    protected TypeReference<ResourceModel> getModelTypeReference() {
        return EntryPoint.MODEL_REFERENCE;
    }
}
