package com.custom.cognito.providerlink.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.local.emulator.CognitoEmulator;
import com.custom.cognito.providerlink.local.emulator.RequestLog;
import com.custom.cognito.providerlink.local.harness.WrapperInvoker;
import com.custom.cognito.providerlink.local.harness.WrapperInvoker.Event;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operations each action really sends, taken from the emulator's request log across its success and failure
 * paths, must all be covered by that action's {@code permissions} in the schema: the execution role is built from
 * them, so a missing one is an AccessDenied in production and an extra one is privilege nobody needs.
 */
@ExtendWith(LocalCognito.class)
class LeastPrivilegeTest {

    private static final Map<String, Set<String>> SENT = new TreeMap<>();
    private static JSONObject handlers;
    private final WrapperInvoker wrapper = LocalCognito.wrapper();

    @BeforeAll
    static void loadPermissions() throws IOException {
        handlers = new JSONObject(Files.readString(Path.of("custom-cognito-providerlink.json"))).getJSONObject("handlers");
    }

    @Test
    void createSuccessAndEveryRefusalPath(final CognitoEmulator cognito) {
        final JsonNode alice = Models.googleTo("alice", "g-1");
        record("CREATE", cognito, () -> wrapper.invoke("CREATE", alice));
        record("CREATE", cognito, () -> wrapper.invoke("CREATE", alice));
        record("CREATE", cognito, () -> wrapper.invoke("CREATE", Models.googleTo("bob", "g-1")));
        record("CREATE", cognito, () -> wrapper.invoke("CREATE", Models.googleTo("nobody", "g-2")));
        record("CREATE", cognito,
            () -> wrapper.invoke("CREATE", Models.link("Facebook", "Cognito_Subject", "10150000000000001", "Cognito", "carol")));
    }

    @Test
    void readListAndDeleteIncludingTheAttributeSearch(final CognitoEmulator cognito) {
        final Event created = wrapper.run("CREATE", Models.link("CorpSAML", "email", "alice@example.com", "Cognito", "alice"));
        record("READ", cognito, () -> wrapper.invoke("READ", created.model()));
        record("READ", cognito, () -> wrapper.invoke("READ", Models.id("us-east-1_EXAMPLE|Cognito|ghost|Google|1")));
        record("LIST", cognito, () -> java.util.List.of(wrapper.invokeOnce("LIST", Models.pool(), null, null, null)));
        record("DELETE", cognito, () -> wrapper.invoke("DELETE", Models.id(created.model().get("Id").asText())));
        record("DELETE", cognito, () -> wrapper.invoke("DELETE", created.model()));
        assertThat(SENT.get("DELETE")).as("the Id-only delete had to find the SAML "
            + "attribute").contains("cognito-idp:DescribeIdentityProvider");
    }

    @AfterAll
    static void everyActionStayedWithinItsSchemaPermissions() {
        assertThat(SENT.keySet()).containsExactlyInAnyOrder("CREATE", "READ", "LIST", "DELETE");
        SENT.forEach((action, operations) -> {
            final Set<String> allowed = handlers.getJSONObject(action.toLowerCase(java.util.Locale.ROOT))
                .getJSONArray("permissions")
                .toList().stream().map(Object::toString).collect(Collectors.toSet());
            assertThat(allowed).as(action + " sent " + operations).containsAll(operations);
        });
    }

    private static void record(final String action, final CognitoEmulator cognito,
        final java.util.function.Supplier<java.util.List<Event>> run) {
        final int mark = cognito.requests().mark();
        run.get();
        SENT.computeIfAbsent(action, a -> new TreeSet<>()).addAll(cognito.requests().since(mark).stream()
            .map(RequestLog.Entry::operation).map(op -> "cognito-idp:" + op).collect(Collectors.toSet()));
    }
}
