package com.custom.cognito.providerlink.wrapper;

import com.custom.cognito.providerlink.CallbackContext;
import com.custom.cognito.providerlink.ResourceModel;
import com.custom.cognito.providerlink.TypeConfigurationModel;
import com.custom.cognito.providerlink.model.LinkProperty;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.HandlerRequest;
import software.amazon.cloudformation.resource.Serializer;

/**
 * A request, checked before the plugin's wrapper reads it. The wrapper's own failures on a malformed request quote
 * the raw request in their message, credentials included, or answer InternalFailure; this answers each with a
 * message that names the field and quotes nothing from the request.
 *
 * <p>It also hands Read, Delete and List only the properties they use ({@code Id}, with the source attribute name
 * for Delete; {@code UserPoolId} for List), so a malformed property they never read cannot fail them.
 */
public final class RequestScreen {

    /** What to do with a request: hand it on (possibly narrowed), or refuse it with a message. */
    public sealed interface Outcome permits Pass, Refusal {
    }

    public record Pass(String request) implements Outcome {
    }

    public record Refusal(String message) implements Outcome {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ACTIONS = List.of("CREATE", "READ", "UPDATE", "DELETE", "LIST");
    private static final String COMPRESSED = "__COMPRESSED__";

    private final Serializer serializer = new Serializer();
    private final TypeReference<HandlerRequest<ResourceModel, CallbackContext, TypeConfigurationModel>> type;

    public RequestScreen(final TypeReference<HandlerRequest<ResourceModel, CallbackContext, TypeConfigurationModel>> type) {
        this.type = type;
    }

    public Outcome screen(final String input) {
        try {
            final ObjectNode request = parse(input);
            return refusal(request).<Outcome>map(Refusal::new).orElseGet(() -> new Pass(narrowed(request, input)));
        } catch (Refused refused) {
            return new Refusal(refused.getMessage());
        }
    }

    private ObjectNode parse(final String input) {
        if (input == null || input.isBlank()) {
            throw new Refused("The request is empty: the handler expects the request JSON CloudFormation sends.");
        }
        JsonNode request = tree(input);
        final Optional<String> compressed = field(request, COMPRESSED).filter(JsonNode::isTextual).map(JsonNode::asText);
        if (compressed.isPresent()) {
            try {
                request = tree(serializer.decompress(input));
            } catch (IOException | RuntimeException e) {
                throw new Refused(COMPRESSED + ": is not base64 of gzip-compressed request JSON.");
            }
        }
        if (!request.isObject()) {
            throw new Refused("The request is not a JSON object: the handler expects the request JSON CloudFormation sends.");
        }
        return (ObjectNode) request;
    }

    private static JsonNode tree(final String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            final String where = e.getLocation() == null
                ? ""
                : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            throw new Refused("The request is not valid JSON" + where
                + ": the handler expects the request JSON CloudFormation sends.");
        }
    }

    private Optional<String> refusal(final ObjectNode request) {
        final Optional<JsonNode> action = field(request, "action").filter(a -> !a.isNull());
        if (action.isEmpty()) {
            return Optional.of("action: is required: one of " + String.join(", ", ACTIONS) + ".");
        }
        if (!action.get().isTextual() || !ACTIONS.contains(action.get().asText())) {
            final boolean wrongCase = action.get().isTextual()
                && ACTIONS.contains(action.get().asText().toUpperCase(Locale.ROOT));
            return Optional.of("action: must be one of " + String.join(", ", ACTIONS) + (wrongCase ? ", in upper case." : "."));
        }
        final Optional<JsonNode> region = field(request, "region");
        if (region.isEmpty() || !region.get().isTextual() || region.get().asText().isBlank()) {
            return Optional.of("region: is required: the Region the resource is in, e.g. us-east-1.");
        }
        final Optional<JsonNode> context = field(request, "callbackContext").filter(c -> !c.isNull());
        if (context.isPresent() && !context.get().isObject()) {
            return Optional.of("callbackContext: must be an object (the callbackContext an IN_PROGRESS event returned), or "
                + "absent.");
        }
        final Optional<JsonNode> data = field(request, "requestData").filter(d -> !d.isNull());
        if (data.isEmpty() || !data.get().isObject()) {
            return Optional.of("requestData: is required: an object with resourceProperties and callerCredentials.");
        }
        final Optional<JsonNode> properties = field(data.get(), "resourceProperties").filter(p -> !p.isNull());
        final boolean mutating = !"READ".equals(action.get().asText()) && !"LIST".equals(action.get().asText());
        if (properties.isPresent() && !properties.get().isObject()) {
            return Optional.of("requestData.resourceProperties: must be an object holding the resource's properties, not "
                + kind(properties.get()) + ".");
        }
        if (properties.isEmpty() && mutating) {
            return Optional.of("requestData.resourceProperties: is required for " + action.get().asText() + ".");
        }
        return Optional.empty();
    }

