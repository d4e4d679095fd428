package com.custom.cognito.providerlink.local.conformance;

import com.custom.cognito.providerlink.local.harness.WrapperInvoker;
import com.custom.cognito.providerlink.model.Destination;
import com.custom.cognito.providerlink.model.LinkId;
import com.custom.cognito.providerlink.model.ProviderLink;
import com.custom.cognito.providerlink.model.SourceIdentity;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/**
 * What the probes share: direct Cognito calls (each link call that answers an error is read back, to catch "error, yet
 * linked"), the handlers through the real wrapper, and the exact error texts seen, for the report.
 */
final class ProbeKit {

    private static final ObjectMapper JSON = new ObjectMapper();

    final CognitoIdentityProviderClient cognito;
    final WrapperInvoker handlers;
    final Fixture fixture;
    final Sandbox sandbox;
    private final Duration pause;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, String> errorTexts = new LinkedHashMap<>();
    private final List<String> linkedDespiteError = new ArrayList<>();
    private int erroringLinks;
    private int refusedYetShown;

    ProbeKit(final CognitoIdentityProviderClient cognito, final WrapperInvoker handlers, final Fixture fixture,
        final Sandbox sandbox, final Duration pause) {
        this.cognito = cognito;
        this.handlers = handlers;
        this.fixture = fixture;
        this.sandbox = sandbox;
        this.pause = pause;
    }

