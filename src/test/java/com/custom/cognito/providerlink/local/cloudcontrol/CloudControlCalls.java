package com.custom.cognito.providerlink.local.cloudcontrol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

/** Cloud Control calls as its clients send them: AWS JSON 1.0 with a SigV4 credential scope naming the signer. */
final class CloudControlCalls {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI endpoint;
    private final String accessKeyId;

    /** An answer: the HTTP status and the body, with the error envelope's {@code __type} and message when it failed. */
    record Answer(int status, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String errorType() {
            return status == 200 ? null : json().path("__type").asText();
        }

        String errorMessage() {
            return status == 200 ? null : json().path("message").asText();
        }
    }

    CloudControlCalls(final URI endpoint, final String accessKeyId) {
        this.endpoint = endpoint;
        this.accessKeyId = accessKeyId;
    }

    Answer call(final String operation, final JsonNode input) {
        return raw("CloudApiService." + operation, input.toString());
    }

    /** The answer of a call that must succeed. */
    JsonNode ok(final String operation, final JsonNode input) {
        final Answer answer = call(operation, input);
        if (answer.status() != 200) {
            throw new AssertionError(operation + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.json();
    }

    Answer raw(final String target, final String body) {
        return send(HttpRequest.newBuilder(endpoint).header("Content-Type", "application/x-amz-json-1.0")
            .header("X-Amz-Target", target).header("Authorization", authorization("cloudcontrolapi"))
            .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A query-protocol call (CloudFormation, STS) signed for {@code service}. */
    Answer query(final String service, final String form) {
        return send(HttpRequest.newBuilder(endpoint).header("Content-Type", "application/x-www-form-urlencoded")
            .header("Authorization", authorization(service)).POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** Polls GetResourceRequestStatus until the request ends; returns its last progress event. */
    JsonNode awaitEnd(final String requestToken) {
        for (int poll = 0; poll < 6_000; poll++) {
            final JsonNode event = ok("GetResourceRequestStatus", JSON.createObjectNode().put("RequestToken", requestToken))
                .path("ProgressEvent");
            if (!Set.of("PENDING", "IN_PROGRESS", "CANCEL_IN_PROGRESS").contains(event.path("OperationStatus").asText())) {
                return event;
            }
            pause();
        }
        throw new AssertionError("request " + requestToken + " did not end after 6,000 polls");
    }

    private String authorization(final String service) {
        return "AWS4-HMAC-SHA256 Credential=" + accessKeyId + "/20261201/us-east-1/" + service
            + "/aws4_request, SignedHeaders=host;x-amz-date, Signature=0";
    }

    private Answer send(final HttpRequest request) {
        try {
            final HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
