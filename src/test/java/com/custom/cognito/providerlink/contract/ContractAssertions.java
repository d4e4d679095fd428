package com.custom.cognito.providerlink.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.local.harness.WrapperInvoker.Event;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.json.JSONObject;

/**
 * The checks {@code cfn test} makes on each handler response (cloudformation-cli {@code resource_client.py} and
 * {@code contract/suite/resource/}), including its input-equals-output rule and its time limits (60 s per
 * create or delete event, 30 s per read or list; asserted with headroom, not as the tests' purpose).
 */
public final class ContractAssertions {

    static final Duration MUTATION_LIMIT = Duration.ofSeconds(60);
    static final Duration READ_LIMIT = Duration.ofSeconds(30);
    private static final JSONObject SCHEMA;

    static {
        try {
            SCHEMA = new JSONObject(Files.readString(Path.of("custom-cognito-providerlink.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ContractAssertions() {
    }

    /** Every event of an operation: IN_PROGRESS ones carry the identifier, the last is SUCCESS, each within its limit. */
    public static Event assertSucceeded(final List<Event> events) {
        for (Event event : events) {
            assertWithinLimit(event);
            if (event.isInProgress()) {
                assertThat(event.model().path("Id").asText()).as("IN_PROGRESS events carry the primary identifier").isNotEmpty();
            }
        }
        final Event last = events.get(events.size() - 1);
        assertThat(last.status()).as(last.action() + ": " + last.message()).isEqualTo("SUCCESS");
        assertThat(last.errorCode()).isNull();
        assertThat(last.callbackDelaySeconds()).isZero();
        if ("DELETE".equals(last.action())) {
            assertThat(last.model()).as("a DELETE SUCCESS carries no model").isNull();
        } else if (!"LIST".equals(last.action())) {
            assertThat(last.model().path("Id").asText()).isNotEmpty();
            assertNoWriteOnlyProperties(last.model());
        }
        return last;
    }

    public static Event assertFailed(final List<Event> events, final String errorCode) {
        events.forEach(ContractAssertions::assertWithinLimit);
        final Event last = events.get(events.size() - 1);
        assertThat(last.status()).isEqualTo("FAILED");
        assertThat(last.errorCode()).as(last.message()).isEqualTo(errorCode);
        assertThat(last.callbackDelaySeconds()).isZero();
        assertThat(last.raw().has("resourceModels")).as("FAILED events carry no resourceModels").isFalse();
        assertThat(last.message()).isNotBlank().doesNotContain("\tat ").doesNotContain("Exception:");
        return last;
    }

    public static void assertWithinLimit(final Event event) {
        final Duration limit = "CREATE".equals(event.action()) || "DELETE".equals(event.action()) ? MUTATION_LIMIT : READ_LIMIT;
        assertThat(event.took()).as(event.action() + " event time").isLessThan(limit);
    }

    public static void assertNoWriteOnlyProperties(final JsonNode model) {
        for (Object pointer : SCHEMA.getJSONArray("writeOnlyProperties")) {
            assertThat(model.at(pointer.toString().replace("/properties", "")).isMissingNode()).as(pointer.toString()).isTrue();
        }
    }

    /**
     * cfn test's {@code test_input_equals_output}: drop read-only and write-only properties from the input, read-only
     * ones from the output, and create-only ones the input lacks from the output; then the two must be equal, strings
     * exactly.
     */
    public static void assertInputEqualsOutput(final JsonNode input, final JsonNode output) {
        final ObjectNode expected = input.deepCopy();
        final ObjectNode actual = output.deepCopy();
        for (String pointer : pointers("readOnlyProperties")) {
            remove(expected, pointer);
            remove(actual, pointer);
        }
        pointers("writeOnlyProperties").forEach(pointer -> remove(expected, pointer));
        for (String pointer : pointers("createOnlyProperties")) {
            if (expected.at(pointer.replace("/properties", "")).isMissingNode()) {
                remove(actual, pointer);
            }
        }
        assertThat(actual).isEqualTo(expected);
    }

    private static List<String> pointers(final String key) {
        final List<String> pointers = new ArrayList<>();
        SCHEMA.getJSONArray(key).forEach(p -> pointers.add(p.toString()));
        return pointers;
    }

    private static void remove(final ObjectNode model, final String pointer) {
        final String path = pointer.replace("/properties", "");
        final int last = path.lastIndexOf('/');
        final JsonNode parent = last == 0 ? model : model.at(path.substring(0, last));
        if (parent instanceof ObjectNode) {
            ((ObjectNode) parent).remove(path.substring(last + 1));
        }
    }
}
