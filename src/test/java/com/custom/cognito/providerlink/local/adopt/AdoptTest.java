package com.custom.cognito.providerlink.local.adopt;

import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.contract.LocalCognito;
import com.custom.cognito.providerlink.local.emulator.UserPools;
import com.custom.cognito.providerlink.local.harness.WrapperInvoker;
import com.custom.cognito.providerlink.toolchains.Toolchain;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code adopt} against a pool whose links were made outside the type (AdminLinkProviderForUser called directly, as a
 * sign-up trigger or a script does), through the real wrapper's List handler on the emulator's endpoint.
 */
@ExtendWith(LocalCognito.class)
class AdoptTest {

    static final String TYPE = "Acme::Cognito::ProviderLink";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final String EMAIL_POOL = "us-east-1_EmailNames";

    private final Path out = Path.of("target", "adopt-test").toAbsolutePath();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();

    /** The pool as a team has it: social, SAML by email, OIDC, a user with five links, an email-username pool. */
    static void seedLinksMadeOutsideTheType() {
        synchronized (LocalCognito.emulator().lock()) {
            final UserPools.Pool pool = LocalCognito.pool();
            pool.addProvider("SignInWithApple", "SignInWithApple", Map.of());
            pool.addProvider("CorpOIDC", "OIDC", Map.of("email", "email"));
            pool.addUser("dave", Map.of("email", "dave@example.com"));
            pool.addUser("erin", Map.of("email", "erin@example.com"));
            LocalCognito.emulator().pools().createPool(EMAIL_POOL, "email usernames").usernameAttribute("email")
                .addProvider("Google", "Google", Map.of()).addUser("f0a1b2c3-0000-4000-8000-000000000001",
                    Map.of("email", "frank@example.com"));
        }
        LocalCognito.linkDirectly(LocalCognito.POOL, "alice", "Google", "Cognito_Subject", "104578123456789012345");
        LocalCognito.linkDirectly(LocalCognito.POOL, "bob", "CorpSAML", "email", "bob@example.com");
        LocalCognito.linkDirectly(LocalCognito.POOL, "carol", "CorpOIDC", "Cognito_Subject", "oidc-subject-carol");
        LocalCognito.linkDirectly(LocalCognito.POOL, "dave", "Facebook", "Cognito_Subject", "10150000000000002");
        LocalCognito.linkDirectly(LocalCognito.POOL, "erin", "Google", "Cognito_Subject", "200000000000000000005");
        LocalCognito.linkDirectly(LocalCognito.POOL, "erin", "Facebook", "Cognito_Subject", "10150000000000005");
        LocalCognito.linkDirectly(LocalCognito.POOL, "erin", "LoginWithAmazon", "Cognito_Subject", "amzn1.account.ERIN");
        LocalCognito.linkDirectly(LocalCognito.POOL, "erin", "SignInWithApple", "Cognito_Subject", "000123.erin.0001");
        LocalCognito.linkDirectly(LocalCognito.POOL, "erin", "CorpSAML", "email", "erin@example.com");
        LocalCognito.linkDirectly(EMAIL_POOL, "f0a1b2c3-0000-4000-8000-000000000001", "Google", "Cognito_Subject",
            "300000000000000000001");
    }

    @BeforeEach
    void seed() throws IOException {
        seedLinksMadeOutsideTheType();
        Toolchain.deleteTree(out);
    }

    private int adopt(final String... more) throws IOException {
        final List<String> args = new ArrayList<>(List.of("--user-pool-id", LocalCognito.POOL, "--endpoint",
            LocalCognito.emulator().endpoint().toString(), "--type-name", TYPE, "--out", out.toString()));
        args.addAll(List.of(more));
        return new Adopt(new PrintStream(printed, true, StandardCharsets.UTF_8), new PrintStream(errors, true,
            StandardCharsets.UTF_8)).run(args.toArray(String[]::new));
    }

