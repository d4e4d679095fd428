package com.custom.cognito.providerlink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import software.amazon.cloudformation.resource.Serializer;

/** The model classes are written by hand: this keeps them exactly what {@code cfn generate} would write from the schema. */
class ResourceModelTest {

    private static final Map<String, Class<?>> DEFINITIONS = Map.of("SourceUser", SourceUser.class, "DestinationUser",
        DestinationUser.class);

    private final JSONObject schema;

    ResourceModelTest() throws IOException {
        schema = new JSONObject(Files.readString(Path.of("custom-cognito-providerlink.json")));
    }

    @Test
    void theResourceModelHasExactlyTheSchemasPropertiesWithTheGeneratorsTypes() {
        assertThat(jsonProperties(ResourceModel.class)).isEqualTo(Map.of("Id", String.class, "UserPoolId", String.class,
            "SourceUser", SourceUser.class, "DestinationUser", DestinationUser.class, "DestinationUsername", String.class));
        assertThat(jsonProperties(ResourceModel.class).keySet()).isEqualTo(schema.getJSONObject("properties").keySet());
        assertThat(ResourceModel.TYPE_NAME).isEqualTo(schema.getString("typeName"));
        assertThat(ResourceModel.IDENTIFIER_KEY_ID).isEqualTo(schema.getJSONArray("primaryIdentifier").getString(0));
    }

    @Test
    void eachDefinitionHasAClassWithExactlyItsProperties() {
        assertThat(schema.getJSONObject("definitions").keySet()).isEqualTo(DEFINITIONS.keySet());
        DEFINITIONS.forEach((name, type) -> {
            final Map<String, Class<?>> fields = jsonProperties(type);
            assertThat(fields.keySet()).as(name).isEqualTo(schema.getJSONObject("definitions").getJSONObject(name)
                .getJSONObject("properties").keySet());
            assertThat(fields.values()).as(name).containsOnly(String.class);
        });
    }

    @Test
    void thePrimaryIdentifierIsAvailableOnlyOnceTheIdIs() {
        assertThat(ResourceModel.builder().userPoolId("p_1").build().getPrimaryIdentifier()).isNull();
        assertThat(ResourceModel.builder().id("x").build().getPrimaryIdentifier().getString("/properties/Id")).isEqualTo("x");
        assertThat(ResourceModel.builder().build().getAdditionalIdentifiers()).isNull();
    }

    @Test
    void thePluginsSerializerWritesTheSchemasNamesAndOmitsNulls() throws IOException {
        final String json = new Serializer().serialize(ResourceModel.builder().id("x")
            .sourceUser(SourceUser.builder().providerName("Google").build()).build());

        assertThat(new JSONObject(json).similar(new JSONObject("{\"Id\":\"x\",\"SourceUser\":{\"ProviderName\":\"Google\"}}")))
            .isTrue();
    }

    private static Map<String, Class<?>> jsonProperties(final Class<?> type) {
        return Arrays.stream(type.getDeclaredFields())
            .filter(f -> !Modifier.isStatic(f.getModifiers()))
            .collect(Collectors.toMap(f -> f.getAnnotation(JsonProperty.class).value(), Field::getType));
    }
}
