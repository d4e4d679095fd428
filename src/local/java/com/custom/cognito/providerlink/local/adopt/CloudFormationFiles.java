package com.custom.cognito.providerlink.local.adopt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The CloudFormation path: templates of at most {@link #MOST_PER_STACK} links each (a stack's resource quota), every
 * link retained on delete and on replacement, and beside each the {@code --resources-to-import} document that names
 * the same logical IDs with their {@code Id}.
 */
final class CloudFormationFiles {

    /** The most resources a stack holds (CloudFormation quotas). */
    static final int MOST_PER_STACK = 500;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CloudFormationFiles() {
    }

    /** The links in stacks of {@code stackSize}, in {@code Id} order. */
    static List<List<AdoptedLink>> split(final List<AdoptedLink> links, final int stackSize) {
        if (stackSize < 1 || stackSize > MOST_PER_STACK) {
            throw new IllegalArgumentException("a stack holds 1 to " + MOST_PER_STACK + " links");
        }
        final List<List<AdoptedLink>> stacks = new ArrayList<>();
        for (int from = 0; from < links.size(); from += stackSize) {
            stacks.add(links.subList(from, Math.min(links.size(), from + stackSize)));
        }
        return stacks;
    }

    /** {@code stack-01}, {@code stack-02}, ...: as many digits as the count needs, two at least. */
    static String stackName(final int number, final int count) {
        return String.format("stack-%0" + Math.max(2, String.valueOf(count).length()) + "d", number);
    }

    /** Writes every template and import document under {@code folder}; returns the files, in order. */
    static List<Path> write(final Path folder, final List<List<AdoptedLink>> stacks, final String typeName,
        final String userPoolId) throws IOException {
        Files.createDirectories(folder);
        final List<Path> written = new ArrayList<>();
        for (int i = 0; i < stacks.size(); i++) {
            final String name = stackName(i + 1, stacks.size());
            final Path template = folder.resolve(name + ".yaml");
            Files.writeString(template, template(stacks.get(i), typeName, userPoolId, i + 1, stacks.size()),
                StandardCharsets.UTF_8);
            final Path imports = folder.resolve(name + "-import.json");
            Files.writeString(imports, importDocument(stacks.get(i), typeName) + "\n", StandardCharsets.UTF_8);
            written.add(template);
            written.add(imports);
        }
        return written;
    }

    static String template(final List<AdoptedLink> links, final String typeName, final String userPoolId, final int number,
        final int count) {
        final StringBuilder yaml = new StringBuilder()
            .append("AWSTemplateFormatVersion: \"2010-09-09\"\n")
            .append("Description: ").append(Encoding.yaml("Provider links adopted from user pool " + userPoolId + " ("
                + number + " of " + count + "), imported, never created: every link is retained when it leaves the stack"))
            .append("\nResources:\n");
        for (AdoptedLink link : links) {
            yaml.append("  ").append(link.logicalId()).append(":\n")
                .append("    Type: ").append(typeName).append('\n')
                .append("    DeletionPolicy: Retain\n")
                .append("    UpdateReplacePolicy: Retain\n")
                .append("    Properties:\n")
                .append("      UserPoolId: ").append(Encoding.yaml(link.userPoolId())).append('\n')
                .append("      SourceUser:\n")
                .append("        ProviderName: ").append(Encoding.yaml(link.providerName())).append('\n')
                .append("        ProviderAttributeName: ").append(Encoding.yaml(link.attributeName())).append('\n')
                .append("        ProviderAttributeValue: ").append(Encoding.yaml(link.value())).append('\n')
                .append("      DestinationUser:\n")
                .append("        ProviderName: \"Cognito\"\n")
                .append("        ProviderAttributeValue: ").append(Encoding.yaml(link.destinationUsername())).append('\n');
        }
        return yaml.toString();
    }

    static String importDocument(final List<AdoptedLink> links, final String typeName) {
        final ArrayNode document = JSON.createArrayNode();
        for (AdoptedLink link : links) {
            document.addObject().put("ResourceType", typeName).put("LogicalResourceId", link.logicalId())
                .putObject("ResourceIdentifier").put("Id", link.id());
        }
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
