package com.custom.cognito.providerlink.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.local.emulator.CognitoEmulator;
import com.custom.cognito.providerlink.local.harness.WrapperInvoker;
import com.custom.cognito.providerlink.local.harness.WrapperInvoker.Event;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Malformed property sets through the real wrapper (CREATE, as CloudFormation sends it): missing and null required
 * properties, wrong JSON types, unknown keys, empty and over-long strings, characters outside each pattern (controls,
 * format and private-use characters, lone surrogates, whitespace where none is allowed), and the rules the handlers
 * add (no native source, subject-only social providers). Every answer must be a well-formed FAILED InvalidRequest
 * whose message names each broken property, and Cognito must not have been called at all.
 */
class InputFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A schema string field: its dotted path, whether it is required, its maximum length, and whether spaces are allowed. */
    private record Field(String path, boolean required, int maxLength, boolean spaces, boolean poolId) {
    }

    private static final List<Field> STRINGS = List.of(
        new Field("UserPoolId", true, 55, false, true),
        new Field("SourceUser.ProviderName", true, 32, true, false),
        new Field("SourceUser.ProviderAttributeName", true, 32, false, false),
        new Field("SourceUser.ProviderAttributeValue", true, 2048, true, false),
        new Field("DestinationUser.ProviderName", true, 32, true, false),
        new Field("DestinationUser.ProviderAttributeValue", true, 128, false, false),
        new Field("DestinationUser.ProviderAttributeName", false, 32, false, false));
    private static final List<String> OBJECTS = List.of("SourceUser", "DestinationUser");
    private static final Set<String> KNOWN_KEYS = Set.of("id", "userpoolid", "sourceuser", "destinationuser", "providername",
        "providerattributename", "providerattributevalue");

    /** One change to a valid property set; {@code names} is what the message must mention. */
    record Mutation(String path, String kind, JsonNode value, String names) {

        boolean isUnknownKey() {
            return kind.equals("unknown key");
        }

        boolean isSemantic() {
            return kind.startsWith("rule:");
        }
    }

    private WrapperInvoker wrapper;
    private CognitoEmulator cognito;

    @BeforeProperty
    void start() {
        cognito = LocalCognito.emulator();
        cognito.reset();
        wrapper = LocalCognito.wrapper();
    }

    @Property(tries = 1000, seed = "20261126")
    void everyMalformedPropertySetIsAWellFormedInvalidRequestNamingTheFieldWithNoCognitoCall(
        @ForAll("malformedPropertySets") final List<Mutation> mutations) {

        final ObjectNode properties = valid();
        mutations.forEach(m -> apply(properties, m));
        final int mark = cognito.requests().mark();

        final Event event = wrapper.invokeOnce("CREATE", properties, null, null, null);

        assertThat(event.status()).as(describe(mutations, event)).isEqualTo("FAILED");
        assertThat(event.errorCode()).as(describe(mutations, event)).isEqualTo("InvalidRequest");
        assertThat(event.callbackDelaySeconds()).isZero();
        assertThat(event.model()).isNull();
        assertThat(event.raw().has("resourceModels")).isFalse();
        assertThat(event.message()).as(describe(mutations, event)).isNotBlank()
            .doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("#/");
        for (String name : expectedNames(mutations)) {
            assertThat(event.message()).as(describe(mutations, event)).contains(name);
        }
        assertThat(cognito.requests().since(mark)).as("no Cognito call, let alone a write").isEmpty();
    }

    /** An unknown key stops the wrapper before validation, so it alone is reported; otherwise every schema violation is. */
    private static List<String> expectedNames(final List<Mutation> mutations) {
        final List<Mutation> unknown = mutations.stream().filter(Mutation::isUnknownKey).collect(Collectors.toList());
        if (!unknown.isEmpty()) {
            return List.of(unknown.get(0).names());
        }
        final List<Mutation> schema = mutations.stream().filter(m -> !m.isSemantic()).collect(Collectors.toList());
        return (schema.isEmpty() ? mutations : schema).stream().map(Mutation::names).collect(Collectors.toList());
    }

    @Provide
    Arbitrary<List<Mutation>> malformedPropertySets() {
        return mutation().list().ofMinSize(1).ofMaxSize(3)
            .filter(InputFuzzTest::independent)
            .filter(list -> list.stream().filter(Mutation::isUnknownKey).count() <= 1)
            .filter(list -> list.stream().filter(Mutation::isSemantic).count() <= 1);
    }

    /** No two mutations touch the same property or one inside the other. */
    private static boolean independent(final List<Mutation> mutations) {
        for (Mutation a : mutations) {
            for (Mutation b : mutations) {
                if (a != b && (a.path().equals(b.path()) || a.path().startsWith(b.path() + ".") || b.path().startsWith(a.path()
                    + ".")
                    || (a.isSemantic() && b.path().startsWith("SourceUser")) || (b.isSemantic()
                        && a.path().startsWith("SourceUser")))) {
                    return false;
                }
            }
        }
        return true;
    }

    private Arbitrary<Mutation> mutation() {
        return Arbitraries.frequencyOf(
            Tuple.of(4, Arbitraries.of(STRINGS).flatMap(InputFuzzTest::stringMutation)),
            Tuple.of(1, Arbitraries.of(OBJECTS).flatMap(InputFuzzTest::objectMutation)),
            Tuple.of(1, unknownKey()),
            Tuple.of(1, Arbitraries.of(
                new Mutation("SourceUser.ProviderName", "rule: native source", JSON.getNodeFactory().textNode("Cognito"),
                    "SourceUser.ProviderName"),
                new Mutation("SourceUser.ProviderAttributeName", "rule: social by email", JSON.getNodeFactory().textNode("email"),
                    "SourceUser.ProviderAttributeName"))));
    }

    private static Arbitrary<Mutation> stringMutation(final Field field) {
        final List<Arbitrary<Mutation>> kinds = new ArrayList<>();
        if (field.required()) {
            kinds.add(Arbitraries.just(new Mutation(field.path(), "missing", null, field.path())));
            kinds.add(Arbitraries.just(new Mutation(field.path(), "null", JSON.nullNode(), field.path())));
        }
        kinds.add(Arbitraries.of(JSON.createObjectNode(), JSON.createArrayNode(), JSON.createArrayNode().add("x"),
            JSON.createObjectNode().put("Value", "x")).map(v -> new Mutation(field.path(), "wrong type", v, field.path())));
        kinds.add(Arbitraries.just(new Mutation(field.path(), "empty", JSON.getNodeFactory().textNode(""), field.path())));
        kinds.add(Arbitraries.integers().between(1, 300).map(extra -> new Mutation(field.path(), "too long",
            JSON.getNodeFactory().textNode((field.poolId() ? "us-east-1_" : "") + "a".repeat(field.maxLength()
                + extra)),
            field.path())));
        kinds.add(Combinators.combine(Arbitraries.of(hostileCharacters(field)), Arbitraries.integers().between(0, 4))
            .as((bad, at) -> {
                final String value = validValue(field);
                final int position = Math.min(at, value.length());
                return new Mutation(field.path(), "bad characters", JSON.getNodeFactory().textNode(value.substring(0, position)
                    + bad
                    + value.substring(position)), field.path());
            }));
        return Arbitraries.oneOf(kinds);
    }

    private static Arbitrary<Mutation> objectMutation(final String path) {
        return Arbitraries.of(
            new Mutation(path, "missing", null, path),
            new Mutation(path, "null", JSON.nullNode(), path),
            new Mutation(path, "wrong type", JSON.getNodeFactory().textNode("Google"), path),
            new Mutation(path, "wrong type", JSON.getNodeFactory().numberNode(5), path),
            new Mutation(path, "wrong type", JSON.createArrayNode().add(JSON.createObjectNode()), path));
    }

    private static Arbitrary<Mutation> unknownKey() {
        return Combinators.combine(Arbitraries.of("", "SourceUser.", "DestinationUser."),
            Arbitraries.oneOf(Arbitraries.of("Tags", "ProviderType", "Username", "Issuer", "ÜserPool", "Provider Name"),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20)))
            .as((parent, key) -> new Mutation(parent + key, "unknown key", JSON.getNodeFactory().textNode("x"), key))
            .filter(m -> !KNOWN_KEYS.contains(m.names().toLowerCase(Locale.ROOT)));
    }

    /** Characters each pattern refuses: controls, format, private-use, unassigned, lone surrogates; whitespace where none is
     * allowed. */
    private static List<String> hostileCharacters(final Field field) {
        final List<String> bad = new ArrayList<>(List.of("\u0000", "\u0007", "\n", "\t", "\u007f", "\u200b", "\u202e", "\u2066",
            "\ufeff",
            "\ue000", "\u0378", "\ud800", "\udfff"));
        if (!field.spaces()) {
            bad.addAll(List.of(" ", "\u00a0", "\u3000", "\u2028"));
        }
        if (field.poolId()) {
            bad.addAll(List.of(".", "é", "/", "|", "*"));
        }
        return bad;
    }

    private static String validValue(final Field field) {
        return field.poolId() ? "us-east-1_EXAMPLE" : "Valid";
    }

    private static ObjectNode valid() {
        final ObjectNode model = Models.googleTo("alice", "104578123456789012345");
        ((ObjectNode) model.get("DestinationUser")).put("ProviderAttributeName", "username");
        return model;
    }

    private static void apply(final ObjectNode properties, final Mutation mutation) {
        final String[] parts = mutation.path().split("\\.");
        JsonNode parent = properties;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = parent.get(parts[i]);
        }
        if (!(parent instanceof ObjectNode)) {
            return;
        }
        if (mutation.value() == null) {
            ((ObjectNode) parent).remove(parts[parts.length - 1]);
        } else {
            ((ObjectNode) parent).set(parts[parts.length - 1], mutation.value());
        }
    }

    private static String describe(final List<Mutation> mutations, final Event event) {
        return mutations.stream().map(m -> m.kind() + " at " + m.path()).collect(Collectors.joining(", ")) + " -> " + event.raw();
    }

}
