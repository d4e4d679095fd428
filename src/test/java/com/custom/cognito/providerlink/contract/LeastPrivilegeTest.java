package com.custom.cognito.providerlink.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.local.emulator.CognitoEmulator;
import com.custom.cognito.providerlink.local.emulator.RequestLog;
import com.custom.cognito.providerlink.local.harness.WrapperInvoker;
import com.custom.cognito.providerlink.local.harness.WrapperInvoker.Event;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each action's {@code permissions} in the schema (the execution role is built from them) against the operations the
 * action really sends across its success and failure paths, from the emulator's request log, in both directions: a
 * call outside them is an AccessDenied in production, and a permission no path uses is privilege nobody needs.
 */
@ExtendWith(LocalCognito.class)
class LeastPrivilegeTest {

    private final WrapperInvoker wrapper = LocalCognito.wrapper();

    @Test
    void createSendsExactlyItsPermissionsAcrossSuccessAndEveryRefusal(final CognitoEmulator cognito) throws IOException {
        final Set<String> sent = new TreeSet<>();
        record(cognito, sent, () -> wrapper.invoke("CREATE", Models.googleTo("alice", "g-1")));
        record(cognito, sent, () -> wrapper.invoke("CREATE", Models.googleTo("alice", "g-1")));
        record(cognito, sent, () -> wrapper.invoke("CREATE", Models.googleTo("bob", "g-1")));
        record(cognito, sent, () -> wrapper.invoke("CREATE", Models.googleTo("nobody", "g-2")));
        record(cognito, sent, () -> wrapper.invoke("CREATE", Models.link("Facebook", "Cognito_Subject", "10150000000000001",
            "Cognito", "carol")));

        assertThat(sent).isEqualTo(permissions("create"));
    }

    @Test
    void readSendsExactlyItsPermissions(final CognitoEmulator cognito) throws IOException {
        final Event created = wrapper.run("CREATE", Models.googleTo("alice", "g-3"));
        final Set<String> sent = new TreeSet<>();
        record(cognito, sent, () -> wrapper.invoke("READ", Models.id(created.model().get("Id").asText())));
        record(cognito, sent, () -> wrapper.invoke("READ", Models.id("us-east-1_EXAMPLE|Cognito|ghost|Google|1")));

        assertThat(sent).isEqualTo(permissions("read"));
    }

    @Test
    void deleteSendsExactlyItsPermissionsIncludingTheSearchForTheAttributeASamlIdentityWasLinkedBy(
        final CognitoEmulator cognito) throws IOException {
        final Event saml = wrapper.run("CREATE", Models.link("CorpSAML", "email", "alice@example.com", "Cognito", "alice"));
        final Event google = wrapper.run("CREATE", Models.googleTo("bob", "g-4"));
        final Set<String> sent = new TreeSet<>();
        record(cognito, sent, () -> wrapper.invoke("DELETE", Models.id(saml.model().get("Id").asText())));
        record(cognito, sent, () -> wrapper.invoke("DELETE", google.model()));
        record(cognito, sent, () -> wrapper.invoke("DELETE", google.model()));

        assertThat(sent).isEqualTo(permissions("delete"));
    }

    @Test
    void listSendsExactlyItsPermissions(final CognitoEmulator cognito) throws IOException {
        final Set<String> sent = new TreeSet<>();
        record(cognito, sent, () -> List.of(wrapper.listOnce(Models.pool(), null, null)));

        assertThat(sent).isEqualTo(permissions("list"));
    }

    private static Set<String> permissions(final String handler) throws IOException {
        return new JSONObject(Files.readString(Path.of("custom-cognito-providerlink.json"))).getJSONObject("handlers")
            .getJSONObject(handler.toLowerCase(Locale.ROOT)).getJSONArray("permissions").toList().stream()
            .map(Object::toString).collect(Collectors.toCollection(TreeSet::new));
    }

    private static void record(final CognitoEmulator cognito, final Set<String> sent, final Supplier<List<Event>> run) {
        final int mark = cognito.requests().mark();
        run.get();
        cognito.requests().since(mark).stream().map(RequestLog.Entry::operation).map(op -> "cognito-idp:" + op)
            .forEach(sent::add);
    }
}
