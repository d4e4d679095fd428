package com.custom.cognito.providerlink.wrapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.custom.cognito.providerlink.HandlerWrapper;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.json.JSONObject;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.cloudformation.AbstractWrapper;
import software.amazon.cloudformation.resource.Validator;
import software.amazon.cloudformation.resource.exceptions.ValidationException;

class InputErrorsTest {

    private static JSONObject schema;
    private final InputErrors validator = new InputErrors();

    @BeforeAll
    static void loadSchema() throws IOException {
        schema = new JSONObject(Files.readString(Path.of("custom-cognito-providerlink.json")));
    }

    private String problems(final String properties) {
        final ValidationException e = Assertions.assertThrows(ValidationException.class,
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
    void theUnknownKeyMessageListsExactlyTheSchemasSettablePropertiesRequiredFirst() {
        assertThat(InputErrors.explainWrapperMessage("Model validation failed (#: extraneous key [Colour] is not permitted)",
            schema)).endsWith("Properties: UserPoolId, SourceUser (ProviderName, ProviderAttributeName, ProviderAttributeValue),"
                + " DestinationUser (ProviderName, ProviderAttributeValue, ProviderAttributeName).")
            .doesNotContain("DestinationUsername").doesNotContain(" Id,").doesNotContain(", Id");
    }

    /**
     * The texts this class reads are written by the libraries the plugin brings: aws-cloudformation-rpdk-java-plugin
     * 2.2.5 (the wrapper's "Model validation failed (...)" and "#: extraneous key [X] is not permitted") and everit
     * json-schema 1.14.1 through aws-cloudformation-resource-schema 2.0.10 (the violations). Produced here by those
     * libraries themselves: an upgrade that changes a text fails here first.
     */
    @Test
    void theMessagesOfEverit1_14_1ThroughResourceSchema2_0_10AreReadAsTheyAreWritten() {
        final List<String> raw = new ArrayList<>();
        try {
            new Validator().validateObject(new JSONObject("{\"SourceUser\":{\"ProviderName\":5,\"Q\":1,"
                + "\"ProviderAttributeName\":\"Cognito_Subject\",\"ProviderAttributeValue\":\"1\"}}"), schema);
        } catch (ValidationException e) {
            e.getCausingExceptions().forEach(cause -> collect(cause, raw));
        }

        assertThat(raw).anyMatch(m -> m.matches(".*required key \\[DestinationUser] not found.*"))
            .anyMatch(m -> m.matches(".*extraneous key \\[Q] is not permitted.*"))
            .anyMatch(m -> m.matches(".*expected type: String, found: Integer.*"));
    }

    @Test
    void theWrapperOfPlugin2_2_5ReportsAnUnknownKeyInTheFormThisClassReads() throws Exception {
        final Method validate = AbstractWrapper.class.getDeclaredMethod(
            "validateModel", JSONObject.class);
        validate.setAccessible(true);
        final HandlerWrapper wrapper = new HandlerWrapper();

        assertThatThrownBy(() -> {
            try {
                validate.invoke(wrapper, new JSONObject("{\"Colour\":\"blue\"}"));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }).isInstanceOf(ValidationException.class).hasMessage("#: extraneous key [Colour] is not permitted");
    }

    private static void collect(final ValidationException e, final List<String> into) {
        if (e.getCausingExceptions().isEmpty()) {
            into.add(e.getMessage());
        }
        e.getCausingExceptions().forEach(cause -> collect(cause, into));
    }

    @Test
    void listHandlerSchemaChecksAreDelegated() {
        assertThat(validator.getListHandlerSchema(schema)).isNotNull();
        assertThatThrownBy(() -> validator.validateObjectByListHandlerSchema(new JSONObject("{}"),
            schema)).hasMessageContaining("required key [UserPoolId]");
        validator.validateObjectByListHandlerSchema(new JSONObject("{\"UserPoolId\":\"us-east-1_X\"}"), schema);
    }
}
