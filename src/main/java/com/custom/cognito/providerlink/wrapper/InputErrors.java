package com.custom.cognito.providerlink.wrapper;

import com.custom.cognito.providerlink.model.LinkException;
import com.custom.cognito.providerlink.model.LinkProperty;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.everit.json.schema.Schema;
import org.json.JSONArray;
import org.json.JSONObject;
import software.amazon.cloudformation.resource.SchemaValidator;
import software.amazon.cloudformation.resource.Validator;
import software.amazon.cloudformation.resource.exceptions.ValidationException;

/**
 * Schema violations, told the way a template author needs them: the property as the template spells it
 * ({@code SourceUser.ProviderName}, not {@code #/SourceUser/ProviderName}), what is wrong and what to write instead.
 * The plugin's validator reports nested violations only as "2 schema violations found"; this one reports every
 * violation, read from the same schema. Values are never quoted (the plugin scrubs them too).
 */
public final class InputErrors implements SchemaValidator {

    private static final String WRAPPER_PREFIX = "Model validation failed (";
    private static final String INVALID = "Invalid properties: ";
    private static final Pattern UNKNOWN_KEY = Pattern.compile("#: extraneous key \\[(.*)] is not permitted");
    private static final Pattern REQUIRED_KEY = Pattern.compile("required key \\[(.*)] not found");
    private static final Pattern EXTRA_KEY = Pattern.compile("extraneous key \\[(.*)] is not permitted");
    private static final Pattern TYPES = Pattern.compile("expected type: (\\w+), found: (\\w+)");

    /**
     * The schema's patterns, in words. They refuse only control characters (the exact character classes are checked
     * by the handlers, {@link com.custom.cognito.providerlink.model.PropertyRules}, with the same kind of message).
     */
    private static final Map<String, String> PATTERNS = Map.of(
        "^[a-zA-Z0-9_-]+_[0-9a-zA-Z]+$",
        "a user pool ID: the Region, an underscore, then letters and digits, e.g. us-east-1_EXAMPLE",
        "^[^\\x00-\\x1F\\x7F-\\x9F]+$", "printable characters only: no control characters",
        "^[^\\x00-\\x20\\x7F-\\x9F]+$", "printable characters without spaces: no whitespace or control characters");

    private final Validator validator = new Validator();

