package com.custom.cognito.providerlink.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.local.emulator.CognitoEmulator;
import com.custom.cognito.providerlink.local.emulator.Faults.Kind;
import com.custom.cognito.providerlink.local.harness.WrapperInvoker;
import com.custom.cognito.providerlink.local.harness.WrapperInvoker.Event;
import com.custom.cognito.providerlink.wrapper.BuildInfo;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Everything the handlers and the wrapper log during whole lifecycles, failures included, holds no credential, no
 * session token, and no identity value (subjects, emails, usernames of linked identities).
 */
@ExtendWith(LocalCognito.class)
class LogHygieneTest {

    private static final String SUBJECT = "subject-7d1f0e-should-never-be-logged";
    private static final String EMAIL = "carlos.private@example.com";
    private static final String OTHER_EMAIL = "bob.smith@example.org";
    private static final String OTHER_SUBJECT = "bobs-own-google-subject-0001";

    /**
     * A user the stack never named holds the identity the stack declares: the failure reason names that user by its
     * {@code sub} only, never by username, email or any identity value of it (also with the pre-2024 text, and when
     * Cognito answers AliasExistsException).
     */
    @Test
    void noReasonOrLogNamesAUserTheStackDidNotNameByUsernameEmailOrIdentity(final CognitoEmulator cognito) {
        final WrapperInvoker wrapper = LocalCognito.wrapper();
        synchronized (cognito.lock()) {
            final var bob = LocalCognito.pool().user("bob");
            bob.attributes().put("email", OTHER_EMAIL);
            LocalCognito.pool().seedLink(bob, "Google", SUBJECT);
            LocalCognito.pool().seedLink(bob, "Facebook", OTHER_SUBJECT);
        }
        final List<Event> answers = new ArrayList<>();
        answers.add(wrapper.run("CREATE", Models.googleTo("alice", SUBJECT)));
        cognito.behaviour().legacyAlreadyLinkedMessage = true;
        answers.add(wrapper.run("CREATE", Models.googleTo("carol", SUBJECT)));
        cognito.behaviour().legacyAlreadyLinkedMessage = false;
        cognito.behaviour().alreadyLinkedAnsweredAsAliasExists = true;
        answers.add(wrapper.run("CREATE", Models.googleTo("carol", SUBJECT)));

        final String bobSub = LocalCognito.pool().user("bob").sub();
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.errorCode()).isEqualTo("AlreadyExists");
            assertThat(answer.message()).contains("whose sub is " + bobSub).doesNotContain("bob").doesNotContain(OTHER_EMAIL)
                .doesNotContain(OTHER_SUBJECT);
        });
        assertThat(String.join("\n", wrapper.context().logLines())).doesNotContain("bob").doesNotContain(OTHER_EMAIL)
            .doesNotContain(OTHER_SUBJECT).doesNotContain(bobSub);
    }

    @Test
    void noSecretOrIdentityValueReachesTheLogs(final CognitoEmulator cognito) {
        final WrapperInvoker wrapper = LocalCognito.wrapper();
        final Event google = wrapper.run("CREATE", Models.googleTo("alice", SUBJECT));
        wrapper.run("CREATE", Models.googleTo("alice", SUBJECT));
        wrapper.run("CREATE", Models.googleTo("bob", SUBJECT));
        final Event saml = wrapper.run("CREATE", Models.link("CorpSAML", "email", EMAIL, "Cognito", "carol"));
        wrapper.run("READ", google.model());
        wrapper.invokeOnce("LIST", Models.pool(), null, null, null);
        wrapper.run("DELETE", Models.id(saml.model().get("Id").asText()));
        wrapper.run("DELETE", google.model());
        wrapper.run("READ", google.model());
        cognito.faults().on("*").times(2).inject(Kind.THROTTLE);
        cognito.faults().on("AdminLinkProviderForUser").times(1).inject(Kind.APPLY_THEN_RESET);
        wrapper.run("CREATE", Models.googleTo("alice", SUBJECT));
        wrapper.run("CREATE", Models.link("Google", "Cognito_Subject", SUBJECT, "Cognito", "not-a-user"));

        final List<String> lines = wrapper.context().logLines();
        final WrapperInvoker.Credentials credentials = WrapperInvoker.Credentials.fake();

        assertThat(lines).as("the handlers do log").isNotEmpty();
        assertThat(String.join("\n", lines))
            .doesNotContain(credentials.secretAccessKey())
            .doesNotContain(credentials.sessionToken())
            .doesNotContain(credentials.accessKeyId())
            .doesNotContain(SUBJECT)
            .doesNotContain(EMAIL)
            .doesNotContain("alice@example.com")
            .doesNotContain("carol@example.com");
    }

    @Test
    void eachInvocationsFirstHandlerLogLineNamesTheVersionAndCommitItRuns() {
        final WrapperInvoker wrapper = LocalCognito.wrapper();

        wrapper.run("READ", Models.id(LocalCognito.POOL + "|Cognito|alice|Google|" + SUBJECT));

        assertThat(wrapper.context().logLines()).filteredOn(line -> line.contains("handler "))
            .first().asString().contains("Custom::Cognito::ProviderLink handler " + BuildInfo.VERSION + " (commit ")
            .contains(": READ");
        assertThat(BuildInfo.VERSION).matches("[0-9]+\\.[0-9]+\\.[0-9]+");
        assertThat(BuildInfo.COMMIT).matches("[0-9a-f]{12}|unknown");
    }
}
