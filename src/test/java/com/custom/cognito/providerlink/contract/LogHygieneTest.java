package com.custom.cognito.providerlink.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.local.emulator.CognitoEmulator;
import com.custom.cognito.providerlink.local.emulator.Faults.Kind;
import com.custom.cognito.providerlink.local.harness.WrapperInvoker;
import com.custom.cognito.providerlink.local.harness.WrapperInvoker.Event;
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
}
