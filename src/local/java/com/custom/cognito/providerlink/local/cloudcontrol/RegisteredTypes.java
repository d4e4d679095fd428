package com.custom.cognito.providerlink.local.cloudcontrol;

import com.custom.cognito.providerlink.local.aws.AwsError;
import com.custom.cognito.providerlink.local.harness.TypeSchema;
import com.custom.cognito.providerlink.local.harness.WrapperInvoker;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The type names the local endpoints serve this resource type under: its development name, and the names a user
 * registers it as ({@code --type-name}); for each, the resource schema (read from the handler jar, where the
 * handler itself reads it) with that name.
 */
public final class RegisteredTypes {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Set<String> names = new LinkedHashSet<>();
    private final JsonNode schema;

    public RegisteredTypes(final List<String> registeredNames) {
        names.add(WrapperInvoker.DEVELOPMENT_TYPE_NAME);
        names.addAll(registeredNames);
        this.schema = TypeSchema.read();
    }

    public Set<String> names() {
        return names;
    }

    /** The name, if it is served; otherwise the TypeNotFoundException Cloud Control and CloudFormation answer. */
    String require(final String typeName) {
        if (typeName == null || !names.contains(typeName)) {
            throw AwsError.client("TypeNotFoundException", "The type '" + typeName
                + "' cannot be found. This local endpoint serves "
                + String.join(", ", names) + "; add others with --type-name.");
        }
        return typeName;
    }

    ObjectNode schemaFor(final String typeName) {
        final ObjectNode named = schema.deepCopy();
        named.put("typeName", require(typeName));
        return named;
    }

    /** The schema's JSON pointers under {@code key}, e.g. the createOnlyProperties. */
    List<String> pointers(final String key) {
        final List<String> pointers = new ArrayList<>();
        schema.path(key).forEach(p -> pointers.add(p.asText()));
        return pointers;
    }

    /** Cloud Control's identifier: the primary identifier's values, joined by {@code |}. */
    String identifierOf(final JsonNode model) {
        final List<String> parts = new ArrayList<>();
        for (String pointer : pointers("primaryIdentifier")) {
            final JsonNode value = model.at(pointer.replace("/properties", ""));
            if (value.isMissingNode() || value.isNull()) {
                return null;
            }
            parts.add(value.asText());
        }
        return String.join("|", parts);
    }

    /** The model Read and Delete get for an identifier: the primary identifier alone. */
    ObjectNode modelFor(final String identifier) {
        final ObjectNode model = JSON.createObjectNode();
        final List<String> pointers = pointers("primaryIdentifier");
        model.put(pointers.get(0).substring("/properties/".length()), identifier);
        return model;
    }

    /** IMMUTABLE for a type without an update handler, as the registry classifies it. */
    String provisioningType() {
        return schema.path("handlers").has("update") ? "FULLY_MUTABLE" : "IMMUTABLE";
    }
}
