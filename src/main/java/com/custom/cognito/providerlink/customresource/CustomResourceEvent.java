package com.custom.cognito.providerlink.customresource;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * One request CloudFormation sends a Lambda-backed custom resource (CloudFormation User Guide, "Custom resource
 * request objects"), read for its shape only: what to do, where to answer, who sent it, and the resource's properties
 * without the two CloudFormation itself reads: {@code ServiceToken}, and {@code ServiceTimeout} (passed on in the
 * properties too, as the function's log shows in aws/aws-cdk#30911). Whether it may be acted on is {@link EventOrigin}'s
 * to say.
 */
record CustomResourceEvent(
    RequestType requestType,
    URI responseUrl,
    String serviceToken,
    String stackId,
    String requestId,
    String logicalResourceId,
    String physicalResourceId,
    ObjectNode properties,
    ObjectNode oldProperties) {

    enum RequestType {
        Create,
        Update,
        Delete
    }

    /** CloudFormation never repeats a key; an event that does is not read at all, so no two readers can disagree on it. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** An event that cannot be acted on; it still names where to answer when it could be read that far. */
    static final class Unusable extends Exception {

        private static final long serialVersionUID = 1L;

        private final transient Optional<CustomResourceEvent> answerable;

        Unusable(final String message, final Optional<CustomResourceEvent> answerable) {
            super(message, null, false, false);
            this.answerable = answerable;
        }

        Optional<CustomResourceEvent> answerable() {
            return answerable;
        }
    }

    static CustomResourceEvent parse(final byte[] input) throws Unusable {
        final JsonNode event;
        try {
            event = JSON.readTree(input);
        } catch (IOException e) {
            throw new Unusable("The event is not JSON, or repeats a key: a custom resource function expects CloudFormation's"
                + " request object.", Optional.empty());
        }
        if (event == null || !event.isObject()) {
            throw new Unusable("The event is not a JSON object: a custom resource function expects CloudFormation's request"
                + " object.", Optional.empty());
        }
        final URI responseUrl = responseUrl(event);
        final CustomResourceEvent answerable = new CustomResourceEvent(null, responseUrl, text(event, "ServiceToken"),
            text(event, "StackId"), text(event, "RequestId"), text(event, "LogicalResourceId"),
            text(event, "PhysicalResourceId"), null, null);
        final Optional<CustomResourceEvent> reply = responseUrl == null ? Optional.empty() : Optional.of(answerable);
        for (String required : new String[]{"StackId", "RequestId", "LogicalResourceId"}) {
            if (text(event, required) == null) {
                throw new Unusable("The event has no " + required
                    + ": it is not a CloudFormation custom resource request.", reply);
            }
        }
        if (responseUrl == null) {
            throw new Unusable("The event has no usable ResponseURL, so no answer can reach CloudFormation.", reply);
        }
        final RequestType type = requestType(text(event, "RequestType"));
        if (type == null) {
            throw new Unusable("RequestType must be Create, Update or Delete.", reply);
        }
        if (type != RequestType.Create && answerable.physicalResourceId() == null) {
            throw new Unusable("An " + type + " request must carry the PhysicalResourceId of the resource.", reply);
        }
        final ObjectNode properties = properties(event, "ResourceProperties", reply);
        final ObjectNode old = type == RequestType.Update ? properties(event, "OldResourceProperties", reply) : null;
        return new CustomResourceEvent(type, responseUrl, answerable.serviceToken(), answerable.stackId(),
            answerable.requestId(), answerable.logicalResourceId(), answerable.physicalResourceId(), properties, old);
    }

    private static ObjectNode properties(final JsonNode event, final String member, final Optional<CustomResourceEvent> reply)
        throws Unusable {
        final JsonNode node = event.get(member);
        if (node == null || node.isNull()) {
            return JSON.createObjectNode();
        }
        if (!node.isObject()) {
            throw new Unusable(member + " must be an object of the resource's properties.", reply);
        }
        final ObjectNode properties = ((ObjectNode) node).deepCopy();
        properties.remove(List.of("ServiceToken", "ServiceTimeout"));
        return properties;
    }

    private static URI responseUrl(final JsonNode event) {
        final String url = text(event, "ResponseURL");
        if (url == null) {
            return null;
        }
        try {
            final URI uri = URI.create(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null ? uri : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static RequestType requestType(final String text) {
        for (RequestType type : RequestType.values()) {
            if (type.name().equals(text)) {
                return type;
            }
        }
        return null;
    }

    private static String text(final JsonNode event, final String member) {
        final JsonNode value = event.get(member);
        return value != null && value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
    }
}