    @Test
    void everyLinkMadeOutsideTheTypeIsWrittenRetainedWithPropertiesThatSatisfyTheSchema() throws IOException {
        assertThat(adopt()).as(errors.toString(StandardCharsets.UTF_8)).isZero();

        final JsonNode template = YAML.readTree(out.resolve("cloudformation/stack-01.yaml").toFile());
        final Map<String, JsonNode> byUser = new TreeMap<>();
        template.path("Resources").forEach(r -> byUser.merge(r.path("Properties").path("DestinationUser")
            .path("ProviderAttributeValue").asText() + "/"
            + r.path("Properties").path("SourceUser").path("ProviderName")
                .asText(),
            r, (a, b) -> a));
        assertThat(template.path("Resources").size()).isEqualTo(9);
        assertThat(byUser).containsOnlyKeys("alice/Google", "bob/CorpSAML", "carol/CorpOIDC", "dave/Facebook",
            "erin/Google", "erin/Facebook", "erin/LoginWithAmazon", "erin/SignInWithApple", "erin/CorpSAML");
        template.path("Resources").forEach(resource -> {
            assertThat(resource.path("Type").asText()).isEqualTo(TYPE);
            assertThat(resource.path("DeletionPolicy").asText()).isEqualTo("Retain");
            assertThat(resource.path("UpdateReplacePolicy").asText()).isEqualTo("Retain");
            assertThat(resource.path("Properties").path("UserPoolId").asText()).isEqualTo(LocalCognito.POOL);
            assertThat(resource.path("Properties").path("DestinationUser").path("ProviderName").asText()).isEqualTo("Cognito");
        });
        assertThat(attributeName(byUser.get("alice/Google"))).isEqualTo("Cognito_Subject");
        assertThat(attributeName(byUser.get("bob/CorpSAML"))).as("SAML linked by email").isEqualTo("email");
        assertThat(attributeName(byUser.get("carol/CorpOIDC"))).as("OIDC linked by subject").isEqualTo("Cognito_Subject");
        assertThat(Files.readString(out.resolve("adoption-report.md"))).contains("| Links found | 9 |", "| Google | 2 |",
            "| CorpSAML | 2 |");
        assertThat(printed.toString(StandardCharsets.UTF_8)).as("no identity value or username on the console")
            .doesNotContain("104578123456789012345", "bob@example.com", "erin");
    }

    @Test
    void eachImportDocumentNamesItsTemplatesLogicalIdsAndEachIdReadsBackThroughTheReadHandler() throws IOException {
        assertThat(adopt("--stack-size", "4")).isZero();

        final WrapperInvoker wrapper = LocalCognito.wrapper();
        int imported = 0;
        for (int stack = 1; stack <= 3; stack++) {
            final JsonNode template = YAML.readTree(out.resolve("cloudformation/stack-0" + stack + ".yaml").toFile());
            final JsonNode imports = JSON.readTree(out.resolve("cloudformation/stack-0" + stack + "-import.json").toFile());
            final List<String> logicalIds = new ArrayList<>();
            template.path("Resources").fieldNames().forEachRemaining(logicalIds::add);
            assertThat(imports.findValuesAsText("LogicalResourceId")).containsExactlyElementsOf(logicalIds);
            assertThat(imports.findValuesAsText("ResourceType")).containsOnly(TYPE);
            for (JsonNode entry : imports) {
                final ObjectNode identifier = JSON.createObjectNode().put("Id", entry.path("ResourceIdentifier").path("Id")
                    .asText());
                assertThat(wrapper.run("READ", identifier).status()).as(entry.toString()).isEqualTo("SUCCESS");
                imported++;
            }
        }
        assertThat(imported).isEqualTo(9);
        assertThat(out.resolve("cloudformation/stack-04.yaml")).doesNotExist();
    }

    @Test
    void aSecondRunWritesByteIdenticalFiles() throws IOException {
        assertThat(adopt()).isZero();
        final Map<String, byte[]> first = contents(out);

        assertThat(adopt()).isZero();

        final Map<String, byte[]> second = contents(out);
        assertThat(second.keySet()).isEqualTo(first.keySet());
        first.forEach((file, bytes) -> assertThat(second.get(file)).as(file).isEqualTo(bytes));
    }

    @Test
    void linksListedInTheExcludeFileAreLeftOutAndReportedWithTheReason() throws IOException {
        final String aliceId = LocalCognito.POOL + "|Cognito|alice|Google|104578123456789012345";
        final Path exclude = Files.createDirectories(out.resolveSibling("adopt-test-input")).resolve("managed.txt");
        Files.writeString(exclude, "# managed by stack links-main\n" + aliceId + "\n\n");

        assertThat(adopt("--exclude-ids", exclude.toString())).isZero();

        assertThat(Files.readString(out.resolve("cloudformation/stack-01-import.json"))).doesNotContain("|alice|");
        assertThat(Files.readString(out.resolve("terraform/links.tf"))).doesNotContain("104578123456789012345");
        assertThat(Files.readString(out.resolve("adoption-report.md"))).contains("| Links found | 9 |",
            "listed in --exclude-ids");
    }

