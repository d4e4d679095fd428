package com.custom.cognito.providerlink.local.customresource;

import com.custom.cognito.providerlink.customresource.CustomResourceHandler;
import com.custom.cognito.providerlink.local.emulator.CognitoEmulator;
import com.custom.cognito.providerlink.local.emulator.UserPools;
import com.custom.cognito.providerlink.local.harness.LocalContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The custom-resource mode in the local run: Create, an Update that moves the identity to another user, and the
 * Deletes of the old and the new PhysicalResourceId, through {@link CustomResourceHandler} against the emulator, each
 * answer PUT to a local stand-in for the ResponseURL and printed.
 */
public final class CustomResourceRun {

    private final CognitoEmulator emulator;
    private final PrintStream out;
    private final ResponseUrlServer urls;

    private CustomResourceRun(final CognitoEmulator emulator, final PrintStream out, final ResponseUrlServer urls) {
        this.emulator = emulator;
        this.out = out;
        this.urls = urls;
    }

    /** Returns the problems found (none when the mode behaved as documented). */
    public static List<String> run(final CognitoEmulator emulator, final ObjectNode declared, final PrintStream out) {
        // The function's own credentials; the emulator accepts any.
        System.setProperty("aws.accessKeyId", System.getProperty("aws.accessKeyId", "AKIALOCALFUNCTION001"));
        System.setProperty("aws.secretAccessKey", System.getProperty("aws.secretAccessKey", "local-function-secret"));
        try (ResponseUrlServer urls = ResponseUrlServer.start()) {
            return new CustomResourceRun(emulator, out, urls).moveAndDelete(declared);
        }
    }

    private List<String> moveAndDelete(final ObjectNode declared) {
        final String pool = declared.path("UserPoolId").asText();
        final String provider = declared.path("SourceUser").path("ProviderName").asText();
        final String subject = declared.path("SourceUser").path("ProviderAttributeValue").asText();
        synchronized (emulator.lock()) {
            final UserPools.Pool demo = emulator.pools().pool(pool);
            if (demo.user("bob") == null) {
                demo.addUser("bob", Map.of("email", "bob@example.com"));
            }
        }
        final ObjectNode toBob = declared.deepCopy();
        ((ObjectNode) toBob.get("DestinationUser")).put("ProviderAttributeValue", "bob");
        out.println("Custom resource mode (" + CustomResourceEvents.TYPE + ", " + CustomResourceHandler.class.getSimpleName()
            + "), answers PUT to a local ResponseURL:");

        final JsonNode created = send(CustomResourceEvents.create(urls.newUrl(), declared));
        final String first = created.path("PhysicalResourceId").asText();
        final JsonNode moved = send(CustomResourceEvents.update(urls.newUrl(), first, toBob, declared));
        final String second = moved.path("PhysicalResourceId").asText();
        final List<String> afterMove = holders(pool, provider, subject);
        final JsonNode deletedOld = send(CustomResourceEvents.delete(urls.newUrl(), first, declared));
        final List<String> afterOldDelete = holders(pool, provider, subject);
        final JsonNode deletedNew = send(CustomResourceEvents.delete(urls.newUrl(), second, toBob));

        final List<String> problems = new ArrayList<>();
        for (JsonNode answer : List.of(created, moved, deletedOld, deletedNew)) {
            if (!"SUCCESS".equals(answer.path("Status").asText())) {
                problems.add("custom resource answered " + answer.path("Status").asText() + ": "
                    + answer.path("Reason").asText());
            }
        }
        if (!afterMove.equals(List.of("bob")) || !afterOldDelete.equals(List.of("bob"))) {
            problems.add("the update did not leave the identity linked to bob alone (after the move " + afterMove
                + ", after deleting the old id " + afterOldDelete + ")");
        }
        if (!holders(pool, provider, subject).isEmpty()) {
            problems.add("a link is left after deleting both ids");
        }
        return problems;
    }

    private JsonNode send(final ObjectNode event) {
        final ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            new CustomResourceHandler().handleRequest(new ByteArrayInputStream(event.toString()
                .getBytes(StandardCharsets.UTF_8)), output,
                new LocalContext(false, Duration.ofMinutes(5).toMillis()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        final URI url = URI.create(event.path("ResponseURL").asText());
        final List<ResponseUrlServer.Put> puts = urls.putsTo(url);
        final JsonNode answer = puts.isEmpty() ? event.objectNode().put("Status", "NO ANSWER") : puts.get(puts.size() - 1).json();
        out.printf("%-6s %-8s PhysicalResourceId %s%n", event.path("RequestType").asText(), answer.path("Status").asText(),
            answer.path("PhysicalResourceId").asText());
        if (answer.hasNonNull("Reason")) {
            out.println("        reason: " + answer.path("Reason").asText());
        }
        if (answer.path("Data").size() > 0) {
            out.println("        data:   " + answer.path("Data"));
        }
        return answer;
    }

    private List<String> holders(final String pool, final String provider, final String subject) {
        synchronized (emulator.lock()) {
            return emulator.pools().pool(pool).holdersOf(provider, subject).stream().map(UserPools.User::username).toList();
        }
    }
}
