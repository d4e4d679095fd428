package com.custom.cognito.providerlink.wrapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.json.JSONObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.cloudformation.resource.exceptions.ValidationException;

class InputErrorsTest {

    private static JSONObject schema;
    private final InputErrors validator = new InputErrors();

    @BeforeAll
    static void loadSchema() throws IOException {
        schema = new JSONObject(Files.readString(Path.of("custom-cognito-providerlink.json")));
    }

    private String problems(final String properties) {
        final ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class,
            () -> validator.validateObject(new JSONObject(properties), schema));
        assertThat(e.getCausingExceptions()).as("one flat message, no nested summaries").isEmpty();
        return e.getMessage();
    }

    @Test
    void nestedViolationsAreEachNamedByTheTemplatesPropertyPathWithTheFix() {
        final String message = problems("{\"UserPoolId\":\"bad "
            + "pool\",\"SourceUser\":{\"ProviderName\":\"Google\",\"ProviderAttributeValue\":\"x\\u0000\","
            + "\"ProviderAttributeName\":5},\"DestinationUser\":{\"ProviderName\":\"Cognito\",\"ProviderAttributeValue\":\"\","
            + "\"Q\":1}}");

        assertThat(message).startsWith("6 problems: ")
            .contains("UserPoolId: must be a user pool ID: the Region, an underscore, then letters and digits, e.g. "
                + "us-east-1_EXAMPLE")
            .contains("SourceUser.ProviderAttributeName: must be a string, not a number")
            .contains("SourceUser.ProviderAttributeValue: must be printable characters only")
            .contains("DestinationUser.Q: is not a property here: remove it (allowed: ProviderName, ProviderAttributeValue, "
                + "ProviderAttributeName)")
            .contains("DestinationUser.ProviderAttributeValue: must not be empty")
            .doesNotContain("bad pool").doesNotContain("#/");
    }

    @Test
    void aMissingPropertyIsNamedWithWhatToSetItTo() {
        assertThat(problems("{\"UserPoolId\":\"us-east-1_X\",\"DestinationUser\":{\"ProviderName\":\"Cognito\","
            + "\"ProviderAttributeValue\":\"a\"}}"))
            .isEqualTo("SourceUser: is required: set it to the external identity to link, with ProviderName, "
                + "ProviderAttributeName and ProviderAttributeValue.");
    }

    @Test
    void anOverlongValueSaysTheLimit() {
        assertThat(problems("{\"UserPoolId\":\"us-east-1_" + "a".repeat(60)
            + "\",\"SourceUser\":{\"ProviderName\":\"Google\",\"ProviderAttributeName\":"
            + "\"Cognito_Subject\",\"ProviderAttributeValue\":\"1\"},\"DestinationUser\":{\"ProviderName\":\"Cognito\","
            + "\"ProviderAttributeValue\":\"a\"}}"))
            .startsWith("UserPoolId: must be at most 55 characters long");
    }

    @Test
    void aValidModelPasses() {
        validator.validateObject(new JSONObject(
            "{\"UserPoolId\":\"us-east-1_X\",\"SourceUser\":{\"ProviderName\":\"Google\",\"ProviderAttributeName\":"
                + "\"Cognito_Subject\",\"ProviderAttributeValue\":\"1\"},\"DestinationUser\":{\"ProviderName\":\"Cognito\","
                + "\"ProviderAttributeValue\":\"a\"}}"),
            schema);
    }

    @Test
    void aCharacterThePortableSchemaPatternLetsThroughIsNamedBesideTheSchemasOwnProblems() {
        assertThatThrownBy(() -> validator.validateObject(
            new JSONObject("{\"SourceUser\":{\"ProviderName\":\"Goo\u200bgle\",\"ProviderAttributeName\":"
                + "\"Cognito_Subject\",\"ProviderAttributeValue\":\"1\"},\"DestinationUser\":{\"ProviderName\":\"Cognito\","
                + "\"ProviderAttributeValue\":\"a\"}}"),
            schema))
            .isInstanceOf(ValidationException.class)
            .hasMessageStartingWith("2 problems: UserPoolId: is required")
            .hasMessageContaining("| SourceUser.ProviderName: must be printable characters only");
    }

    @Test
    void theWrappersUnknownKeyMessageBecomesAListOfTheRealProperties() {
        assertThat(InputErrors.explainWrapperMessage("Model validation failed (#: extraneous key [Tags] is not permitted)",
            schema))
            .startsWith("Invalid properties: Tags is not a property of Custom::Cognito::ProviderLink").contains("UserPoolId, "
                + "SourceUser (");
        assertThat(InputErrors.explainWrapperMessage("Model validation failed (UserPoolId: must be short)", schema))
            .isEqualTo("Invalid properties: UserPoolId: must be short");
        assertThat(InputErrors.explainWrapperMessage("SourceUser.ProviderName: is Cognito",
            schema)).isEqualTo("SourceUser.ProviderName: is Cognito");
    }

    @Test
    void listHandlerSchemaChecksAreDelegated() {
        assertThat(validator.getListHandlerSchema(schema)).isNotNull();
        assertThatThrownBy(() -> validator.validateObjectByListHandlerSchema(new JSONObject("{}"),
            schema)).hasMessageContaining("required key [UserPoolId]");
        validator.validateObjectByListHandlerSchema(new JSONObject("{\"UserPoolId\":\"us-east-1_X\"}"), schema);
    }
}
