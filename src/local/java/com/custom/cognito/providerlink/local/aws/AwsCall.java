package com.custom.cognito.providerlink.local.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One request as an AWS service receives it: the operation, who signed it (the access key id and the Region and
 * service of the SigV4 credential scope; any signature is accepted locally), and its input, JSON for the JSON
 * protocols or form parameters for the query protocol.
 */
public record AwsCall(String operation, String accessKeyId, String region, String signedService, JsonNode json,
    Map<String, String> form, String requestId) {

    /** A form parameter, or null. */
    public String parameter(final String name) {
        return form == null ? null : form.get(name);
    }
}
