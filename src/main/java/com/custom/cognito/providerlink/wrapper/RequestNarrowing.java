package com.custom.cognito.providerlink.wrapper;

import com.custom.cognito.providerlink.model.LinkProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Optional;
import software.amazon.cloudformation.Action;

/**
 * A screened request as the plugin will read it: the two field names the plugin reads with a case-sensitive reader
 * ({@code requestData} and its {@code resourceProperties}, read again by org.json for the schema validation) in the
 * exact case it expects, and, for Read, Delete and List, only the properties they use ({@code Id}, with the source
 * attribute name for Delete; {@code UserPoolId} for List), so that a malformed property they never read cannot fail
 * them. It refuses nothing: {@link RequestScreen} has checked what it relies on.
 */
final class RequestNarrowing {

    static final String REQUEST_DATA = "requestData";
    static final String RESOURCE_PROPERTIES = "resourceProperties";
    static final String PREVIOUS_PROPERTIES = "previousResourceProperties";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RequestNarrowing() {
    }

    /** The request text to hand on: {@code input} itself when nothing needs to change, so every character reaches the plugin. */
    static String narrow(final ObjectNode request, final Action action, final String input) {
        boolean changed = rename(request, REQUEST_DATA);
        final ObjectNode data = (ObjectNode) request.get(REQUEST_DATA);
        changed |= rename(data, RESOURCE_PROPERTIES);
        if (action == Action.READ || action == Action.DELETE || action == Action.LIST) {
            final JsonNode properties = data.path(RESOURCE_PROPERTIES);
            data.set(RESOURCE_PROPERTIES, action == Action.LIST
                ? listFilter(properties)
                : identified(properties, action == Action.DELETE));
            field(data, PREVIOUS_PROPERTIES).ifPresent(name -> data.remove(name));
            changed = true;
        }
        return changed ? ascii(request) : input;
    }

    /** Read and Delete use the {@code Id}; without it, the complete declaration names the link. */
    private static JsonNode identified(final JsonNode properties, final boolean withAttributeName) {
        final Optional<JsonNode> id = value(properties, LinkProperty.ID.path());
        if (id.isEmpty()) {
            return properties;
        }
        final ObjectNode used = JSON.createObjectNode();
        used.set(LinkProperty.ID.path(), id.get());
        value(properties, LinkProperty.SOURCE_USER.path()).filter(source -> withAttributeName && allText(source, 3))
            .ifPresent(source -> used.set(LinkProperty.SOURCE_USER.path(), source));
        return used;
    }

    private static JsonNode listFilter(final JsonNode properties) {
        final ObjectNode used = JSON.createObjectNode();
        value(properties, LinkProperty.USER_POOL_ID.path()).ifPresent(pool -> used.set(LinkProperty.USER_POOL_ID.path(), pool));
        return used;
    }

    /** Whether {@code node} is an object of at most {@code maxFields} strings. */
    static boolean allText(final JsonNode node, final int maxFields) {
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

    /** The field the plugin reads as {@code name} (it matches names case-insensitively), if present and not null. */
    static Optional<JsonNode> value(final JsonNode node, final String name) {
        return field(node, name).map(node::get).filter(v -> !v.isNull());
    }

    static Optional<String> field(final JsonNode node, final String name) {
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

    /** Gives the field {@code name} exactly that spelling; whether it had another. */
    private static boolean rename(final ObjectNode node, final String name) {
        final Optional<String> spelled = field(node, name);
        if (spelled.isEmpty() || spelled.get().equals(name)) {
            return false;
        }
        node.set(name, node.remove(spelled.get()));
        return true;
    }

    /** Escaped to ASCII, so that no text (a lone surrogate included) changes on its way to the plugin's reader. */
    private static String ascii(final JsonNode request) {
        try {
            return JSON.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
