package com.custom.cognito.providerlink.wrapper;

import com.custom.cognito.providerlink.BaseConfiguration;
import com.custom.cognito.providerlink.CallbackContext;
import com.custom.cognito.providerlink.ResourceModel;
import com.custom.cognito.providerlink.TypeConfigurationModel;
import com.custom.cognito.providerlink.cognito.CognitoErrors;
import com.custom.cognito.providerlink.model.Partition;
import com.fasterxml.jackson.core.type.TypeReference;
import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import org.json.JSONArray;
import org.json.JSONObject;
import software.amazon.cloudformation.exceptions.BaseHandlerException;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.HandlerRequest;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.RequestData;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;
import software.amazon.cloudformation.resource.Serializer;

/**
 * What the plugin's entry points ({@code HandlerWrapper}, {@code HandlerWrapperExecutable}) share around the plugin's
 * own processing: the request screen before it, the temp-directory policy, the schema, readable input errors, the
 * handler request they build, and how anything that escapes is answered. The handlers themselves are run through
 * {@link com.custom.cognito.providerlink.handlers.HandlerTable}.
 */
public final class EntryPoint {

    public static final TypeReference<HandlerRequest<ResourceModel, CallbackContext, TypeConfigurationModel>> REQUEST_REFERENCE =
        new TypeReference<>() {
        };
    public static final TypeReference<ResourceModel> MODEL_REFERENCE = new TypeReference<>() {
    };

    private final BaseConfiguration configuration;
    private final RequestScreen screen = new RequestScreen(REQUEST_REFERENCE, this::resourceSchema);
    private final TempDirectory tempDirectory = TempDirectory.ofThisProcess();
    private JSONObject resourceSchema;

    public EntryPoint(final BaseConfiguration configuration) {
        this.configuration = configuration;
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

    @SuppressFBWarnings(value = "EI_EXPOSE_REP", justification = "the plugin validates each request against this schema")
    public JSONObject resourceSchema() {
        if (resourceSchema == null) {
            resourceSchema = configuration.resourceSchemaJSONObject();
        }
        return resourceSchema;
    }

    public Map<String, String> resourceDefinedTags(final ResourceModel model) {
        return configuration.resourceDefinedTags(model);
    }

    /**
     * The model CloudFormation gets back, without the schema's write-only properties: what the plugin's
     * {@code sanitizeModel} returns, without its way there. The plugin builds a {@code ResourceTypeSchema} for it, which
     * validates the whole schema against the provider meta-schema on every cold start (about 0.13 s) only to read the
     * {@code writeOnlyProperties} pointers; they are read here from the schema directly, and each is removed as the
     * plugin removes it (from its parent object, when that exists). {@code WriteOnlyStrippingTest} holds the two to the
     * same output; {@code ResourceSchemaTest} keeps the meta-schema check.
     */
    public ResourceModel withoutWriteOnlyProperties(final ResourceModel model, final Serializer serializer)
        throws IOException {
        if (model == null) {
            return null;
        }
        final JSONObject object = new JSONObject(serializer.serialize(model));
        final JSONArray pointers = resourceSchema().optJSONArray("writeOnlyProperties");
        for (int i = 0; pointers != null && i < pointers.length(); i++) {
            final String[] path = pointers.getString(i).replaceFirst("^/properties/", "").split("/");
            JSONObject parent = object;
            for (int depth = 0; parent != null && depth < path.length - 1; depth++) {
                parent = parent.optJSONObject(path[depth]);
            }
            if (parent != null) {
                parent.remove(path[path.length - 1]);
            }
        }
        return serializer.deserializeStrict(object.toString(), MODEL_REFERENCE);
    }

    /** The wrapper reports schema violations by JSON pointer only; add what to change, from the schema itself. */
    public void explainInputErrors(final ProgressEvent<ResourceModel, CallbackContext> response) {
        if (response.isFailed() && response.getErrorCode() == HandlerErrorCode.InvalidRequest && response.getMessage() != null) {
            response.setMessage(InputErrors.explainWrapperMessage(response.getMessage(), resourceSchema()));
        }
    }

    /** The handler request the plugin's {@code transform} builds, for every entry point. */
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
            .awsPartition(Partition.of(request.getRegion()).id())
            .maxResults(request.getMaxResults())
            .build();
    }

    /** Runs {@code work} and turns anything it throws into the event every entry point answers for it. */
    public static ProgressEvent<ResourceModel, CallbackContext> answering(
        final Supplier<ProgressEvent<ResourceModel, CallbackContext>> work) {
        try {
            return work.get();
        } catch (RuntimeException | Error e) {
            final BaseHandlerException failure = CognitoErrors.escaped(e);
            return ProgressEvent.failed(null, null, failure.getErrorCode(), failure.getMessage());
        }
    }
}
