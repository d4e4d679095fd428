package com.custom.cognito.providerlink.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.everit.json.schema.Schema;
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
    private static final Pattern UNKNOWN_KEY = Pattern.compile("#: extraneous key \\[(.*)] is not permitted");
    private static final Pattern REQUIRED_KEY = Pattern.compile("required key \\[(.*)] not found");
    private static final Pattern EXTRA_KEY = Pattern.compile("extraneous key \\[(.*)] is not permitted");
    private static final Pattern TYPES = Pattern.compile("expected type: (\\w+), found: (\\w+)");

    /** What each property should hold; also the text of "is required" failures. */
    private static final Map<String, String> WHAT_TO_SET = Map.of(
        "UserPoolId", "the ID of the user pool, e.g. us-east-1_EXAMPLE",
        "SourceUser", "the external identity to link, with ProviderName, ProviderAttributeName and ProviderAttributeValue",
        "DestinationUser", "the existing user to link to, with ProviderName and ProviderAttributeValue",
        "SourceUser.ProviderName", "the identity provider's name exactly as configured in the pool, e.g. Google",
        "SourceUser.ProviderAttributeName", "Cognito_Subject, or for SAML/OIDC a user-pool attribute the provider maps, e.g. email",
        "SourceUser.ProviderAttributeValue", "the identity's value for that attribute, e.g. the Google sub",
        "DestinationUser.ProviderName", "Cognito for a native user, or the provider of an existing federated user",
        "DestinationUser.ProviderAttributeValue", "the username of a native user, or the provider user id of a federated user",
        "Id", "the value Create returned (Ref returns it)");

    /** The schema's patterns, in words. */
    private static final Map<String, String> PATTERNS = Map.of(
        "^[\\w-]+_[0-9a-zA-Z]+$", "a user pool ID: the Region, an underscore, then letters and digits, e.g. us-east-1_EXAMPLE",
        "^[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\p{Z}]+$", "printable characters only (letters, digits, punctuation, symbols, spaces):"
            + " no control, format or private-use characters",
        "^[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+$", "printable characters without spaces: no whitespace, control, format or private-use"
            + " characters");

    private final Validator validator = new Validator();

    @Override
    public void validateObject(final JSONObject model, final JSONObject schema) throws ValidationException {
        try {
            validator.validateObject(model, schema);
        } catch (ValidationException e) {
            throw new ValidationException(explain(e, schema), List.of(), e.getKeyword(), e.getSchemaPointer());
        }
    }

    @Override
    public void validateObjectByListHandlerSchema(final JSONObject model, final JSONObject schema) throws ValidationException {
        validator.validateObjectByListHandlerSchema(model, schema);
    }

    @Override
    public Schema getListHandlerSchema(final JSONObject schema) throws ValidationException {
        return validator.getListHandlerSchema(schema);
    }

    /** "X: is required: set it to …", for the checks the handlers repeat without the schema. */
    public static String required(final String property) {
        return property + ": is required: set it to " + WHAT_TO_SET.getOrDefault(property, "a value") + ".";
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
            return "Invalid properties: " + unknown.group(1) + " is not a property of " + schema.getString("typeName")
                + " nor of its SourceUser or DestinationUser: remove it. Properties: UserPoolId, SourceUser (ProviderName,"
                + " ProviderAttributeName, ProviderAttributeValue), DestinationUser (ProviderName, ProviderAttributeValue,"
                + " ProviderAttributeName).";
        }
        return "Invalid properties: " + inner;
    }

    static String explain(final ValidationException e, final JSONObject schema) {
        final List<String> problems = new ArrayList<>();
        collect(e, schema, problems);
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
            case "required": {
                final Matcher key = REQUIRED_KEY.matcher(message);
                return key.find() ? required(join(property, key.group(1))) : property + ": " + message;
            }
            case "additionalProperties": {
                final Matcher key = EXTRA_KEY.matcher(message);
                final String allowed = node != null && node.has("properties")
                    ? String.join(", ", node.getJSONObject("properties").keySet()) : "none";
                return join(property, key.find() ? key.group(1) : "?") + ": is not a property here: remove it (allowed: " + allowed + ").";
            }
            case "type": {
                final Matcher types = TYPES.matcher(message);
                return property + ": must be " + (types.find() ? article(types.group(1)) + ", not " + article(types.group(2)) : "of another type")
                    + hint(property);
            }
            case "pattern":
                return property + ": must be " + PATTERNS.getOrDefault(node == null ? "" : node.optString("pattern"), "in the documented format")
                    + hint(property);
            case "minLength":
                return property + ": must not be empty" + hint(property);
            case "maxLength":
                return property + ": must be at most " + (node == null ? "?" : node.opt("maxLength")) + " characters long" + hint(property);
            default:
                return property + ": " + message.replaceFirst("^#[^:]*: ", "");
        }
    }

    private static String hint(final String property) {
        final String what = WHAT_TO_SET.get(property);
        return what == null ? "." : ": set it to " + what + ".";
    }

    private static String article(final String jsonType) {
        switch (jsonType) {
            case "JSONObject":
                return "an object";
            case "JSONArray":
                return "an array";
            case "Null":
                return "null";
            case "Integer":
            case "Long":
            case "BigDecimal":
            case "Double":
                return "a number";
            default:
                return "a " + jsonType.toLowerCase(java.util.Locale.ROOT);
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
