package com.custom.cognito.providerlink.wrapper;

import static com.custom.cognito.providerlink.wrapper.RequestNarrowing.REQUEST_DATA;
import static com.custom.cognito.providerlink.wrapper.RequestNarrowing.RESOURCE_PROPERTIES;
import static com.custom.cognito.providerlink.wrapper.RequestNarrowing.field;
import static com.custom.cognito.providerlink.wrapper.RequestNarrowing.value;

import com.custom.cognito.providerlink.CallbackContext;
import com.custom.cognito.providerlink.ResourceModel;
import com.custom.cognito.providerlink.TypeConfigurationModel;
import com.custom.cognito.providerlink.model.LinkException;
import com.custom.cognito.providerlink.model.LinkProperty;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.json.JSONObject;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.HandlerRequest;
import software.amazon.cloudformation.resource.Serializer;

/**
 * A request, checked before the plugin's wrapper reads it: what the plugin would fail on with a stack trace, quote in
 * its message, or read differently from its own validation, is refused here with a message that names the field and
 * quotes nothing from the request.
 * <ul>
 *   <li>JSON that repeats a key, or spells one field twice in different case: the plugin's two readers (Jackson,
 *       case-insensitive, keeping the last; org.json for the schema validation, case-sensitive) would disagree on which
 *       one counts, so the properties validated would not be the properties used;</li>
 *   <li>a malformed action, Region, callback context or request data, and credentials that are not complete;</li>
 *   <li>a create's properties, on every invocation: the plugin validates them only on the first (no callback context),
 *       and never refuses a read-only one, which a template cannot set.</li>
 * </ul>
 * What passes is handed on as {@link RequestNarrowing} narrows it.
 */
public final class RequestScreen {

    /** What to do with a request: hand it on (possibly narrowed), or refuse it with a message. */
    public sealed interface Outcome permits Pass, Refusal {
    }

    public record Pass(String request) implements Outcome {
    }

    public record Refusal(String message) implements Outcome {
    }

    private static final ObjectMapper STRICT = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final String ACTIONS = Arrays.stream(Action.values()).map(Enum::name).collect(Collectors.joining(", "));
    private static final String COMPRESSED = "__COMPRESSED__";
    private static final List<String> CREDENTIALS = List.of("callerCredentials", "providerCredentials");
    private static final List<String> CREDENTIAL_PARTS = List.of("accessKeyId", "secretAccessKey", "sessionToken");
    /** Fields the plugin reads as maps, whose keys are data, compared exactly (tags, policies, call graphs). */
    private static final Set<String> MAPS = Set.of("systemtags", "previoussystemtags", "stacktags", "previousstacktags",
        "features", "updatepolicy", "creationpolicy", "callgraphs");

    private final Serializer serializer = new Serializer();
    private final TypeReference<HandlerRequest<ResourceModel, CallbackContext, TypeConfigurationModel>> type;
    private final Supplier<JSONObject> schema;
    private final InputErrors inputErrors = new InputErrors();

    /**
     * @param schema the resource schema, to hold a create's properties to on every invocation
     */
    public RequestScreen(final TypeReference<HandlerRequest<ResourceModel, CallbackContext, TypeConfigurationModel>> type,
        final Supplier<JSONObject> schema) {
        this.type = type;
        this.schema = schema;
    }

    public Outcome screen(final String input) {
        try {
            final String text = readable(input);
            final ObjectNode request = object(tree(text));
            unambiguous(request, "");
            final Action action = action(request);
            region(request);
            final ObjectNode data = requestData(request);
            credentials(data);
            properties(request, data, action);
            final String narrowed = RequestNarrowing.narrow(request, action, text);
            readByThePlugin(narrowed, action);
            return new Pass(narrowed);
        } catch (Refused refused) {
            return new Refusal(refused.getMessage());
        }
    }

    /** The request's JSON, out of the gzip envelope the plugin also accepts. */
    private String readable(final String input) {
        if (input == null || input.isBlank()) {
            throw new Refused("The request is empty: the handler expects the request JSON CloudFormation sends.");
        }
        final Optional<JsonNode> compressed = value(tree(input), COMPRESSED).filter(JsonNode::isTextual);
        if (compressed.isEmpty()) {
            return input;
        }
        try {
            return serializer.decompress(input);
        } catch (IOException | RuntimeException e) {
            throw new Refused(COMPRESSED + ": is not base64 of gzip-compressed request JSON.");
        }
    }

