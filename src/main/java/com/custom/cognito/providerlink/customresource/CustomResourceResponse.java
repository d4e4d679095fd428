package com.custom.cognito.providerlink.customresource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer PUT to the ResponseURL (User Guide, "Custom resource response objects"). CloudFormation refuses a body
 * over 4,096 bytes, so {@link #body()} shortens the reason first, then leaves out the largest attributes, and never
 * touches the ids it must echo.
 */
record CustomResourceResponse(
    boolean success,
    String reason,
    String physicalResourceId,
    String stackId,
    String requestId,
    String logicalResourceId,
    Map<String, String> data) {

    static final int MAX_BODY_BYTES = 4096;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ELLIPSIS = " [...]";

    static CustomResourceResponse success(final CustomResourceEvent event, final String physicalResourceId,
        final Map<String, String> data) {
        return new CustomResourceResponse(true, null, physicalResourceId, event.stackId(), event.requestId(),
            event.logicalResourceId(), data);
    }

    static CustomResourceResponse failed(final CustomResourceEvent event, final String physicalResourceId, final String reason) {
        return new CustomResourceResponse(false, reason, physicalResourceId, event.stackId(), event.requestId(),
            event.logicalResourceId(), Map.of());
    }

    /** The JSON body, at most {@value #MAX_BODY_BYTES} bytes. */
    byte[] body() {
        String shortened = reason;
        final Map<String, String> kept = new LinkedHashMap<>(data);
        byte[] body = render(shortened, kept);
        while (body.length > MAX_BODY_BYTES && shortened != null && shortened.length() > ELLIPSIS.length()) {
            final int keep = Math.max(0, shortened.length() - (body.length - MAX_BODY_BYTES) - ELLIPSIS.length());
            shortened = shortened.substring(0, Math.min(keep, shortened.length() - ELLIPSIS.length() - 1)) + ELLIPSIS;
            body = render(shortened, kept);
        }
        final List<String> largestFirst = new ArrayList<>(kept.keySet());
        largestFirst.sort(Comparator.comparingInt((String key) -> key.equals("Id") ? 0 : 1).reversed()
            .thenComparing(Comparator.comparingInt((String key) -> kept.get(key).length()).reversed()));
        for (String key : largestFirst) {
            if (body.length <= MAX_BODY_BYTES) {
                break;
            }
            kept.remove(key);
            body = render(shortened, kept);
        }
        return body;
    }

    private byte[] render(final String text, final Map<String, String> attributes) {
        final ObjectNode json = JSON.createObjectNode()
            .put("Status", success ? "SUCCESS" : "FAILED")
            .put("PhysicalResourceId", physicalResourceId)
            .put("StackId", stackId)
            .put("RequestId", requestId)
            .put("LogicalResourceId", logicalResourceId)
            .put("NoEcho", false);
        if (text != null) {
            json.put("Reason", text);
        }
        final ObjectNode dataNode = json.putObject("Data");
        attributes.forEach(dataNode::put);
        try {
            return JSON.writeValueAsString(json).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serializes", e);
        }
    }
}
