package com.custom.cognito.providerlink.customresource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.LongSupplier;
import software.amazon.cloudformation.proxy.Logger;

/**
 * Delivers a response to the pre-signed S3 URL CloudFormation gave: one PUT with the body and its length and no
 * Content-Type (the URL is signed without one), retried with backoff after a 5xx or a connection error while the
 * function has time left. A 4xx (an expired or altered URL) is not retried: no retry could succeed. The URL itself is
 * never logged: it is a credential for the stack's answer.
 */
final class ResponseUrl {

    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);
    private static final long FIRST_BACKOFF_MILLIS = 200;
    private static final long MAX_BACKOFF_MILLIS = 3_000;

    /** How the sender waits between attempts (tests record the waits instead). */
    @FunctionalInterface
    interface Pause {
        void pause(long millis) throws InterruptedException;
    }

    private final HttpClient http;
    private final Pause pause;
    private final Duration attemptTimeout;

    ResponseUrl(final HttpClient http, final Pause pause, final Duration attemptTimeout) {
        this.http = http;
        this.pause = pause;
        this.attemptTimeout = attemptTimeout;
    }

    static ResponseUrl standard() {
        return new ResponseUrl(client(), Thread::sleep, ATTEMPT_TIMEOUT);
    }

    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * Puts {@code body} to {@code url}; true once CloudFormation's bucket accepted it.
     *
     * @param millisLeft how long the function may still run; attempts stop a second before it ends
     */
    boolean put(final URI url, final byte[] body, final LongSupplier millisLeft, final Logger log) {
        long backoff = FIRST_BACKOFF_MILLIS;
        for (int attempt = 1; ; attempt++) {
            final long left = millisLeft.getAsLong() - 1_000;
            if (left <= 0) {
                log.log("The response could not be delivered before the function's time ran out (" + (attempt - 1)
                    + " attempts).");
                return false;
            }
            final String outcome = attempt(url, body, Duration.ofMillis(Math.min(left, attemptTimeout.toMillis())));
            if (outcome == null) {
                return true;
            }
            if (outcome.startsWith("4")) {
                log.log("The response URL refused the response (HTTP " + outcome + "); it is expired or was altered, so it is not"
                    + " retried.");
                return false;
            }
            log.log("Delivering the response failed (" + outcome + ", attempt " + attempt + "); retrying in " + backoff + " ms.");
            try {
                pause.pause(Math.min(backoff, Math.max(0, millisLeft.getAsLong() - 1_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
        }
    }

    /** Null when accepted; otherwise the HTTP status, or the kind of connection failure. */
    private String attempt(final URI url, final byte[] body, final Duration timeout) {
        try {
            final HttpResponse<Void> response = http.send(HttpRequest.newBuilder(url).timeout(timeout)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? null : String.valueOf(response.statusCode());
        } catch (IOException e) {
            return e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
