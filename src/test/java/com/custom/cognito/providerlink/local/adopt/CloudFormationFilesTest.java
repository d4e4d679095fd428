package com.custom.cognito.providerlink.local.adopt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloudFormationFilesTest {

    private static List<AdoptedLink> links(final int count) {
        final List<AdoptedLink> links = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            final String id = "us-east-1_X|Cognito|u" + i + "|Google|" + i;
            links.add(new AdoptedLink(id, LogicalIds.of(id, "u" + i, "Google"), "us-east-1_X", "Google", "Cognito_Subject",
                String.valueOf(i), "u" + i));
        }
        return links;
    }

    @Test
    void linksAreSplitIntoStacksOfAtMostTheStackSizeInOrder() {
        final List<AdoptedLink> links = links(1_201);

        final List<List<AdoptedLink>> stacks = CloudFormationFiles.split(links, 500);

        assertThat(stacks).extracting(List::size).containsExactly(500, 500, 201);
        assertThat(stacks.stream().flatMap(List::stream).toList()).isEqualTo(links);
        assertThat(CloudFormationFiles.split(links(3), 1)).hasSize(3);
        assertThat(CloudFormationFiles.split(List.of(), 500)).isEmpty();
    }

    @Test
    void aStackNeverHoldsMoreThanFiveHundredResources() {
        assertThatThrownBy(() -> CloudFormationFiles.split(links(2), 501)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CloudFormationFiles.split(links(2), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stackFilesAreNumberedWithAsManyDigitsAsTheCountNeeds() {
        assertThat(CloudFormationFiles.stackName(1, 10)).isEqualTo("stack-01");
        assertThat(CloudFormationFiles.stackName(10, 10)).isEqualTo("stack-10");
        assertThat(CloudFormationFiles.stackName(7, 120)).isEqualTo("stack-007");
    }

    @Test
    void everyResourceIsRetainedAndItsImportEntryNamesTheSameLogicalIdAndId() {
        final List<AdoptedLink> links = links(2);

        final String template = CloudFormationFiles.template(links, "Acme::Cognito::ProviderLink", "us-east-1_X", 1, 1);
        final String imports = CloudFormationFiles.importDocument(links, "Acme::Cognito::ProviderLink");

        assertThat(template).contains("  " + links.get(0).logicalId() + ":\n    Type: Acme::Cognito::ProviderLink\n"
            + "    DeletionPolicy: Retain\n    UpdateReplacePolicy: Retain\n");
        assertThat(imports).contains("\"LogicalResourceId\" : \"" + links.get(1).logicalId() + "\"",
            "\"Id\" : \"us-east-1_X|Cognito|u1|Google|1\"");
    }
}
