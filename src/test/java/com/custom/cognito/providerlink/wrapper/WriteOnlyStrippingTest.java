package com.custom.cognito.providerlink.wrapper;

import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.Configuration;
import com.custom.cognito.providerlink.DestinationUser;
import com.custom.cognito.providerlink.ResourceModel;
import com.custom.cognito.providerlink.SourceUser;
import java.io.IOException;
import java.util.List;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import software.amazon.cloudformation.resource.ResourceTypeSchema;
import software.amazon.cloudformation.resource.Serializer;

/**
 * The model every entry point answers with, stripped of write-only properties without the plugin's
 * {@code ResourceTypeSchema} (which validates the schema against the meta-schema on every cold start): the same
 * output as the plugin's {@code sanitizeModel}, for every shape a handler answers with.
 */
class WriteOnlyStrippingTest {

    private static final Serializer SERIALIZER = new Serializer();
    private final EntryPoint entryPoint = new EntryPoint(new Configuration());

    private static ResourceModel pluginSanitized(final ResourceModel model, final JSONObject schema) throws IOException {
        final JSONObject object = new JSONObject(SERIALIZER.serialize(model));
        ResourceTypeSchema.load(schema).removeWriteOnlyProperties(object);
        return SERIALIZER.deserializeStrict(object.toString(), EntryPoint.MODEL_REFERENCE);
    }

    private static List<ResourceModel> answers() {
        final SourceUser source = SourceUser.builder().providerName("CorpSAML").providerAttributeName("email")
            .providerAttributeValue("carol@example.com").build();
        final DestinationUser destination = DestinationUser.builder().providerName("Cognito").providerAttributeName("ignored")
            .providerAttributeValue("carol").build();
        final ResourceModel full = ResourceModel.builder().id("us-east-1_X|Cognito|carol|CorpSAML|carol@example.com")
            .userPoolId("us-east-1_X").sourceUser(source).destinationUser(destination).destinationUsername("carol").build();
        return List.of(full,
            full.toBuilder().sourceUser(null).build(),
            full.toBuilder().destinationUser(null).build(),
            full.toBuilder().sourceUser(SourceUser.builder().providerName("Google").providerAttributeValue("1").build())
                .destinationUser(DestinationUser.builder().providerName("Cognito").build()).build(),
            ResourceModel.builder().id("us-east-1_X|Cognito|carol|Google|1").build(),
            ResourceModel.builder().build());
    }

    @Test
    void everyAnswerIsStrippedExactlyAsThePluginStripsIt() throws IOException {
        for (ResourceModel answer : answers()) {
            assertThat(entryPoint.withoutWriteOnlyProperties(answer, SERIALIZER)).as(answer.toString())
                .isEqualTo(pluginSanitized(answer, entryPoint.resourceSchema()));
        }
    }

    @Test
    void theWriteOnlyPropertiesAreGoneAndEverythingElseStays() throws IOException {
        final ResourceModel stripped = entryPoint.withoutWriteOnlyProperties(answers().get(0), SERIALIZER);

        assertThat(stripped.getSourceUser().getProviderAttributeName()).isNull();
        assertThat(stripped.getDestinationUser().getProviderAttributeName()).isNull();
        assertThat(stripped.getDestinationUser().getProviderAttributeValue()).isNull();
        assertThat(stripped.getSourceUser().getProviderAttributeValue()).isEqualTo("carol@example.com");
        assertThat(stripped.getDestinationUsername()).isEqualTo("carol");
        assertThat(stripped.getId()).isEqualTo(answers().get(0).getId());
        assertThat(entryPoint.withoutWriteOnlyProperties(null, SERIALIZER)).isNull();
    }
}
