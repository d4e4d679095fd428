package com.custom.cognito.providerlink.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Property sets as a template declares them, in the JSON CloudFormation sends. */
public final class Models {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Models() {
    }

    public static ObjectNode link(final String sourceProvider, final String attribute, final String value,
        final String destinationProvider,
        final String destinationValue) {
        final ObjectNode model = JSON.createObjectNode();
        model.put("UserPoolId", LocalCognito.POOL);
        model.putObject("SourceUser").put("ProviderName", sourceProvider).put("ProviderAttributeName",
            attribute).put("ProviderAttributeValue", value);
        model.putObject("DestinationUser").put("ProviderName", destinationProvider).put("ProviderAttributeValue",
            destinationValue);
        return model;
    }

    public static ObjectNode googleTo(final String username, final String subject) {
        return link("Google", "Cognito_Subject", subject, "Cognito", username);
    }

    public static ObjectNode id(final String id) {
        return JSON.createObjectNode().put("Id", id);
    }

    public static ObjectNode pool() {
        return JSON.createObjectNode().put("UserPoolId", LocalCognito.POOL);
    }

    public static ObjectNode copy(final JsonNode node) {
        return node.deepCopy();
    }
}