    @Test
    void theAdoptedDeclarationDeletesTheLinkItWasMadeByWhenTheStackDeletesIt() throws IOException {
        assertThat(adopt()).isZero();
        final JsonNode template = YAML.readTree(out.resolve("cloudformation/stack-01.yaml").toFile());
        final JsonNode imports = JSON.readTree(out.resolve("cloudformation/stack-01-import.json").toFile());
        JsonNode samlByEmail = null;
        String id = null;
        for (JsonNode entry : imports) {
            final JsonNode resource = template.path("Resources").path(entry.path("LogicalResourceId").asText());
            if ("bob".equals(resource.path("Properties").path("DestinationUser").path("ProviderAttributeValue").asText())) {
                samlByEmail = resource.path("Properties");
                id = entry.path("ResourceIdentifier").path("Id").asText();
            }
        }
        final ObjectNode model = ((ObjectNode) samlByEmail.deepCopy()).put("Id", id);

        assertThat(LocalCognito.wrapper().run("DELETE", model).status()).isEqualTo("SUCCESS");

        assertThat(LocalCognito.pool().holdersOf("CorpSAML", "bob@example.com")).isEmpty();
        assertThat(LocalCognito.pool().linkCount()).isEqualTo(8);
    }

    @Test
    void aPoolWithEmailUsernamesIsDeclaredByTheUsernameCognitoStores() throws IOException {
        final List<String> args = List.of("--user-pool-id", EMAIL_POOL, "--endpoint", LocalCognito.emulator().endpoint()
            .toString(), "--type-name", TYPE, "--out", out.toString());

        assertThat(new Adopt(new PrintStream(printed, true, StandardCharsets.UTF_8), new PrintStream(errors, true,
            StandardCharsets.UTF_8)).run(args.toArray(String[]::new))).isZero();

        final JsonNode template = YAML.readTree(out.resolve("cloudformation/stack-01.yaml").toFile());
        final Iterator<JsonNode> resources = template.path("Resources").elements();
        assertThat(resources.next().path("Properties").path("DestinationUser").path("ProviderAttributeValue").asText())
            .isEqualTo("f0a1b2c3-0000-4000-8000-000000000001");
        assertThat(resources.hasNext()).isFalse();
    }

    @Test
    void wrongOptionsSayWhatToChangeAndReadNothing() throws IOException {
        final int mark = LocalCognito.emulator().requests().mark();

        assertThat(new Adopt(
            new PrintStream(printed, true, StandardCharsets.UTF_8), new PrintStream(errors, true, StandardCharsets.UTF_8))
            .run(new String[]{
                "--user-pool-id", "nope", "--endpoint", "http://127.0.0.1:1", "--type-name", TYPE, "--out", "x"}))
            .isEqualTo(2);
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("--user-pool-id must be a user pool ID");
        assertThat(adopt("--stack-size", "501")).isEqualTo(2);
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("--stack-size must be 1 to 500");
        assertThat(new Adopt(new PrintStream(printed, true, StandardCharsets.UTF_8),
            new PrintStream(errors, true, StandardCharsets.UTF_8)).run(
                new String[]{
                    "--user-pool-id", LocalCognito.POOL, "--type-name", "AWS::Cognito::Link", "--out", "x"}))
            .isEqualTo(2);
        assertThat(LocalCognito.emulator().requests().since(mark)).isEmpty();
        assertThat(out).doesNotExist();
    }

    @Test
    void aPreviousRunsFilesAreReplacedAndTheUsersOwnFilesAreLeftAlone() throws IOException {
        assertThat(adopt("--stack-size", "1")).isZero();
        assertThat(out.resolve("cloudformation/stack-09.yaml")).exists();
        final Path own = Files.writeString(out.resolve("cloudformation/notes.md"), "mine");

        assertThat(adopt()).isZero();

        assertThat(out.resolve("cloudformation/stack-09.yaml")).doesNotExist();
        assertThat(out.resolve("cloudformation/stack-01.yaml")).exists();
        assertThat(own).hasContent("mine");
    }

    private static String attributeName(final JsonNode resource) {
        return resource.path("Properties").path("SourceUser").path("ProviderAttributeName").asText();
    }

    private static Map<String, byte[]> contents(final Path folder) throws IOException {
        final Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }
}
