package com.custom.cognito.providerlink.local.adopt;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One link found in the pool, as a template declares it: the {@code Id} Read and List report, the properties that
 * satisfy the schema (the source attribute Delete can use; the destination by the username Cognito stores), and the
 * logical ID it gets in every file.
 */
record AdoptedLink(String id, String logicalId, String userPoolId, String providerName, String attributeName, String value,
    String destinationUsername) {

    /** Cloud Control's identifiers are at most 1,024 characters; longer ones can be imported by CloudFormation only. */
    static final int CLOUD_CONTROL_IDENTIFIER_LIMIT = 1024;

    boolean fitsCloudControl() {
        return id.length() <= CLOUD_CONTROL_IDENTIFIER_LIMIT;
    }

    /** The resource's properties, in the order a template writes them. */
    ObjectNode properties() {
        final ObjectNode properties = JsonNodeFactory.instance.objectNode();
        properties.put("UserPoolId", userPoolId);
        properties.putObject("SourceUser").put("ProviderName", providerName).put("ProviderAttributeName", attributeName)
            .put("ProviderAttributeValue", value);
        properties.putObject("DestinationUser").put("ProviderName", "Cognito").put("ProviderAttributeValue",
            destinationUsername);
        return properties;
    }
}
