package com.custom.cognito.providerlink.local.harness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A request file as {@code cfn invoke} reads it: {@code desiredResourceState}, and optionally
 * {@code previousResourceState} or {@code nextToken}. Credentials never belong in one (they come from the default chain,
 * or are placeholders against the emulator): a file holding any, under any key, at any depth, is refused.
 */
public final class RequestFile {

    /** Key names that hold credentials, compared in lower case without separators. */
    private static final Set<String> CREDENTIAL_KEYS = Set.of("credentials", "callercredentials", "providercredentials",
        "accesskeyid", "secretaccesskey", "sessiontoken", "awsaccesskeyid", "awssecretaccesskey", "awssessiontoken",
        "secretkey", "accesskey");
    /** An AWS access key id, long-term (AKIA) or temporary (ASIA), wherever it appears as a value. */
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("\\b(?:AKIA|ASIA)[A-Z0-9]{16}\\b");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Why a file cannot be used, in one line. */
    public static final class Unusable extends Exception {

        private static final long serialVersionUID = 1L;

        Unusable(final String message) {
            super(message);
        }
    }

    private RequestFile() {
    }

    public static JsonNode read(final Path path) throws Unusable {
        final JsonNode file;
        try {
            file = JSON.readTree(Files.readString(path));
        } catch (NoSuchFileException e) {
            throw new Unusable("No request file " + path + ": give the path of a JSON file such as requests/create.json.");
        } catch (JsonProcessingException e) {
            throw new Unusable(path + " is not JSON (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage().split("\n")[0]);
        } catch (IOException e) {
            throw new Unusable("Cannot read " + path + ": " + e.getMessage());
        }
        if (file == null || !file.isObject() || !file.path("desiredResourceState").isObject()) {
            throw new Unusable(path + " has no desiredResourceState object: a request file holds {\"desiredResourceState\":"
                + " {...properties...}}, as requests/create.json does.");
        }
        final Optional<String> credential = credentialIn(file, "");
        if (credential.isPresent()) {
            throw new Unusable(path + " holds credentials at " + credential.get() + ": remove them. Request files never"
                + " carry credentials: invoke takes them from the default chain (or none, against the emulator).");
        }
        return file;
    }

    /** Where the first credential is, as a JSON pointer, if there is one. */
    private static Optional<String> credentialIn(final JsonNode node, final String at) {
        if (node.isTextual() && ACCESS_KEY_ID.matcher(node.asText()).find()) {
            return Optional.of(at.isEmpty() ? "/" : at);
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                final Map.Entry<String, JsonNode> field = fields.next();
                final String pointer = at + "/" + field.getKey();
                if (CREDENTIAL_KEYS.contains(field.getKey().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", ""))) {
                    return Optional.of(pointer);
                }
                final Optional<String> inside = credentialIn(field.getValue(), pointer);
                if (inside.isPresent()) {
                    return inside;
                }
            }
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                final Optional<String> inside = credentialIn(node.get(i), at + "/" + i);
                if (inside.isPresent()) {
                    return inside;
                }
            }
        }
        return Optional.empty();
    }
}
