package com.custom.cognito.providerlink.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.ResourceModel;
import com.custom.cognito.providerlink.contract.LocalCognito;
import com.custom.cognito.providerlink.local.harness.WrapperInvoker;
import com.custom.cognito.providerlink.local.registry.TypeName;
import com.custom.cognito.providerlink.model.Translator;
import com.custom.cognito.providerlink.wrapper.InputErrors;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every example declares properties that the schema accepts, that the handlers accept, and that create a link
 * through the real wrapper against the emulator (seeded with what the example itself creates); and each declares
 * the dependencies the link needs.
 */
@ExtendWith(LocalCognito.class)
class ExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String POOL = LocalCognito.POOL;
    private static final String SUBJECT = "104578123456789012345";

    @Test
    void theCloudFormationTemplateDeclaresAValidLinkThatDependsOnItsProvider() throws IOException {
        final JsonNode template = CloudFormationYaml.read(Path.of("examples/cloudformation/provider-link.yaml"));
        final JsonNode resources = template.get("Resources");
        final List<String> links = new ArrayList<>();
        resources.fields().forEachRemaining(e -> {
            if (e.getValue().path("Type").asText().endsWith("::Cognito::ProviderLink")) {
                links.add(e.getKey());
            }
        });
        assertThat(links).containsExactly("AliceGoogleLink");
        final JsonNode link = resources.get("AliceGoogleLink");
        TypeName.parse(link.get("Type").asText());

        final ObjectNode properties = (ObjectNode) resolveCloudFormation(link.get("Properties"), template);

        assertValidAndCreatable(properties);
        final String provider = properties.at("/SourceUser/ProviderName").asText();
        assertThat(link.get("DependsOn").asText()).isEqualTo("GoogleProvider");
        assertThat(resources.at("/GoogleProvider/Properties/ProviderName").asText()).isEqualTo(provider);
        assertThat(resources.at("/GoogleProvider/Type").asText()).isEqualTo("AWS::Cognito::UserPoolIdentityProvider");
    }

    @Test
    void theTerraformExampleDeclaresAValidLinkThroughCloudControl() throws IOException {
        final String main = Files.readString(Path.of("examples/terraform/main.tf"));
        final Matcher typeName = Pattern.compile("variable \"type_name\" \\{[^}]*default\\s*=\\s*\"([^\"]+)\"",
            Pattern.DOTALL).matcher(main);
        assertThat(typeName.find()).isTrue();
        TypeName.parse(typeName.group(1));
        assertThat(main).contains("resource \"aws_cloudcontrolapi_resource\"", "type_name = var.type_name");

        final ObjectNode properties = ObjectLiteral.after(main, "jsonencode(", expression -> switch (expression) {
            case "aws_cognito_user_pool.pool.id" -> POOL;
            case "var.alice_google_subject" -> SUBJECT;
            default -> terraformAttribute(main, expression);
        });

        assertValidAndCreatable(properties);
        assertThat(main).as("the provider is referenced, so Terraform creates it first")
            .contains("ProviderName           = aws_cognito_identity_provider.google.provider_name");
    }

    @Test
    void theCdkExampleDeclaresAValidLinkOrderedAfterItsProviderByReference() throws IOException {
        // The stack, and the pool, provider, user and link properties it shares with the custom-resource stack.
        final String stack = Files.readString(Path.of("examples/cdk/lib/provider-link-stack.ts"))
            + Files.readString(Path.of("examples/cdk/lib/alice-google.ts"));
        final Matcher typeName = Pattern.compile("tryGetContext\\('providerLinkType'\\) \\?\\? '([^']+)'").matcher(stack);
        assertThat(typeName.find()).isTrue();
        TypeName.parse(typeName.group(1));

        final ObjectNode properties = ObjectLiteral.after(stack, "return {", expression -> Map.of(
            "pool.userPoolId", POOL,
            "google.providerName", "Google",
            "aliceGoogleSubject.valueAsString", SUBJECT,
            "alice.ref", cdkUsername(stack)).get(expression));

        assertValidAndCreatable(properties);
        assertThat(stack).as("the provider is referenced (a Ref orders the link after it), not repeated as a dependency")
            .contains("new cognito.UserPoolIdentityProviderGoogle(", "ProviderName: google.providerName,", "type: typeName")
            .doesNotContain("addDependency");
    }

    @Test
    void theCfnLintSchemaIsTheTypesSchemaUnderTheExampleName() throws IOException {
        final JSONObject lint = new JSONObject(
            Files.readString(Path.of("examples/cfn-lint/registry-schemas/acme-cognito-providerlink.json")));
        final JSONObject schema = new JSONObject(Files.readString(Path.of("custom-cognito-providerlink.json")));

        assertThat(lint.getString("typeName")).isEqualTo("Acme::Cognito::ProviderLink");
        lint.put("typeName", schema.getString("typeName"));
        assertThat(lint.similar(schema)).as("regenerate it: mvn -B -Pregistry -DskipTests package "
            + "-Dtype.name=Acme::Cognito::ProviderLink").isTrue();
    }

    /** The schema (as the wrapper validates), the handlers' own rules, and a real CREATE against the emulator. */
    private static void assertValidAndCreatable(final ObjectNode properties) throws IOException {
        new InputErrors().validateObject(new JSONObject(properties.toString()),
            new JSONObject(Files.readString(Path.of("custom-cognito-providerlink.json"))));
        Translator.toDeclaredLink(JSON.treeToValue(properties, ResourceModel.class));

        final WrapperInvoker.Event created = LocalCognito.wrapper().run("CREATE", properties);

        assertThat(created.status()).as(created.message()).isEqualTo("SUCCESS");
        assertThat(LocalCognito.pool().holdersOf("Google", SUBJECT)).extracting(u -> u.username()).containsExactly("alice");
    }

    /** Ref to a parameter gives its sample value; Ref to a pool its id; Ref to a user its Username. */
    private static JsonNode resolveCloudFormation(final JsonNode node, final JsonNode template) {
        if (node.isObject() && node.has("Ref")) {
            return JSON.getNodeFactory().textNode(ref(node.get("Ref").asText(), template));
        }
        if (node.isObject()) {
            final ObjectNode resolved = JSON.createObjectNode();
            node.fields().forEachRemaining(e -> resolved.set(e.getKey(), resolveCloudFormation(e.getValue(), template)));
            return resolved;
        }
        return node;
    }

    private static String ref(final String name, final JsonNode template) {
        if (template.path("Parameters").has(name)) {
            return name.equals("AliceGoogleSubject") ? SUBJECT : template.at("/Parameters/" + name + "/Default").asText();
        }
        final JsonNode resource = template.at("/Resources/" + name);
        return switch (resource.path("Type").asText()) {
            case "AWS::Cognito::UserPool" -> POOL;
            case "AWS::Cognito::UserPoolUser" -> resource.at("/Properties/Username").asText();
            default -> throw new IllegalArgumentException("the test does not resolve Ref " + name);
        };
    }

    /** {@code aws_cognito_user.alice.username}: the quoted value of that attribute in that resource's block. */
    private static String terraformAttribute(final String main, final String expression) {
        final String[] parts = expression.split("\\.");
        if (parts.length != 3) {
            return null;
        }
        final Matcher block = Pattern.compile("resource \"" + parts[0] + "\" \"" + parts[1]
            + "\" \\{(.*?)\\n}", Pattern.DOTALL).matcher(main);
        if (!block.find()) {
            return null;
        }
        final Matcher attribute = Pattern.compile("\\n\\s*" + parts[2] + "\\s*=\\s*\"([^\"]*)\"").matcher(block.group(1));
        return attribute.find() ? attribute.group(1) : null;
    }

    private static String cdkUsername(final String stack) {
        final Matcher username = Pattern.compile("new cognito.CfnUserPoolUser\\(scope, 'Alice', \\{.*?username: '([^']+)'",
            Pattern.DOTALL).matcher(stack);
        return username.find() ? username.group(1) : null;
    }
}
