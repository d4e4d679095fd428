package com.custom.cognito.providerlink.customresource;

import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.cognito.ClientBuilder;
import com.custom.cognito.providerlink.cognito.CognitoAction;
import com.custom.cognito.providerlink.contract.LocalCognito;
import com.custom.cognito.providerlink.handlers.HandlerTable;
import com.custom.cognito.providerlink.local.customresource.CustomResourceEvents;
import com.custom.cognito.providerlink.local.customresource.ResponseUrlServer;
import com.custom.cognito.providerlink.local.harness.LocalContext;
import com.custom.cognito.providerlink.local.registry.RegistryProject;
import com.custom.cognito.providerlink.registry.CloudFormationYaml;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.cloudformation.Action;

/**
 * {@code examples/custom-resource}: the function's role allows exactly the Cognito actions the handlers it runs call,
 * on the pools given, and the sample stack's link is one the custom-resource entry point creates.
 */
@ExtendWith(LocalCognito.class)
class CustomResourceExamplesTest {

    private static final Path EXAMPLES = Path.of("examples", "custom-resource");

    @Test
    void theFunctionsRoleAllowsExactlyTheCognitoActionsOfCreateReadAndDeleteOnTheGivenPools() throws IOException {
        final JsonNode template = CloudFormationYaml.read(EXAMPLES.resolve("function.yaml"));
        final JsonNode statements = template.at("/Resources/Role/Properties/Policies/0/PolicyDocument/Statement");
        final JsonNode cognito = Stream.of(statements.get(0), statements.get(1)).filter(s -> s.path("Action").get(0).asText()
            .startsWith("cognito-idp:")).findFirst().orElseThrow();
        final Set<String> allowed = new TreeSet<>();
        cognito.path("Action").forEach(a -> allowed.add(a.asText()));
        final HandlerTable dispatch = new HandlerTable(new ClientBuilder());
        final Set<String> needed = new TreeSet<>();
        for (Action action : List.of(Action.CREATE, Action.READ, Action.DELETE)) {
            dispatch.actionsOf(action).stream().map(CognitoAction::iamName).forEach(needed::add);
        }

        assertThat(allowed).isEqualTo(needed);
        assertThat(cognito.at("/Resource/Ref").asText()).isEqualTo("UserPoolArns");
        final JsonNode function = template.at("/Resources/Function/Properties");
        assertThat(function.path("Handler").asText()).isEqualTo(CustomResourceHandler.class.getName() + "::handleRequest");
        assertThat(RegistryProject.RUNTIMES).contains(function.path("Runtime").asText());
        assertThat(function.at("/LoggingConfig/LogGroup/Ref").asText()).isEqualTo("LogGroup");
        assertThat(template.at("/Resources/LogGroup/Properties/RetentionInDays/Ref").asText()).isEqualTo("LogRetentionInDays");
    }

    @Test
    void theSampleStacksLinkIsCreatedByTheCustomResourceEntryPoint() throws IOException {
        final JsonNode template = CloudFormationYaml.read(EXAMPLES.resolve("provider-link.yaml"));
        final JsonNode link = template.at("/Resources/AliceGoogleLink");
        assertThat(link.path("Type").asText()).isEqualTo(CustomResourceEvents.TYPE);
        assertThat(link.path("DependsOn").asText()).isEqualTo("GoogleProvider");
        final ObjectNode properties = ((ObjectNode) link.path("Properties")).deepCopy();
        properties.remove("ServiceToken");
        properties.put("UserPoolId", LocalCognito.POOL);
        ((ObjectNode) properties.get("SourceUser")).put("ProviderAttributeValue", "104578123456789012345");
        ((ObjectNode) properties.get("DestinationUser")).put("ProviderAttributeValue",
            template.at("/Resources/AliceUser/Properties/Username").asText());
        System.setProperty("aws.accessKeyId", "AKIAFUNCTIONKEY00001");
        System.setProperty("aws.secretAccessKey", "function-secret");
        try (ResponseUrlServer urls = ResponseUrlServer.start()) {
            final URI url = urls.newUrl();
            final ByteArrayOutputStream output = new ByteArrayOutputStream();
            new CustomResourceHandler(ClientBuilder.at(LocalCognito.emulator().endpoint()), new ResponseUrl(ResponseUrl.client(),
                waited -> {
                }, Duration.ofSeconds(5)), waited -> {
                }, CustomResourceHandler.Budget.STANDARD, urls.prefix(),
                Executors.newSingleThreadExecutor()).handleRequest(
                    new ByteArrayInputStream(CustomResourceEvents.create(url,
                        properties).toString().getBytes(StandardCharsets.UTF_8)),
                    output, new LocalContext(false, 60_000));

            assertThat(urls.putsTo(url).get(0).json().path("Status").asText()).isEqualTo("SUCCESS");
            assertThat(LocalCognito.pool().holdersOf("Google", "104578123456789012345")).extracting(u -> u.username())
                .containsExactly("alice");
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }

}
