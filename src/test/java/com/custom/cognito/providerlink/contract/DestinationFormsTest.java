package com.custom.cognito.providerlink.contract;

import static com.custom.cognito.providerlink.contract.ContractAssertions.assertFailed;
import static com.custom.cognito.providerlink.contract.ContractAssertions.assertInputEqualsOutput;
import static com.custom.cognito.providerlink.contract.ContractAssertions.assertSucceeded;
import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.local.emulator.CognitoEmulator;
import com.custom.cognito.providerlink.local.emulator.UserPools;
import com.custom.cognito.providerlink.local.harness.WrapperInvoker;
import com.custom.cognito.providerlink.local.harness.WrapperInvoker.Event;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A native destination given by username, email, phone number or sub, in every kind of pool, through the real
 * wrapper: the link is made on the user Cognito resolves, Create, Read and List give one {@code Id} (built from the
 * username), the {@code cfn test} input-equals-output rule holds, and drift detection (Read by {@code Id}) reports
 * the link gone once it is removed or moved to another user.
 */
@ExtendWith(LocalCognito.class)
class DestinationFormsTest {

    private static final String SUBJECT = "104578123456789012345";

    /** A pool kind: how to create it, and the user Dave in it. */
    private record Kind(String name, Function<UserPools.Pool, UserPools.Pool> configure, boolean usernameIsGenerated) {

        @Override
        public String toString() {
            return name;
        }
    }

    /** A way to write Dave as the destination. */
    private record Form(String name, Function<UserPools.User, String> value) {

        @Override
        public String toString() {
            return name;
        }
    }

    private static final Kind PLAIN = new Kind("plain usernames", pool -> pool, false);
    private static final Kind EMAIL_USERNAMES = new Kind("email usernames", pool -> pool.usernameAttribute("email"), true);
    private static final Kind PHONE_USERNAMES = new Kind("phone usernames", pool -> pool.usernameAttribute("phone_number"), true);
    private static final Kind ALIASES = new Kind("email and preferred_username aliases",
        pool -> pool.aliasAttribute("email").aliasAttribute("phone_number").aliasAttribute("preferred_username"), false);
    private static final Kind CASE_INSENSITIVE = new Kind("case-insensitive usernames with an email alias",
        pool -> pool.caseSensitive(false).aliasAttribute("email"), false);

    private static final Form USERNAME = new Form("username", UserPools.User::username);
    private static final Form EMAIL = new Form("email", user -> user.attributes().get("email"));
    private static final Form PHONE = new Form("phone number", user -> user.attributes().get("phone_number"));
    private static final Form SUB = new Form("sub", UserPools.User::sub);
    private static final Form PREFERRED = new Form("preferred_username", user -> user.attributes().get("preferred_username"));
    private static final Form UPPER_CASE = new Form("username in another case",
        user -> user.username().toUpperCase(Locale.ROOT));
    private static final Form EMAIL_UPPER_CASE = new Form("email in another case",
        user -> user.attributes().get("email").toUpperCase(Locale.ROOT));

    static Stream<Arguments> everyKindAndForm() {
        final List<Arguments> all = new ArrayList<>();
        for (Form form : List.of(USERNAME, SUB)) {
            for (Kind kind : List.of(PLAIN, EMAIL_USERNAMES, PHONE_USERNAMES, ALIASES, CASE_INSENSITIVE)) {
                all.add(Arguments.of(kind, form));
            }
        }
        all.add(Arguments.of(EMAIL_USERNAMES, EMAIL));
        all.add(Arguments.of(PHONE_USERNAMES, PHONE));
        all.add(Arguments.of(ALIASES, EMAIL));
        all.add(Arguments.of(ALIASES, PHONE));
        all.add(Arguments.of(ALIASES, PREFERRED));
        all.add(Arguments.of(CASE_INSENSITIVE, UPPER_CASE));
        all.add(Arguments.of(CASE_INSENSITIVE, EMAIL_UPPER_CASE));
        return all.stream();
    }

    private final WrapperInvoker wrapper = LocalCognito.wrapper();