    /**
     * The schema's violations, and then the character rules it cannot express in a portable pattern, checked on the
     * same properties; every problem is named in one message.
     */
    @Override
    public void validateObject(final JSONObject model, final JSONObject schema) throws ValidationException {
        final List<String> problems = new ArrayList<>();
        String keyword = "pattern";
        String pointer = "#";
        try {
            validator.validateObject(model, schema);
        } catch (ValidationException e) {
            collect(e, schema, problems);
            keyword = e.getKeyword();
            pointer = e.getSchemaPointer();
        }
        for (LinkProperty property : LinkProperty.values()) {
            final Object value = valueAt(model, property.path());
            if (value instanceof String && problems.stream().noneMatch(p -> p.startsWith(property.path() + ":"))) {
                property.problem((String) value).ifPresent(problem -> problems.add(property.problemMessage(problem)));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(join(problems), List.of(), keyword, pointer);
        }
    }

    /** Properties held to the schema, as a template author reads them: nothing, or one InvalidRequest naming every problem. */
    public void check(final JSONObject properties, final JSONObject schema) {
        try {
            validateObject(properties, schema);
        } catch (ValidationException e) {
            throw LinkException.invalid(INVALID + e.getMessage());
        }
    }

    private static Object valueAt(final JSONObject model, final String path) {
        Object node = model;
        for (String part : path.split("\\.")) {
            node = node instanceof JSONObject ? ((JSONObject) node).opt(part) : null;
        }
        return node;
    }

    @Override
    public void validateObjectByListHandlerSchema(final JSONObject model, final JSONObject schema) throws ValidationException {
        validator.validateObjectByListHandlerSchema(model, schema);
    }

    @Override
    public Schema getListHandlerSchema(final JSONObject schema) throws ValidationException {
        return validator.getListHandlerSchema(schema);
    }

    /**
     * The wrapper's message for a failed validation, made readable. An unknown key is caught while the wrapper
     * deserializes the model, before any validator runs, and its message names only the key.
     */
    public static String explainWrapperMessage(final String message, final JSONObject schema) {
        if (!message.startsWith(WRAPPER_PREFIX) || !message.endsWith(")")) {
            return message;
        }
        final String inner = message.substring(WRAPPER_PREFIX.length(), message.length() - 1);
        final Matcher unknown = UNKNOWN_KEY.matcher(inner);
        if (unknown.matches()) {
            return INVALID + unknown.group(1) + " is not a property of " + schema.getString("typeName")
                + " nor of its SourceUser or DestinationUser: remove it. Properties: " + settable(schema, schema) + ".";
        }
        return INVALID + inner;
    }

    /**
     * The properties a template may set, read from the schema: the required ones first, in the schema's order, then
     * the others; an object's own properties in brackets. Read-only ones are left out.
     */
    private static String settable(final JSONObject node, final JSONObject schema) {
        final JSONObject properties = resolve(schema, node).optJSONObject("properties");
        if (properties == null) {
            return "";
        }
        final Set<String> readOnly = new HashSet<>();
        if (node == schema) {
            schema.optJSONArray("readOnlyProperties").forEach(pointer -> readOnly.add(pointer.toString()
                .substring("/properties/".length())));
        }
        final Set<String> names = new LinkedHashSet<>();
        final JSONArray required = resolve(schema, node).optJSONArray("required");
        if (required != null) {
            required.forEach(name -> names.add(name.toString()));
        }
        names.addAll(new TreeSet<>(properties.keySet()));
        names.removeAll(readOnly);
        return names.stream().map(name -> {
            final String inner = settable(properties.getJSONObject(name), schema);
            return inner.isEmpty() ? name : name + " (" + inner + ")";
        }).collect(Collectors.joining(", "));
    }

    private static String join(final List<String> problems) {
        return problems.size() == 1 ? problems.get(0) : problems.size() + " problems: " + String.join(" | ", problems);
    }

    private static void collect(final ValidationException e, final JSONObject schema, final List<String> problems) {
        if (!e.getCausingExceptions().isEmpty()) {
            e.getCausingExceptions().forEach(cause -> collect(cause, schema, problems));
            return;
        }
        problems.add(describe(e, schema));
    }

    private static String describe(final ValidationException e, final JSONObject schema) {
        final String pointer = e.getSchemaPointer() == null ? "#" : e.getSchemaPointer();
        final String property = property(pointer);
        final JSONObject node = node(schema, pointer);
        final String keyword = e.getKeyword() == null ? "" : e.getKeyword();
        final String message = e.getMessage() == null ? "" : e.getMessage();
        switch (keyword) {
            case "required" : {
                final Matcher key = REQUIRED_KEY.matcher(message);
                return key.find() ? required(join(property, key.group(1))) : property + ": " + message;
            }
            case "additionalProperties" : {
                final Matcher key = EXTRA_KEY.matcher(message);
                final String allowed = node != null && node.has("properties")
                    ? String.join(", ", node.getJSONObject("properties").keySet())
                    : "none";
                return join(property, key.find() ? key.group(1) : "?") + ": is not a property here: remove it (allowed: "
                    + allowed + ").";
            }
            case "type" : {
                final Matcher types = TYPES.matcher(message);
                return property + ": must be " + (types.find()
                    ? article(types.group(1)) + ", not " + article(types.group(2))
                    : "of another type")
                    + hint(property);
            }
            case "pattern" :
                return property + ": must be " + PATTERNS.getOrDefault(node == null
                    ? ""
                    : node.optString("pattern"), "in the documented format")
                    + hint(property);
            case "minLength" :
                return property + ": must not be empty" + hint(property);
            case "maxLength" :
                return property + ": must be at most " + (node == null ? "?" : node.opt("maxLength")) + " characters long"
                    + hint(property);
            default :
                return property + ": " + message.replaceFirst("^#[^:]*: ", "");
        }
    }

    private static String required(final String property) {
        return LinkProperty.at(property).map(LinkProperty::requiredMessage).orElse(property + ": is required.");
    }

    private static String hint(final String property) {
        return LinkProperty.at(property).map(p -> ": set it to " + p.whatToSet() + ".").orElse(".");
    }

    private static String article(final String jsonType) {
        switch (jsonType) {
            case "JSONObject" :
                return "an object";
            case "JSONArray" :
                return "an array";
            case "Null" :
                return "null";
            case "Integer" :
            case "Long" :
            case "BigDecimal" :
            case "Double" :
                return "a number";
            default :
                return "a " + jsonType.toLowerCase(Locale.ROOT);
        }
    }

    private static String property(final String pointer) {
        return pointer.equals("#") ? "(properties)" : pointer.substring(2).replace('/', '.');
    }

    private static String join(final String parent, final String key) {
        return parent.equals("(properties)") ? key : parent + "." + key;
    }

    /** The schema node for a model pointer such as {@code #/SourceUser/ProviderName}, following local refs. */
    private static JSONObject node(final JSONObject schema, final String pointer) {
        JSONObject node = schema;
        for (String part : pointer.equals("#") ? new String[0] : pointer.substring(2).split("/")) {
            final JSONObject properties = resolve(schema, node).optJSONObject("properties");
            if (properties == null || !properties.has(part)) {
                return null;
            }
            node = properties.getJSONObject(part);
        }
        return resolve(schema, node);
    }

    private static JSONObject resolve(final JSONObject schema, final JSONObject node) {
        final String ref = node.optString("$ref", null);
        if (ref == null || !ref.startsWith("#/definitions/")) {
            return node;
        }
        return schema.getJSONObject("definitions").getJSONObject(ref.substring("#/definitions/".length()));
    }
}