    private static JsonNode tree(final String json) {
        try {
            return STRICT.readTree(json);
        } catch (JsonProcessingException e) {
            final String where = e.getLocation() == null
                ? ""
                : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            final boolean repeated = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field");
            throw new Refused(repeated
                ? "The request repeats a key" + where + ": CloudFormation never does, and which one"
                    + " counts would depend on who reads it. Send each field once."
                : "The request is not valid JSON" + where + ": the handler expects the request JSON CloudFormation sends.");
        }
    }

    private static ObjectNode object(final JsonNode request) {
        if (request == null || !request.isObject()) {
            throw new Refused("The request is not a JSON object: the handler expects the request JSON CloudFormation sends.");
        }
        return (ObjectNode) request;
    }

    /** No object spells one field twice: the plugin matches names case-insensitively, and would keep one of them. */
    private static void unambiguous(final JsonNode node, final String at) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                unambiguous(node.get(i), at + "[" + i + "]");
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        final Map<String, String> seen = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
            final Map.Entry<String, JsonNode> field = fields.next();
            final String folded = field.getKey().toLowerCase(Locale.ROOT);
            final String earlier = seen.putIfAbsent(folded, field.getKey());
            if (earlier != null) {
                throw new Refused((at.isEmpty() ? "The request" : at) + ": has both " + earlier + " and " + field.getKey()
                    + ", which the handler reads as one field (names are case-insensitive). Send it once.");
            }
            if (!MAPS.contains(folded)) {
                unambiguous(field.getValue(), at.isEmpty() ? field.getKey() : at + "." + field.getKey());
            }
        }
    }

    private static Action action(final ObjectNode request) {
        final Optional<JsonNode> action = value(request, "action");
        if (action.isEmpty()) {
            throw new Refused("action: is required: one of " + ACTIONS + ".");
        }
        final String name = action.get().isTextual() ? action.get().asText() : "";
        for (Action known : Action.values()) {
            if (known.name().equals(name)) {
                return known;
            }
        }
        final boolean wrongCase = Arrays.stream(Action.values()).anyMatch(known -> known.name().equalsIgnoreCase(name));
        throw new Refused("action: must be one of " + ACTIONS + (wrongCase ? ", in upper case." : "."));
    }

    private static void region(final ObjectNode request) {
        final Optional<JsonNode> region = value(request, "region");
        if (region.isEmpty() || !region.get().isTextual() || region.get().asText().isBlank()) {
            throw new Refused("region: is required: the Region the resource is in, e.g. us-east-1.");
        }
        final Optional<JsonNode> context = value(request, "callbackContext");
        if (context.isPresent() && !context.get().isObject()) {
            throw new Refused("callbackContext: must be an object (the callbackContext an IN_PROGRESS event returned), or "
                + "absent.");
        }
    }

    private static ObjectNode requestData(final ObjectNode request) {
        final Optional<JsonNode> data = value(request, REQUEST_DATA);
        if (data.isEmpty() || !data.get().isObject()) {
            throw new Refused("requestData: is required: an object with resourceProperties and callerCredentials.");
        }
        return (ObjectNode) data.get();
    }

    /** Credentials, when given, are whole: the plugin would fail on a part missing with a stack trace. */
    private static void credentials(final ObjectNode data) {
        for (String name : CREDENTIALS) {
            final Optional<JsonNode> credentials = value(data, name);
            if (credentials.isEmpty()) {
                continue;
            }
            final String at = "requestData." + name;
            if (!credentials.get().isObject()) {
                throw new Refused(at + ": must be an object with accessKeyId, secretAccessKey and sessionToken.");
            }
            for (String part : CREDENTIAL_PARTS) {
                final Optional<JsonNode> given = value(credentials.get(), part);
                if (given.isPresent() && !given.get().isTextual()) {
                    throw new Refused(at + "." + part + ": must be a string.");
                }
                if (given.isEmpty() || given.get().asText().isBlank()) {
                    throw new Refused(at + ": must hold accessKeyId, secretAccessKey and sessionToken, the temporary"
                        + " credentials CloudFormation passes; " + part + " is missing.");
                }
            }
        }
    }

    /**
     * The properties are an object where the action needs them; a create's are held to the schema here on every
     * invocation, and none of them may be read-only on its first.
     */
    private void properties(final ObjectNode request, final ObjectNode data, final Action action) {
        final Optional<JsonNode> properties = value(data, RESOURCE_PROPERTIES);
        if (properties.isPresent() && !properties.get().isObject()) {
            throw new Refused("requestData.resourceProperties: must be an object holding the resource's properties, not "
                + kind(properties.get()) + ".");
        }
        final boolean mutating = action != Action.READ && action != Action.LIST;
        if (properties.isEmpty() && mutating) {
            throw new Refused("requestData.resourceProperties: is required for " + action + ".");
        }
        if (action == Action.READ || action == Action.DELETE) {
            identified(properties.orElse(STRICT.createObjectNode()));
        }
        if (action == Action.LIST) {
            value(properties.orElse(STRICT.createObjectNode()), LinkProperty.USER_POOL_ID.path()).filter(p -> !p.isTextual())
                .ifPresent(p -> {
                    throw new Refused(LinkProperty.USER_POOL_ID.problemMessage("must be a string"));
                });
        }
        if (action == Action.CREATE && properties.isPresent()) {
            final boolean firstInvocation = value(request, "callbackContext").isEmpty();
            if (firstInvocation) {
                readOnly(properties.get());
            } else {
                try {
                    inputErrors.check(new JSONObject(properties.get().toString()), schema.get());
                } catch (LinkException e) {
                    throw new Refused(e.getMessage());
                }
            }
        }
    }

    /** Read and Delete need the {@code Id}, or, before a create returned one, a complete declaration. */
    private static void identified(final JsonNode properties) {
        final Optional<JsonNode> id = value(properties, LinkProperty.ID.path());
        if (id.isPresent() && !id.get().isTextual()) {
            throw new Refused("Id: must be a string: set it to " + LinkProperty.ID.whatToSet() + ".");
        }
        final boolean declared = value(properties, LinkProperty.USER_POOL_ID.path()).filter(JsonNode::isTextual).isPresent()
            && value(properties, LinkProperty.SOURCE_USER.path()).filter(s -> RequestNarrowing.allText(s, 3)).isPresent()
            && value(properties, LinkProperty.DESTINATION_USER.path()).filter(d -> RequestNarrowing.allText(d, 3)).isPresent();
        if (id.isEmpty() && !declared) {
            throw new Refused(LinkProperty.ID.requiredMessage());
        }
    }

    /** A create's first invocation carries what the template declares: never a read-only property, which the handler sets. */
    private void readOnly(final JsonNode properties) {
        final List<String> set = schema.get().getJSONArray("readOnlyProperties").toList().stream()
            .map(pointer -> pointer.toString().substring("/properties/".length()))
            .filter(name -> field(properties, name).isPresent()).toList();
        if (!set.isEmpty()) {
            throw new Refused("Invalid properties: " + String.join(", ", set) + (set.size() == 1 ? " is" : " are")
                + " read-only: the handler reports it (Ref, Fn::GetAtt), a template cannot set it. Remove it.");
        }
    }

    /**
     * The plugin's own reader accepts the request as handed on. A field it cannot read is named with the type it wants;
     * for Create, a property the schema refuses is left to the schema validator, whose messages say more.
     */
    private void readByThePlugin(final String narrowed, final Action action) {
        try {
            serializer.deserialize(narrowed, type);
        } catch (JsonMappingException e) {
            final String path = path(e);
            if (!path.startsWith("requestData.resourceProperties") || action != Action.CREATE && action != Action.UPDATE) {
                throw new Refused(describe(e));
            }
        } catch (IOException e) {
            throw new Refused("The request could not be read as a CloudFormation handler request.");
        }
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
            return "one of " + ACTIONS;
        }
        return Map.class.isAssignableFrom(target) || !target.getName().startsWith("java.")
            ? "an object"
            : "a " + target.getSimpleName();
    }

    private static String kind(final JsonNode node) {
        return node.isArray() ? "an array" : "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    /** A refusal found while screening. */
    private static final class Refused extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Refused(final String message) {
            super(message, null, false, false);
        }
    }
}