    /**
     * The request as the plugin will read it, narrowed for Read, Delete and List, after the plugin's own deserializer
     * accepted it. A field it cannot read is named with the type it wants; for Create, a property the schema refuses is
     * left to the schema validator, whose messages say more.
     */
    private String narrowed(final ObjectNode request, final String input) {
        final String action = field(request, "action").orElseThrow().asText();
        final ObjectNode data = (ObjectNode) field(request, "requestData").orElseThrow();
        String narrowed = input;
        if (List.of("READ", "DELETE", "LIST").contains(action)) {
            final String key = fieldName(data, "resourceProperties").orElse("resourceProperties");
            final JsonNode properties = data.path(key);
            data.set(key, "LIST".equals(action) ? listFilter(properties) : identified(properties, "DELETE".equals(action)));
            fieldName(data, "previousResourceProperties").ifPresent(data::remove);
            narrowed = ascii(request);
        }
        try {
            serializer.deserialize(narrowed, type);
        } catch (JsonMappingException e) {
            final String path = path(e);
            if (!path.startsWith("requestData.resourceProperties") || !List.of("CREATE", "UPDATE").contains(action)) {
                throw new Refused(describe(e));
            }
        } catch (IOException e) {
            throw new Refused("The request could not be read as a CloudFormation handler request.");
        }
        return narrowed;
    }

    /** Escaped to ASCII, so that no text (a lone surrogate included) changes on its way to the plugin's reader. */
    private static String ascii(final JsonNode request) {
        try {
            return JSON.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new Refused("The request could not be read as a CloudFormation handler request.");
        }
    }

    /** Read and Delete use the {@code Id}; without it, a complete declaration names the link. */
    private static JsonNode identified(final JsonNode properties, final boolean withAttributeName) {
        final ObjectNode used = JSON.createObjectNode();
        final Optional<JsonNode> id = field(properties, "Id").filter(i -> !i.isNull());
        if (id.isPresent()) {
            if (!id.get().isTextual()) {
                throw new Refused("Id: must be a string: set it to " + LinkProperty.ID.whatToSet() + ".");
            }
            used.set("Id", id.get());
            field(properties, "SourceUser").filter(source -> withAttributeName && allText(source, 3))
                .ifPresent(s -> used.set("SourceUser", s));
            return used;
        }
        final boolean declared = field(properties, "UserPoolId").filter(JsonNode::isTextual).isPresent()
            && field(properties, "SourceUser").filter(s -> allText(s, 3)).isPresent()
            && field(properties, "DestinationUser").filter(d -> allText(d, 3)).isPresent();
        if (!declared) {
            throw new Refused(LinkProperty.ID.requiredMessage());
        }
        return properties;
    }

    private static JsonNode listFilter(final JsonNode properties) {
        final ObjectNode used = JSON.createObjectNode();
        final Optional<JsonNode> pool = field(properties, "UserPoolId").filter(p -> !p.isNull());
        if (pool.isPresent() && !pool.get().isTextual()) {
            throw new Refused(LinkProperty.USER_POOL_ID.problemMessage("must be a string"));
        }
        pool.ifPresent(p -> used.set("UserPoolId", p));
        return used;
    }

    private static boolean allText(final JsonNode node, final int maxFields) {
        if (!node.isObject() || node.size() > maxFields) {
            return false;
        }
        for (Iterator<JsonNode> values = node.elements(); values.hasNext();) {
            if (!values.next().isTextual()) {
                return false;
            }
        }
        return true;
    }

    /** The plugin matches field names case-insensitively. */
    private static Optional<JsonNode> field(final JsonNode node, final String name) {
        return fieldName(node, name).map(node::get);
    }

    private static Optional<String> fieldName(final JsonNode node, final String name) {
        if (!node.isObject()) {
            return Optional.empty();
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            final String candidate = names.next();
            if (candidate.equalsIgnoreCase(name)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** "field.path: must be a string", from a mapping failure: the field and the type, never the value. */
    public static String describe(final JsonMappingException e) {
        final String path = path(e);
        return (path.isEmpty() ? "The request" : path) + ": must be " + expected(e) + ".";
    }

    private static String path(final JsonMappingException e) {
        return e.getPath().stream()
            .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
            .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String expected(final JsonMappingException e) {
        Class<?> target = e instanceof MismatchedInputException ? ((MismatchedInputException) e).getTargetType() : null;
        if (target == null && e.getCause() instanceof InputCoercionException) {
            target = ((InputCoercionException) e.getCause()).getTargetType();
        }
        if (target == null) {
            return e.getCause() instanceof JacksonException ? "a value of another type" : "well-formed";
        }
        if (target == String.class) {
            return "a string";
        }
        if (target == Integer.class || target == int.class) {
            return "a whole number from 1 to " + Integer.MAX_VALUE;
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (target == Action.class) {
            return "one of " + String.join(", ", ACTIONS);
        }
        return Map.class.isAssignableFrom(target) || !target.getName().startsWith("java.")
            ? "an object"
            : "a "
                + target.getSimpleName();
    }

    private static String kind(final JsonNode node) {
        return node.isArray() ? "an array" : "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    /** A refusal found while narrowing. */
    private static final class Refused extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Refused(final String message) {
            super(message, null, false, false);
        }
    }
}
