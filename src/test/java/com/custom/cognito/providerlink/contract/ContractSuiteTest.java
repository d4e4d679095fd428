package com.custom.cognito.providerlink.contract;

import static com.custom.cognito.providerlink.contract.ContractAssertions.assertFailed;
import static com.custom.cognito.providerlink.contract.ContractAssertions.assertInputEqualsOutput;
import static com.custom.cognito.providerlink.contract.ContractAssertions.assertSucceeded;
import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.local.emulator.Behaviour;
import com.custom.cognito.providerlink.local.emulator.CognitoEmulator;
import com.custom.cognito.providerlink.local.harness.WrapperInvoker;
import com.custom.cognito.providerlink.local.harness.WrapperInvoker.Event;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract tests {@code cfn test} runs for this schema (create, read, delete and list handlers; every identifier
 * create-only; not taggable), through the real plugin wrapper and its JSON, against the emulator over HTTP. Each runs
 * against every variant of the service behaviours the research could not settle.
 */
@ExtendWith(LocalCognito.class)
class ContractSuiteTest {

    private static final ObjectNode INPUT = Models.googleTo("alice", "104578123456789012345");

    /**
     * The documented service, then each {@link Behaviour} switch flipped from its default: every switch, from the class
     * itself, but the one under which Cognito answers an error to every link it makes: no create can succeed there, by
     * the ownership rule ({@link #underAServiceThatAnswersAnErrorToTheLinkItMadeTheCreateIsNeverClaimedAndTheLinkImports}).
     */
    static Stream<Arguments> serviceVariants() {
        final List<Arguments> variants = new ArrayList<>(List.of(Arguments.of("as documented", (Consumer<Behaviour>) b -> {
        })));
        for (String name : Behaviour.switches()) {
            if (!"linkAnsweredWithLegacyRefusal".equals(name)) {
                variants.add(Arguments.of(name + " flipped", (Consumer<Behaviour>) b -> flip(b, name)));
            }
        }
        return variants.stream();
    }

    @Test
    void underAServiceThatAnswersAnErrorToTheLinkItMadeTheCreateIsNeverClaimedAndTheLinkImports(
        final CognitoEmulator cognito) {
        cognito.behaviour().linkAnsweredWithLegacyRefusal = true;

        final Event refused = assertFailed(wrapper.invoke("CREATE", INPUT), "AlreadyExists");

        assertThat(refused.model()).as("nothing for a rollback to delete: it may be another stack's").isNull();
        assertThat(refused.message()).contains("Cognito refused this create's link call").contains("import it")
            .doesNotContain("104578123456789012345");
        assertThat(LocalCognito.pool().holdersOf("Google", "104578123456789012345")).hasSize(1);
        final Event imported = assertSucceeded(wrapper.invoke("READ", Models.id(LocalCognito.POOL
            + "|Cognito|alice|Google|104578123456789012345")));
        assertSucceeded(wrapper.invoke("DELETE", imported.model()));
        assertThat(LocalCognito.pool().holdersOf("Google", "104578123456789012345")).isEmpty();
    }

    /** The documented service, then every switch flipped, the "error, yet linked" ones included. */
    static Stream<Arguments> everyServiceVariant() {
        return Stream.concat(serviceVariants(), Stream.of(Arguments.of("linkAnsweredWithLegacyRefusal flipped",
            (Consumer<Behaviour>) b -> flip(b, "linkAnsweredWithLegacyRefusal"))));
    }

