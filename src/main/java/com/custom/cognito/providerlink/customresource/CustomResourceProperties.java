package com.custom.cognito.providerlink.customresource;

import com.custom.cognito.providerlink.Configuration;
import com.custom.cognito.providerlink.ResourceModel;
import com.custom.cognito.providerlink.model.LinkException;
import com.custom.cognito.providerlink.wrapper.InputErrors;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.json.JSONObject;

/**
 * A custom resource's properties, held to the registry schema: the same values are accepted, and the rest refused
 * with the messages the registry type gives (CloudFormation passes every custom resource value as a string, which
 * is what every property of this type is).
 */
final class CustomResourceProperties {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final JSONObject schema = new Configuration().resourceSchemaJSONObject();
    private final InputErrors inputErrors = new InputErrors();

    /** The model the registry handlers take, or an InvalidRequest failure naming each problem and its fix. */
    ResourceModel model(final ObjectNode properties) {
        final List<String> readOnly = new ArrayList<>();
        schema.getJSONArray("readOnlyProperties").forEach(pointer -> {
            final String name = pointer.toString().substring("/properties/".length());
            if (properties.has(name)) {
                readOnly.add(name);
            }
        });
        if (!readOnly.isEmpty()) {
            throw LinkException.invalid(String.join(", ", readOnly), (readOnly.size() == 1 ? "is" : "are")
                + " read-only: the handler reports it (Fn::GetAtt), a template cannot set it. Remove it from the properties.");
        }
        inputErrors.check(new JSONObject(properties.toString()), schema);
        try {
            return JSON.treeToValue(properties, ResourceModel.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw LinkException.invalid("The properties do not match the resource schema: declare UserPoolId, SourceUser and"
                + " DestinationUser as the registry type's documentation shows.");
        }
    }
}
