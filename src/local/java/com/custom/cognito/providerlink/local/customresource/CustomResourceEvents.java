package com.custom.cognito.providerlink.local.customresource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.UUID;

/** Custom resource requests as CloudFormation sends them for a {@code Custom::CognitoProviderLink}. */
public final class CustomResourceEvents {

    public static final String TYPE = "Custom::CognitoProviderLink";
    public static final String STACK_ID = "arn:aws:cloudformation:us-east-1:123456789012:stack/links/"
        + "5b5e7e60-0000-11ef-9e3d-0a1b2c3d4e5f";
    public static final String SERVICE_TOKEN = "arn:aws:lambda:us-east-1:123456789012:function:cognito-provider-link";
    private static final ObjectMapper JSON = new ObjectMapper();

    private CustomResourceEvents() {
    }

    public static ObjectNode create(final URI responseUrl, final JsonNode properties) {
        return event("Create", responseUrl, properties);
    }

    public static ObjectNode update(final URI responseUrl, final String physicalResourceId, final JsonNode properties,
        final JsonNode oldProperties) {
        final ObjectNode event = event("Update", responseUrl, properties).put("PhysicalResourceId", physicalResourceId);
        event.set("OldResourceProperties", withServiceToken(oldProperties));
        return event;
    }

    public static ObjectNode delete(final URI responseUrl, final String physicalResourceId, final JsonNode properties) {
        return event("Delete", responseUrl, properties).put("PhysicalResourceId", physicalResourceId);
    }

    private static ObjectNode event(final String requestType, final URI responseUrl, final JsonNode properties) {
        final ObjectNode event = JSON.createObjectNode()
            .put("RequestType", requestType)
            .put("ServiceToken", SERVICE_TOKEN)
            .put("ResponseURL", responseUrl.toString())
            .put("StackId", STACK_ID)
            .put("RequestId", UUID.randomUUID().toString())
            .put("LogicalResourceId", "AliceGoogleLink")
            .put("ResourceType", TYPE);
        event.set("ResourceProperties", withServiceToken(properties));
        return event;
    }

    private static ObjectNode withServiceToken(final JsonNode properties) {
        final ObjectNode copy = JSON.createObjectNode().put("ServiceToken", SERVICE_TOKEN);
        properties.fields().forEachRemaining(e -> copy.set(e.getKey(), e.getValue()));
        return copy;
    }
}