    @ParameterizedTest(name = "{0}, destination by {1}")
    @MethodSource("everyKindAndForm")
    void everyFormOfTheDestinationGivesOneIdForCreateReadAndListAndDriftSeesTheLinkGoOrMove(final Kind kind, final Form form,
        final CognitoEmulator cognito) {
        final UserPools.User dave;
        final UserPools.User erin;
        final String poolId = "us-east-1_Kind" + Integer.toUnsignedString(kind.name().hashCode());
        synchronized (cognito.lock()) {
            final UserPools.Pool pool = kind.configure().apply(cognito.pools().createPool(poolId, kind.name()));
            pool.addProvider("Google", "Google", Map.of());
            final Map<String, String> attributes = Map.of("email", "dave@example.com", "email_verified", "true", "phone_number",
                "+15555550100",
                "phone_number_verified", "true", "preferred_username", "dave.d");
            dave = kind.usernameIsGenerated()
                ? pool.signUp(kind == PHONE_USERNAMES
                    ? "+15555550100"
                    : "dave@example.com", attributes)
                : pool.addUser("dave", attributes);
            erin = pool.addUser(kind.usernameIsGenerated() ? UUID.randomUUID().toString() : "erin", Map.of());
        }
        final ObjectNode declared = Models.googleTo(form.value().apply(dave), SUBJECT).put("UserPoolId", poolId);
        final String expectedId = poolId + "|Cognito|" + dave.username() + "|Google|" + SUBJECT;

        final Event created = assertSucceeded(wrapper.invoke("CREATE", declared));

        assertThat(created.model().path("Id").asText()).isEqualTo(expectedId);
        assertThat(created.model().path("DestinationUsername").asText()).isEqualTo(dave.username());
        assertInputEqualsOutput(declared, created.model());
        assertThat(cognito.pools().pool(poolId).holdersOf("Google", SUBJECT)).containsExactly(dave);
        final Event read = assertSucceeded(wrapper.invoke("READ", Models.id(expectedId)));
        assertThat(read.model()).isEqualTo(created.model());
        assertThat(assertSucceeded(wrapper.invoke("READ",
            declared)).model().path("Id").asText()).as("read from the declared properties")
            .isEqualTo(expectedId);
        assertThat(listedIds(poolId)).containsExactly(expectedId);

        moveTheLink(cognito, poolId, dave, erin);
        assertFailed(wrapper.invoke("READ", Models.id(expectedId)), "NotFound");
        removeTheLink(cognito, poolId, erin);
        assertFailed(wrapper.invoke("READ", Models.id(expectedId)), "NotFound");
        assertThat(listedIds(poolId)).isEmpty();
    }

    private List<String> listedIds(final String poolId) {
        final List<String> ids = new ArrayList<>();
        String token = null;
        do {
            final Event page = wrapper.invokeOnce("LIST", Models.pool().put("UserPoolId", poolId), null, null, token);
            page.models().forEach(model -> ids.add(model.path("Id").asText()));
            token = page.nextToken();
        } while (token != null);
        return ids;
    }

    /** What someone outside the stack does: unlink the identity from Dave and link it to Erin. */
    private static void moveTheLink(final CognitoEmulator cognito, final String poolId, final UserPools.User from,
        final UserPools.User to) {
        assertThat(cognito.pools().pool(poolId).holdersOf("Google", SUBJECT)).containsExactly(from);
        cognitoCall(cognito, "AdminDisableProviderForUser", "{\"UserPoolId\":\"" + poolId
            + "\",\"User\":{\"ProviderName\":\"Google\","
            + "\"ProviderAttributeName\":\"Cognito_Subject\",\"ProviderAttributeValue\":\"" + SUBJECT + "\"}}");
        cognitoCall(cognito, "AdminLinkProviderForUser", "{\"UserPoolId\":\"" + poolId
            + "\",\"DestinationUser\":{\"ProviderName\":"
            + "\"Cognito\",\"ProviderAttributeValue\":\"" + to.username() + "\"},\"SourceUser\":{\"ProviderName\":\"Google\","
            + "\"ProviderAttributeName\":\"Cognito_Subject\",\"ProviderAttributeValue\":\"" + SUBJECT + "\"}}");
        assertThat(cognito.pools().pool(poolId).holdersOf("Google", SUBJECT)).containsExactly(to);
    }

    private static void removeTheLink(final CognitoEmulator cognito, final String poolId, final UserPools.User holder) {
        cognitoCall(cognito, "AdminDisableProviderForUser", "{\"UserPoolId\":\"" + poolId
            + "\",\"User\":{\"ProviderName\":\"Google\","
            + "\"ProviderAttributeName\":\"Cognito_Subject\",\"ProviderAttributeValue\":\"" + SUBJECT + "\"}}");
        assertThat(cognito.pools().pool(poolId).holdersOf("Google", SUBJECT)).doesNotContain(holder);
    }

    private static void cognitoCall(final CognitoEmulator cognito, final String operation, final String body) {
        try {
            final HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(cognito.endpoint()).header("X-Amz-Target", "AWSCognitoIdentityProviderService." + operation)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
