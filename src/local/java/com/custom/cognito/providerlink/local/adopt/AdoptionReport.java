package com.custom.cognito.providerlink.local.adopt;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code adoption-report.md}: what was found, what was written, what was left out and why. It holds no timing, so
 * that a second run over the same pool writes the same bytes.
 */
final class AdoptionReport {

    private AdoptionReport() {
    }

    record Scan(String userPoolId, String typeName, long usersScanned, long pagesRead, int listInvocations, int userReads,
        Map<String, String> unreadableProviders) {
    }

    static String render(final Scan scan, final Inventory inventory, final List<List<AdoptedLink>> stacks,
        final List<AdoptedLink> terraformLinks, final List<Path> files, final Path out) {
        final StringBuilder md = new StringBuilder("# Adoption report\n\n")
            .append("User pool: `").append(scan.userPoolId()).append("`  \n")
            .append("Type: `").append(scan.typeName()).append("`\n\n")
            .append("| | |\n|---|---|\n")
            .append("| Users scanned | ").append(scan.usersScanned()).append(" (").append(scan.pagesRead())
            .append(" ListUsers pages, ").append(scan.listInvocations()).append(" List handler invocations) |\n")
            .append("| Links found | ").append(inventory.found()).append(" |\n")
            .append("| Links written for CloudFormation | ").append(inventory.links().size()).append(" in ")
            .append(stacks.size()).append(stacks.size() == 1 ? " template |\n" : " templates |\n")
            .append("| Links written for Terraform | ").append(terraformLinks.size()).append(" |\n")
            .append("| Links left out | ").append(inventory.leftOut().size() + inventory.links().size()
                - terraformLinks.size())
            .append(" |\n")
            .append("| AdminGetUser calls to match SAML and OIDC values | ").append(scan.userReads()).append(" |\n\n");
        md.append("## Links per provider\n\n| Provider | Links found |\n|---|---|\n");
        inventory.byProvider().forEach((provider, count) -> md.append("| ").append(cell(provider)).append(" | ")
            .append(count).append(" |\n"));
        md.append("\n## How each SourceUser.ProviderAttributeName was chosen\n\n")
            .append("Cognito does not record the attribute a link was made by. Delete does not depend on this choice: from"
                + " the `Id` alone it tries `Cognito_Subject` and then every attribute the provider maps.\n\n")
            .append("| Basis | Links |\n|---|---|\n");
        inventory.byBasis().forEach((basis, count) -> md.append("| ").append(basis.meaning()).append(" | ").append(count)
            .append(" |\n"));
        if (!scan.unreadableProviders().isEmpty()) {
            md.append("\nProviders that could not be described (DescribeIdentityProvider):\n\n");
            scan.unreadableProviders().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> md.append("- `").append(e.getKey()).append("`: ").append(e.getValue()).append('\n'));
        }
        md.append("\n## Links left out\n\n");
        final int tooLong = inventory.links().size() - terraformLinks.size();
        if (inventory.leftOut().isEmpty() && tooLong == 0) {
            md.append("None.\n");
        } else {
            md.append("| Id | Left out of | Why |\n|---|---|---|\n");
            inventory.leftOut().forEach(left -> md.append("| `").append(cell(left.id())).append("` | both | ")
                .append(left.reason()).append(" |\n"));
            inventory.links().stream().filter(link -> !link.fitsCloudControl())
                .forEach(link -> md.append("| `").append(cell(link.id())).append("` | Terraform | its Id is ")
                    .append(link.id().length()).append(" characters, over Cloud Control's limit of ")
                    .append(AdoptedLink.CLOUD_CONTROL_IDENTIFIER_LIMIT).append("; CloudFormation imports it |\n"));
        }
        md.append("\n## Files written\n\n");
        files.forEach(file -> md.append("- `").append(out.relativize(file).toString().replace('\\', '/')).append("`\n"));
        md.append("\nTerraform cannot import `aws_cloudcontrolapi_resource` (the hashicorp/aws provider has no importer for"
            + " it), so no `imports.tf` is written: push `terraform/adopted.tfstate` into an empty state instead, as the"
            + " README's \"Adopt links that already exist\" shows.\n");
        return md.toString();
    }

    /** A table cell: pipes escaped, so an identity value cannot break the table. */
    private static String cell(final String text) {
        return text.replace("|", "\\|");
    }
}