    static void flip(final Behaviour behaviour, final String name) {
        try {
            final Field field = Behaviour.class.getField(name);
            if (field.getType() == boolean.class) {
                field.setBoolean(behaviour, !field.getBoolean(Behaviour.defaults()));
            } else {
                field.setInt(behaviour, 2);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private final WrapperInvoker wrapper = LocalCognito.wrapper();

    @ParameterizedTest(name = "{0}")
    @MethodSource("serviceVariants")
    void contract_create_delete(final String variant, final Consumer<Behaviour> service, final CognitoEmulator cognito) {
        service.accept(cognito.behaviour());

        final Event created = assertSucceeded(wrapper.invoke("CREATE", INPUT));
        assertInputEqualsOutput(INPUT, created.model());

        assertSucceeded(wrapper.invoke("DELETE", created.model()));
        assertThat(LocalCognito.pool().holdersOf("Google", "104578123456789012345")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serviceVariants")
    void contract_create_create(final String variant, final Consumer<Behaviour> service, final CognitoEmulator cognito) {
        service.accept(cognito.behaviour());
        final Event created = assertSucceeded(wrapper.invoke("CREATE", INPUT));

        final Event again = assertFailed(wrapper.invoke("CREATE", INPUT), "AlreadyExists");

        assertThat(again.model()).as("no identifier: a rollback must not delete the existing link").isNull();
        assertThat(LocalCognito.pool().holdersOf("Google", "104578123456789012345")).hasSize(1);
        assertSucceeded(wrapper.invoke("DELETE", created.model()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serviceVariants")
    void contract_create_read(final String variant, final Consumer<Behaviour> service, final CognitoEmulator cognito) {
        service.accept(cognito.behaviour());
        final Event created = assertSucceeded(wrapper.invoke("CREATE", INPUT));

        final Event read = assertSucceeded(wrapper.invoke("READ", created.model()));
        assertInputEqualsOutput(INPUT, read.model());
        assertThat(read.model()).isEqualTo(created.model());

        final Event readById = assertSucceeded(wrapper.invoke("READ", Models.id(created.model().get("Id").asText())));
        assertThat(readById.model()).as("Cloud Control and import send the identifier alone").isEqualTo(created.model());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serviceVariants")
    void contract_create_list(final String variant, final Consumer<Behaviour> service, final CognitoEmulator cognito) {
        service.accept(cognito.behaviour());
        final Event created = assertSucceeded(wrapper.invoke("CREATE", INPUT));

        final List<JsonNode> listed = listAll(created.model());

        assertThat(listed).extracting(m -> m.get("Id").asText()).contains(created.model().get("Id").asText());
        assertThat(listed).filteredOn(m -> m.get("Id").equals(created.model().get("Id"))).containsExactly(created.model());
        assertSucceeded(wrapper.invoke("READ", created.model()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serviceVariants")
    void contract_delete_read(final String variant, final Consumer<Behaviour> service, final CognitoEmulator cognito) {
        service.accept(cognito.behaviour());
        final Event created = assertSucceeded(wrapper.invoke("CREATE", INPUT));
        assertSucceeded(wrapper.invoke("DELETE", created.model()));

        assertFailed(wrapper.invoke("READ", created.model()), "NotFound");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serviceVariants")
    void contract_delete_list(final String variant, final Consumer<Behaviour> service, final CognitoEmulator cognito) {
        service.accept(cognito.behaviour());
        final Event created = assertSucceeded(wrapper.invoke("CREATE", INPUT));
        assertSucceeded(wrapper.invoke("DELETE", created.model()));

        assertThat(listAll(created.model())).extracting(m -> m.get("Id").asText())
            .doesNotContain(created.model().get("Id").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serviceVariants")
    void contract_delete_delete(final String variant, final Consumer<Behaviour> service, final CognitoEmulator cognito) {
        service.accept(cognito.behaviour());
        final Event created = assertSucceeded(wrapper.invoke("CREATE", INPUT));
        assertSucceeded(wrapper.invoke("DELETE", Models.id(created.model().get("Id").asText())));

        assertFailed(wrapper.invoke("DELETE", created.model()), "NotFound");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serviceVariants")
    void contract_delete_create(final String variant, final Consumer<Behaviour> service, final CognitoEmulator cognito) {
        service.accept(cognito.behaviour());
        final Event created = assertSucceeded(wrapper.invoke("CREATE", INPUT));
        assertSucceeded(wrapper.invoke("DELETE", created.model()));

        final Event recreated = assertSucceeded(wrapper.invoke("CREATE", INPUT));
        assertThat(recreated.model()).isEqualTo(created.model());
    }

    /** cfn test lists with the created model as the filter and follows nextToken to the end. */
    private List<JsonNode> listAll(final JsonNode filter) {
        final List<JsonNode> models = new ArrayList<>();
        String token = null;
        do {
            final Event page = wrapper.invokeOnce("LIST", filter, null, null, token);
            assertSucceeded(List.of(page));
            models.addAll(page.models());
            token = page.nextToken();
        } while (token != null);
        return models;
    }
}