    /** A fresh Google-style subject: 21 digits, unique to this run. */
    String subject() {
        final StringBuilder digits = new StringBuilder("1");
        for (int i = 0; i < 20; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }

    /** AdminLinkProviderForUser, directly; an error answer is checked against a read before and after the call. */
    Answer link(final String pool, final String provider, final String attribute, final String value,
        final String destination) {
        final boolean before = holder(pool, provider, value, destination);
        final Answer answer = Answer.of(() -> cognito.adminLinkProviderForUser(r -> r.userPoolId(pool)
            .sourceUser(s -> s.providerName(provider).providerAttributeName(attribute).providerAttributeValue(value))
            .destinationUser(d -> d.providerName("Cognito").providerAttributeValue(destination))));
        if (!answer.ok()) {
            erroringLinks++;
            if (!before && holder(pool, provider, value, destination)) {
                linkedDespiteError.add(answer.text());
            }
        }
        return answer;
    }

    /** AdminDisableProviderForUser, directly. */
    Answer unlink(final String pool, final String provider, final String attribute, final String value) {
        return Answer.of(() -> cognito.adminDisableProviderForUser(r -> r.userPoolId(pool)
            .user(u -> u.providerName(provider).providerAttributeName(attribute).providerAttributeValue(value))));
    }

    /** Whether {@code username} (or the alias Cognito resolves it as) holds the identity now. */
    boolean holder(final String pool, final String provider, final String value, final String username) {
        return identities(pool, username).map(list -> {
            for (JsonNode identity : list) {
                if (provider.equals(identity.path("providerName").asText()) && value.equals(identity.path("userId").asText())) {
                    return true;
                }
            }
            return false;
        }).orElse(false);
    }

    /** The user's {@code identities} attribute, parsed; empty when the attribute is absent or the user is not found. */
    Optional<JsonNode> identities(final String pool, final String username) {
        return identitiesText(pool, username).map(ProbeKit::parse);
    }

    /** The {@code identities} attribute exactly as AdminGetUser answers it; empty when absent. */
    Optional<String> identitiesText(final String pool, final String username) {
        try {
            final AdminGetUserResponse user = cognito.adminGetUser(r -> r.userPoolId(pool).username(username));
            return user.userAttributes().stream().filter(a -> a.name().equals("identities")).map(AttributeType::value)
                .findFirst();
        } catch (UserNotFoundException e) {
            return Optional.empty();
        }
    }

    String sub(final String pool, final String username) {
        return cognito.adminGetUser(r -> r.userPoolId(pool).username(username)).userAttributes().stream()
            .filter(a -> a.name().equals("sub")).map(AttributeType::value).findFirst().orElseThrow();
    }

    /**
     * Calls {@code check} until it answers true, at most {@code tries} times, pausing between calls; how many calls it
     * took, or -1 if it never did.
     */
    int callsUntil(final int tries, final BooleanSupplier check) {
        for (int call = 1; call <= tries; call++) {
            if (check.getAsBoolean()) {
                return call;
            }
            sleep();
        }
        return -1;
    }

    void remember(final String label, final Answer answer) {
        if (!answer.ok()) {
            errorTexts.putIfAbsent(label, answer.text());
        }
    }

    Map<String, String> errorTexts() {
        return errorTexts;
    }

    int erroringLinks() {
        return erroringLinks;
    }

    List<String> linkedDespiteError() {
        return linkedDespiteError;
    }

    /** The properties of a link to a native destination, as a template would declare them. */
    static ObjectNode declared(final String pool, final String provider, final String attribute, final String value,
        final String destination) {
        final ObjectNode properties = JSON.createObjectNode().put("UserPoolId", pool);
        properties.putObject("SourceUser").put("ProviderName", provider).put("ProviderAttributeName", attribute)
            .put("ProviderAttributeValue", value);
        properties.putObject("DestinationUser").put("ProviderName", "Cognito").put("ProviderAttributeValue", destination);
        return properties;
    }

    static ObjectNode id(final String id) {
        return JSON.createObjectNode().put("Id", id);
    }

    /** A whole handler operation through the wrapper (IN_PROGRESS callbacks included); its final event. */
    /**
     * One operation through the handlers. A create that Cognito refused while making the link ("error, yet linked") is
     * never claimed: the handlers report it with how to import it; the probe then imports it as a user would, by
     * reading its {@code Id}, and goes on with that.
     */
    WrapperInvoker.Event run(final String action, final JsonNode properties) {
        final WrapperInvoker.Event event = handlers.run(action, properties);
        if (!"CREATE".equals(action) || !refusedYetShown(event)) {
            return event;
        }
        refusedYetShown++;
        final String username = cognito.adminGetUser(r -> r.userPoolId(properties.path("UserPoolId").asText())
            .username(properties.path("DestinationUser").path("ProviderAttributeValue").asText())).username();
        final String linkId = LinkId.format(new ProviderLink(properties.path("UserPoolId").asText(),
            Destination.nativeUser(username), SourceIdentity.observed(properties.path("SourceUser").path("ProviderName").asText(),
                properties.path("SourceUser").path("ProviderAttributeValue").asText())));
        final WrapperInvoker.Event imported = handlers.run("READ", id(linkId));
        return "SUCCESS".equals(imported.status()) ? imported : event;
    }

    /** The answer to a create whose link Cognito made while refusing the call: not claimed, with how to import it. */
    static boolean refusedYetShown(final WrapperInvoker.Event event) {
        return "AlreadyExists".equals(event.errorCode()) && event.message() != null
            && event.message().startsWith("Cognito refused this create's link call") && event.message().contains("import it");
    }

    /** How many creates were refused while Cognito made their link, and were imported instead. */
    int refusedYetShown() {
        return refusedYetShown;
    }

    /** Every Id LIST reports for the pool, over all its pages. */
    List<String> listedIds(final String pool) {
        final List<String> ids = new ArrayList<>();
        String next = null;
        do {
            final WrapperInvoker.Event page = handlers.listOnce(JSON.createObjectNode().put("UserPoolId", pool), next, null);
            if (!"SUCCESS".equals(page.status())) {
                ids.add("LIST FAILED: " + page.errorCode());
                return ids;
            }
            page.models().forEach(model -> ids.add(model.path("Id").asText()));
            next = page.nextToken();
        } while (next != null);
        return ids;
    }

    /** A handler outcome, for the report: "SUCCESS", or "FAILED Code: message". */
    static String outcome(final WrapperInvoker.Event event) {
        return event.status() + (event.errorCode() == null ? "" : " " + event.errorCode())
            + (event.message() == null || "SUCCESS".equals(event.status()) ? "" : ": " + event.message());
    }

    /** Coped: the handler ended with a definite answer, never InternalFailure. */
    static boolean definite(final WrapperInvoker.Event event) {
        return "SUCCESS".equals(event.status()) || "FAILED".equals(event.status()) && event.errorCode() != null
            && !"InternalFailure".equals(event.errorCode()) && event.message() != null;
    }

    private void sleep() {
        if (pause.isZero()) {
            return;
        }
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode parse(final String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return JSON.createArrayNode();
        }
    }
}
