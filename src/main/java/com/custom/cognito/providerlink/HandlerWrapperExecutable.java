package com.custom.cognito.providerlink;

import com.custom.cognito.providerlink.cognito.ClientBuilder;
import com.custom.cognito.providerlink.handlers.HandlerTable;
import com.custom.cognito.providerlink.wrapper.EntryPoint;
import com.custom.cognito.providerlink.wrapper.InputErrors;
import com.custom.cognito.providerlink.wrapper.LogText;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.json.JSONObject;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.ExecutableWrapper;
import software.amazon.cloudformation.injection.SessionCredentialsProvider;
import software.amazon.cloudformation.loggers.LogPublisher;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.HandlerRequest;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;
import software.amazon.cloudformation.resource.Serializer;

/**
 * The executable entry point ({@code cfn test --docker-image}): takes one request JSON as its only argument, writes
 * the response to {@code <uuid>.txt} in the working directory, and prints it between the start and end markers.
 * The log goes to standard error, escaped. Like {@link HandlerWrapper}, it screens requests and empties
 * {@code java.io.tmpdir} only where that belongs to the handler: run on a workstation, it deletes nothing.
 */
public class HandlerWrapperExecutable extends ExecutableWrapper<ResourceModel, CallbackContext, TypeConfigurationModel> {

    static final String START_MARKER = "__CFN_RESOURCE_START_RESPONSE__";
    static final String END_MARKER = "__CFN_RESOURCE_END_RESPONSE__";

    private final EntryPoint entryPoint = new EntryPoint(new Configuration());
    private final HandlerTable handlers;

    /** The plugin's default wiring, but with a validator whose messages name each property and its fix. */
    public HandlerWrapperExecutable() {
        super(new SessionCredentialsProvider(), null, null, null, new InputErrors(), new Serializer(), HTTP_CLIENT);
        handlers = new HandlerTable(new ClientBuilder());
        platformLogPublisher = new LogPublisher(LogText::escapeLine) {

            @Override
            protected void publishMessage(final String message) {
                System.err.println(message);
            }
        };
    }

    public static void main(final String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: HandlerWrapperExecutable '<request json>'");
            System.exit(1);
        }
        final ByteArrayOutputStream response = new ByteArrayOutputStream();
        try (InputStream input = new ByteArrayInputStream(args[0].getBytes(StandardCharsets.UTF_8))) {
            new HandlerWrapperExecutable().handleRequest(input, response);
        }
        Files.write(Path.of(UUID.randomUUID() + ".txt"), response.toByteArray());
        System.out.println(START_MARKER);
        System.out.println(response.toString(StandardCharsets.UTF_8));
        System.out.println(END_MARKER);
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
