package com.custom.cognito.providerlink.customresource;

import com.custom.cognito.providerlink.pacing.Backoff;
import com.custom.cognito.providerlink.pacing.Pause;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.LongSupplier;
import software.amazon.cloudformation.proxy.Logger;

/**
 * Delivers an answer to the pre-signed S3 URL CloudFormation gave: a PUT with the body and its length and no
 * Content-Type (the URL is signed without one), retried with backoff after a 5xx or a connection error while the
 * function has time left. The URL itself is never logged: it is a credential for the stack's answer.
 *
 * <p>The first answer to an event stays: the PUT is a conditional write ({@code If-None-Match: *}), which S3 refuses
 * with 412 once an object is there (S3 User Guide, "Conditional writes"), so a second delivery of the same event,
 * which Lambda's asynchronous invocation allows, cannot overwrite the answer the first one gave. Whether S3 honours the
 * condition on CloudFormation's pre-signed URLs is not documented; where it refuses the header instead (a 501, or a
 * 4xx other than 412), the answer is sent once more without it, as before.
 */
final class ResponseUrl {

    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);
    private static final Backoff BACKOFF = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(3));
    /** Attempts stop this long before the function's time ends. */
    private static final long LAST_MILLIS = 1_000;

    /** How a delivery ended. */
    enum Delivery {
        DELIVERED,
        /** An answer to this event was there already (an earlier delivery of it): it is kept. */
        ALREADY_ANSWERED,
        FAILED
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
        return new ResponseUrl(client(), Pause.SLEEP, ATTEMPT_TIMEOUT);
    }

    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * Puts {@code body} to {@code url}.
     *
     * @param millisLeft how long the function may still run; attempts stop a second before it ends
     */
    Delivery put(final URI url, final byte[] body, final LongSupplier millisLeft, final Logger log) {
        boolean conditional = true;
        for (int attempt = 1;; attempt++) {
            final long left = millisLeft.getAsLong() - LAST_MILLIS;
            if (left <= 0) {
                log.log("The response could not be delivered before the function's time ran out (" + (attempt - 1)
                    + " attempts).");
                return Delivery.FAILED;
            }
            final Outcome outcome = attempt(url, body, conditional, Duration.ofMillis(Math.min(left, attemptTimeout.toMillis())));
            if (outcome.status / 100 == 2) {
                return Delivery.DELIVERED;
            }
            if (conditional && outcome.status == 412) {
                log.log("An answer to this event had been delivered already (a second delivery of it): it is kept.");
                return Delivery.ALREADY_ANSWERED;
            }
            if (conditional && (outcome.status == 501 || outcome.status / 100 == 4 && outcome.status != 409)) {
                log.log("The response URL did not take a conditional write (HTTP " + outcome.status + "); sending the answer"
                    + " without the condition.");
                conditional = false;
                continue;
            }
            if (outcome.status / 100 == 4 && outcome.status != 409) {
                log.log("The response URL refused the response (HTTP " + outcome.status + "); it is expired or was altered,"
                    + " so it is not retried.");
                return Delivery.FAILED;
            }
            final Duration wait = BACKOFF.after(attempt);
            log.log("Delivering the response failed (" + outcome.describe() + ", attempt " + attempt + "); retrying in "
                + wait.toMillis() + " ms.");
            try {
                pause.pause(Duration.ofMillis(Math.min(wait.toMillis(), Math.max(0, millisLeft.getAsLong() - LAST_MILLIS))));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Delivery.FAILED;
            }
        }
    }

    /** An attempt's HTTP status, or 0 with the kind of connection failure. */
    private record Outcome(int status, String failure) {

        String describe() {
            return failure != null ? failure : "HTTP " + status;
        }
    }

    private Outcome attempt(final URI url, final byte[] body, final boolean conditional, final Duration timeout) {
        try {
            final HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
            if (conditional) {
                request.header("If-None-Match", "*");
            }
            return new Outcome(http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode(), null);
        } catch (IOException e) {
            return new Outcome(0, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(0, "interrupted");
        }
    }
}
