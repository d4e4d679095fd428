package com.custom.cognito.providerlink.local.cloudcontrol;

import com.custom.cognito.providerlink.local.harness.WrapperInvoker;
import com.custom.cognito.providerlink.pacing.CallbackLoop;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Cloud Control's resource requests: each CREATE, UPDATE or DELETE gets a request token at once and runs on its own
 * thread through the real handler, invocation after invocation while the handler answers IN_PROGRESS, waiting each
 * callback delay, with one client request token for the whole operation, as CloudFormation drives handlers. Its
 * progress event is what GetResourceRequestStatus reports.
 */
final class ResourceRequests implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request's progress, as Cloud Control's ProgressEvent shape names it. */
    static final class Request {

        final String token = UUID.randomUUID().toString();
        final String typeName;
        final String operation;
        final String fingerprint;
        volatile String status = "PENDING";
        volatile String identifier;
        volatile JsonNode model;
        volatile String statusMessage;
        volatile String errorCode;
        volatile Instant eventTime = Instant.now();
        volatile Instant retryAfter;
        volatile boolean cancelRequested;

        Request(final String typeName, final String operation, final String fingerprint) {
            this.typeName = typeName;
            this.operation = operation;
            this.fingerprint = fingerprint;
        }

        boolean isActive() {
            return "PENDING".equals(status) || "IN_PROGRESS".equals(status) || "CANCEL_IN_PROGRESS".equals(status);
        }

        /** The ProgressEvent JSON. */
        ObjectNode progressEvent() {
            final ObjectNode event = JSON.createObjectNode().put("TypeName", typeName).put("RequestToken", token)
                .put("Operation", operation).put("OperationStatus", status).put("EventTime", eventTime.toEpochMilli() / 1000.0);
            if (identifier != null) {
                event.put("Identifier", identifier);
            }
            if (model != null) {
                event.put("ResourceModel", model.toString());
            }
            if (statusMessage != null) {
                event.put("StatusMessage", statusMessage);
            }
            if (errorCode != null) {
                event.put("ErrorCode", errorCode);
            }
            if (retryAfter != null) {
                event.put("RetryAfter", retryAfter.toEpochMilli() / 1000.0);
            }
            return event;
        }
    }

    private final Map<String, Request> byToken = new ConcurrentHashMap<>();
    private final Map<String, Request> byClientToken = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        final Thread thread = new Thread(r, "cloud-control-request");
        thread.setDaemon(true);
        return thread;
    });
    private final Duration maxCallbackDelay;

    ResourceRequests(final Duration maxCallbackDelay) {
        this.maxCallbackDelay = maxCallbackDelay;
    }

    Request find(final String token) {
        return byToken.get(token);
    }

    List<Request> all() {
        return new ArrayList<>(byToken.values());
    }

    /**
     * The progress event that answers a request with {@code clientToken}: a new request's first event (PENDING,
     * taken before its handler starts); the earlier request's current event when the token was used for the same
     * request; or null when it was used for another one (a ClientTokenConflictException).
     */
    ObjectNode start(final String clientToken, final Request request, final WrapperInvoker handler, final String action,
        final JsonNode properties, final Function<JsonNode, String> identifierOf) {
        if (clientToken != null) {
            final Request earlier = byClientToken.putIfAbsent(clientToken, request);
            if (earlier != null) {
                return earlier.fingerprint.equals(request.fingerprint) ? earlier.progressEvent() : null;
            }
        }
        final ObjectNode first = request.progressEvent();
        byToken.put(request.token, request);
        workers.submit(() -> run(request, handler, action, properties, identifierOf));
        return first;
    }

    private void run(final Request request, final WrapperInvoker handler, final String action, final JsonNode properties,
        final Function<JsonNode, String> identifierOf) {
        request.status = "IN_PROGRESS";
        request.eventTime = Instant.now();
        try {
            final WrapperInvoker.Event last = CallbackLoop.drive(new CallbackLoop.Operation<WrapperInvoker.Event>() {

                @Override
                public WrapperInvoker.Event invoke(final WrapperInvoker.Event previous) {
                    final WrapperInvoker.Event event = previous == null
                        ? handler.invokeOnce(request.token, action, properties, null, null, null)
                        : handler.invokeOnce(request.token, action, previous.model(), null, previous.raw().get("callbackContext"),
                            null);
                    request.eventTime = Instant.now();
                    if (event.model() != null) {
                        request.model = event.model();
                        request.identifier = identifierOf.apply(event.model());
                    }
                    return event;
                }

                @Override
                public Optional<Duration> callbackAfter(final WrapperInvoker.Event event) {
                    if (!event.isInProgress() || request.cancelRequested) {
                        return Optional.empty();
                    }
                    final Duration delay = Duration.ofSeconds(event.callbackDelaySeconds());
                    request.retryAfter = Instant.now().plus(delay);
                    return Optional.of(delay);
                }
            }, WrapperInvoker.capped(maxCallbackDelay), Integer.MAX_VALUE);
            request.errorCode = last.isInProgress() ? null : last.errorCode();
            request.statusMessage = last.isInProgress() ? null : last.message();
            request.status = request.cancelRequested ? "CANCEL_COMPLETE" : last.status();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            request.status = "FAILED";
            request.errorCode = "InternalFailure";
            request.statusMessage = "The local Cloud Control endpoint stopped while the request ran.";
        } catch (RuntimeException e) {
            request.status = "FAILED";
            request.errorCode = "InternalFailure";
            request.statusMessage = "The handler could not be invoked: " + e.getClass().getSimpleName();
        }
        request.eventTime = Instant.now();
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
