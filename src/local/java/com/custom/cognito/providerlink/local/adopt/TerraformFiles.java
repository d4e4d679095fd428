package com.custom.cognito.providerlink.local.adopt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * The Terraform path. {@code aws_cloudcontrolapi_resource} (hashicorp/aws) has no importer, so {@code import} blocks
 * and {@code terraform import} are refused ("resource aws_cloudcontrolapi_resource doesn't support import"; checked
 * with 5.100.0 and the provider's current source). What works instead: {@code links.tf} declares every link with
 * {@code for_each}, and {@code adopted.tfstate} is the state Terraform would hold had it made them, for
 * {@code terraform state push} into an empty state. The next plan then reads every link back through Cloud Control
 * and must report no changes.
 */
final class TerraformFiles {

    static final String RESOURCE = "aws_cloudcontrolapi_resource";
    static final String NAME = "provider_link";
    /** The oldest Terraform whose state format this is; newer versions read it unchanged. */
    private static final String STATE_TERRAFORM_VERSION = "1.5.0";
    private static final String PROVIDER = "provider[\"registry.terraform.io/hashicorp/aws\"]";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TerraformFiles() {
    }

    static List<Path> write(final Path folder, final List<AdoptedLink> links, final String typeName, final String userPoolId,
        final String schema) throws IOException {
        Files.createDirectories(folder);
        final Path config = folder.resolve("links.tf");
        Files.writeString(config, configuration(links, typeName, userPoolId), StandardCharsets.UTF_8);
        final Path state = folder.resolve("adopted.tfstate");
        Files.writeString(state, state(links, typeName, userPoolId, schema) + "\n", StandardCharsets.UTF_8);
        return List.of(config, state);
    }

    static String configuration(final List<AdoptedLink> links, final String typeName, final String userPoolId) {
        final StringBuilder hcl = new StringBuilder()
            .append("# The provider links of user pool ").append(userPoolId).append(", adopted: ").append(links.size())
            .append(" links, keyed by logical ID.\n")
            .append("# Terraform cannot import aws_cloudcontrolapi_resource: push adopted.tfstate into an empty state instead\n")
            .append("# (README, \"Adopt links that already exist\"). Add your provider and backend configuration beside\n")
            .append("# this file.\n\n")
            .append("locals {\n  provider_links = {\n");
        for (AdoptedLink link : links) {
            hcl.append("    ").append(link.logicalId()).append(" = {\n")
                .append("      UserPoolId = ").append(Encoding.hcl(link.userPoolId())).append('\n')
                .append("      SourceUser = {\n")
                .append("        ProviderName           = ").append(Encoding.hcl(link.providerName())).append('\n')
                .append("        ProviderAttributeName  = ").append(Encoding.hcl(link.attributeName())).append('\n')
                .append("        ProviderAttributeValue = ").append(Encoding.hcl(link.value())).append('\n')
                .append("      }\n")
                .append("      DestinationUser = {\n")
                .append("        ProviderName           = \"Cognito\"\n")
                .append("        ProviderAttributeValue = ").append(Encoding.hcl(link.destinationUsername())).append('\n')
                .append("      }\n")
                .append("    }\n");
        }
        return hcl.append("  }\n}\n\n")
            .append("resource \"").append(RESOURCE).append("\" \"").append(NAME).append("\" {\n")
            .append("  for_each      = local.provider_links\n")
            .append("  type_name     = ").append(Encoding.hcl(typeName)).append('\n')
            .append("  desired_state = jsonencode(each.value)\n")
            .append("}\n")
            .toString();
    }

    /**
     * Terraform's state (format 4) holding one instance per link, as the provider leaves it after a create: the
     * {@code Id} as the resource id, {@code desired_state} exactly as {@code jsonencode} writes it, and the type's
     * schema (which the provider would otherwise fetch at the first plan and report as a change). The lineage is
     * derived from the pool and the type, so a second run writes the same file.
     */
    static String state(final List<AdoptedLink> links, final String typeName, final String userPoolId, final String schema) {
        final ObjectNode state = JSON.createObjectNode()
            .put("version", 4)
            .put("terraform_version", STATE_TERRAFORM_VERSION)
            .put("serial", 1)
            .put("lineage", UUID.nameUUIDFromBytes(("provider-link-adoption|" + typeName + "|" + userPoolId)
                .getBytes(StandardCharsets.UTF_8)).toString());
        state.putObject("outputs");
        final ObjectNode resource = state.putArray("resources").addObject()
            .put("mode", "managed").put("type", RESOURCE).put("name", NAME).put("provider", PROVIDER);
        final ArrayNode instances = resource.putArray("instances");
        for (AdoptedLink link : links) {
            final ObjectNode instance = instances.addObject().put("index_key", link.logicalId()).put("schema_version", 0);
            instance.putObject("attributes")
                .put("desired_state", Encoding.terraformJson(link.properties()))
                .put("id", link.id())
                .put("properties", Encoding.terraformJson(link.properties()))
                .putNull("role_arn")
                .put("schema", schema)
                .putNull("timeouts")
                .put("type_name", typeName)
                .putNull("type_version_id");
            instance.putArray("sensitive_attributes");
        }
        state.putNull("check_results");
        try {
            return JSON.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
