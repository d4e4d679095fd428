package com.custom.cognito.providerlink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.everit.json.schema.JSONPointer;
import org.json.JSONObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.cloudformation.resource.ResourceTypeSchema;

/** The schema is what the registry, cfn-lint, Cloud Control and Terraform read: it is checked like code. */
class ResourceSchemaTest {

    private JSONObject schema;

    @BeforeEach
    void load() throws IOException {
        schema = new JSONObject(Files.readString(Path.of("custom-cognito-providerlink.json")));
    }

    @Test
    void theSchemaPassesTheRegistryMetaSchema() {
        final ResourceTypeSchema loaded = ResourceTypeSchema.load(schema);

        assertThat(loaded.getTypeName()).isEqualTo("Custom::Cognito::ProviderLink");
        assertThat(pointers(loaded.getPrimaryIdentifier())).containsExactly("/properties/Id");
        assertThat(pointers(loaded.getReadOnlyProperties())).containsExactly("/properties/Id", "/properties/DestinationUsername");
        assertThat(pointers(loaded.getWriteOnlyProperties())).as("what Cognito does not store, and the destination as the "
            + "template wrote it")
            .containsExactlyInAnyOrder("/properties/SourceUser/ProviderAttributeName",
                "/properties/DestinationUser/ProviderAttributeName",
                "/properties/DestinationUser/ProviderAttributeValue");
    }

    @Test
    void theSchemaOnTheClasspathIsTheOneAtTheProjectRoot() {
        assertThat(new Configuration().resourceSchemaJSONObject().similar(schema)).isTrue();
    }

    @Test
    void everyWritablePropertyAtEveryDepthIsCreateOnlySoAChangeReplacesTheLink() {
        final Set<String> writable = new TreeSet<>(propertyPaths(schema.getJSONObject("properties"), "/properties"));
        writable.removeAll(list("readOnlyProperties"));

        assertThat(list("createOnlyProperties")).containsExactlyInAnyOrderElementsOf(writable);
        assertThat(schema.getString("replacementStrategy")).isEqualTo("delete_then_create");
    }

    @Test
    void theHandlersAreCreateReadDeleteAndListEachWithPermissions() {
        final JSONObject handlers = schema.getJSONObject("handlers");

        assertThat(handlers.keySet()).containsExactlyInAnyOrder("create", "read", "delete", "list");
        for (String handler : handlers.keySet()) {
            assertThat(handlers.getJSONObject(handler).getJSONArray("permissions").toList()).as(handler).isNotEmpty()
                .allSatisfy(p -> assertThat(p.toString()).startsWith("cognito-idp:"));
        }
        assertThat(handlers.getJSONObject("read").getJSONArray("permissions").toList())
            .containsExactly("cognito-idp:AdminGetUser");
        assertThat(handlers.getJSONObject("list").getJSONArray("permissions").toList()).containsExactly("cognito-idp:ListUsers");
        assertThat(handlers.getJSONObject("list").getJSONObject("handlerSchema").getJSONArray("required").toList())
            .containsExactly("UserPoolId");
    }

    @Test
    void everyObjectForbidsUnknownKeysAndEveryPropertyIsDescribed() {
        final List<JSONObject> objects = new ArrayList<>(List.of(schema));
        schema.getJSONObject("definitions").keySet()
            .forEach(name -> objects.add(schema.getJSONObject("definitions").getJSONObject(name)));
        for (JSONObject object : objects) {
            assertThat(object.getBoolean("additionalProperties")).isFalse();
            assertThat(object.getString("description")).hasSizeGreaterThan(30);
            final JSONObject properties = object.getJSONObject("properties");
            for (String name : properties.keySet()) {
                assertThat(properties.getJSONObject(name).optString("description")).as(name).hasSizeGreaterThan(30);
            }
        }
        assertThat(schema.getJSONObject("tagging").getBoolean("taggable")).isFalse();
    }

    @Test
    void stringFieldsCarryTheServiceModelsBounds() {
        final JSONObject pool = schema.getJSONObject("properties").getJSONObject("UserPoolId");
        assertThat(pool.getString("pattern")).as("UserPoolIdType's pattern, with \\w spelt out: Python's \\w also matches "
            + "non-ASCII letters")
            .isEqualTo("^[a-zA-Z0-9_-]+_[0-9a-zA-Z]+$");
        assertThat(pool.getInt("maxLength")).isEqualTo(55);
        final JSONObject destination = schema.getJSONObject("definitions").getJSONObject("DestinationUser")
            .getJSONObject("properties");
        assertThat(destination.getJSONObject("ProviderAttributeValue").getInt("maxLength")).as("UsernameType").isEqualTo(128);
        assertThat(destination.getJSONObject("ProviderName").getInt("maxLength")).as("ProviderNameType").isEqualTo(32);
        for (String definition : List.of("SourceUser", "DestinationUser")) {
            final JSONObject properties = schema.getJSONObject("definitions").getJSONObject(definition)
                .getJSONObject("properties");
            for (String name : properties.keySet()) {
                assertThat(properties.getJSONObject(name).keySet()).as(definition + "."
                    + name).contains("minLength", "maxLength", "pattern");
            }
        }
    }

    private static List<String> pointers(final Collection<JSONPointer> pointers) {
        return pointers.stream().map(JSONPointer::toString).collect(Collectors.toList());
    }

    private Set<String> list(final String key) {
        final Set<String> values = new TreeSet<>();
        schema.getJSONArray(key).forEach(v -> values.add(v.toString()));
        return values;
    }

    private List<String> propertyPaths(final JSONObject properties, final String prefix) {
        final List<String> paths = new ArrayList<>();
        for (String name : properties.keySet()) {
            JSONObject node = properties.getJSONObject(name);
            paths.add(prefix + "/" + name);
            if (node.has("$ref")) {
                node = schema.getJSONObject("definitions").getJSONObject(node.getString("$ref")
                    .substring("#/definitions/".length()));
            }
            if (node.has("properties")) {
                paths.addAll(propertyPaths(node.getJSONObject("properties"), prefix + "/" + name));
            }
        }
        return paths;
    }

}
