package com.custom.cognito.providerlink.local.harness;

import com.custom.cognito.providerlink.HandlerWrapper;
import com.custom.cognito.providerlink.cognito.ClientBuilder;
import com.custom.cognito.providerlink.pacing.CallbackLoop;
import com.custom.cognito.providerlink.pacing.Pause;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Drives the real plugin wrapper ({@link HandlerWrapper#handleRequest}, the entry point CloudFormation calls) in
 * this JVM, with requests shaped as CloudFormation sends them, and loops on IN_PROGRESS the way {@code cfn test}
 * does: wait {@code callbackDelaySeconds}, then send the returned model and callback context back.
 *
 * <p>The wrapper empties {@code java.io.tmpdir} on every request, so this refuses to run unless that is a scratch
 * folder under a {@code target/} directory.
 */
public final class WrapperInvoker {

    public static final String ACCOUNT = "123456789012";
    /** As many invocations as an operation may take: more means a handler that never ends. */
    private static final int MAX_INVOCATIONS = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Caller credentials; the emulator accepts any. */
    public record Credentials(String accessKeyId, String secretAccessKey, String sessionToken) {

        public static Credentials fake() {
            return new Credentials("AKIALOCALTESTKEY0001", "local-secret-never-logged", "local-session-token-never-logged");
        }
    }

    /** One progress event, as the wrapper wrote it. */
    public record Event(String action, JsonNode raw, Duration took) {

        public String status() {
            return raw.path("status").asText();
        }

        public String errorCode() {
            return raw.path("errorCode").asText(null);
        }

        public String message() {
            return raw.path("message").asText(null);
        }

        public JsonNode model() {
            return raw.get("resourceModel");
        }

        public List<JsonNode> models() {
            final List<JsonNode> models = new ArrayList<>();
            raw.path("resourceModels").forEach(models::add);
            return models;
        }

        public String nextToken() {
            return raw.path("nextToken").asText(null);
        }

        public int callbackDelaySeconds() {
            return raw.path("callbackDelaySeconds").asInt(0);
        }

        public boolean isInProgress() {
            return "IN_PROGRESS".equals(status());
        }
    }

    /** What the requests name: the type (its development name, or a name it is registered under) and the logical id. */
    public record Target(String typeName, String logicalId) {

        public static Target development() {
            return new Target(DEVELOPMENT_TYPE_NAME, "ProviderLink");
        }
    }

    public static final String DEVELOPMENT_TYPE_NAME = "Custom::Cognito::ProviderLink";

    private final String region;
    private final Credentials credentials;
    private final LocalContext context;
    private final Duration maxCallbackDelay;
    private final Target target;
    private final ClientBuilder clients;

    /**
     * An invoker whose handlers call Cognito where the SDK resolves it (a real Region, or the endpoint the environment or
     * {@code aws.endpointUrlCognitoIdentityProvider} names).
     *
     * @param maxCallbackDelay the longest wait honoured between IN_PROGRESS re-invocations (CloudFormation honours
     *                         the whole delay; tests may shorten it)
     */
    public WrapperInvoker(final String region, final Credentials credentials, final LocalContext context,
        final Duration maxCallbackDelay) {
        this(region, credentials, context, maxCallbackDelay, Target.development(), new ClientBuilder());
    }

    private WrapperInvoker(final String region, final Credentials credentials, final LocalContext context,
        final Duration maxCallbackDelay, final Target target, final ClientBuilder clients) {
        requireScratchTmpdir();
        this.region = region;
        this.credentials = credentials;
        this.context = context;
        this.maxCallbackDelay = maxCallbackDelay;
        this.target = target;
        this.clients = clients;
    }

    /** The same invoker, for another type name or logical id. */
    public WrapperInvoker targeting(final Target other) {
        return new WrapperInvoker(region, credentials, context, maxCallbackDelay, other, clients);
    }

    /** The same invoker, signing with other caller credentials. */
    public WrapperInvoker signedBy(final Credentials other) {
        return new WrapperInvoker(region, other, context, maxCallbackDelay, target, clients);
    }

    /** The same invoker, whose handlers call Cognito through {@code other} (an emulator's endpoint, say). */
    public WrapperInvoker calling(final ClientBuilder other) {
        return new WrapperInvoker(region, credentials, context, maxCallbackDelay, target, other);
    }

    /** Against a local Cognito endpoint, with placeholder credentials and callbacks shortened to 5 seconds at most. */
    public static WrapperInvoker local(final LocalContext context, final ClientBuilder cognito) {
        return new WrapperInvoker("us-east-1", Credentials.fake(), context, Duration.ofSeconds(5), Target.development(),
            cognito);
    }

    public LocalContext context() {
        return context;
    }

    /** One invocation: the request CloudFormation would send for {@code action}, as a new operation. */
    public Event invokeOnce(final String action, final JsonNode properties, final JsonNode previousProperties,
        final JsonNode callbackContext, final String nextToken) {
        return invokeOnce(UUID.randomUUID().toString(), action, properties, previousProperties, callbackContext, nextToken);
    }

    /** One invocation of the operation that {@code requestToken} identifies (CloudFormation keeps it across callbacks). */
    public Event invokeOnce(final String requestToken, final String action, final JsonNode properties,
        final JsonNode previousProperties,
        final JsonNode callbackContext, final String nextToken) {
        final ObjectNode request = request(action, properties, previousProperties, callbackContext, nextToken);
        request.put("bearerToken", requestToken);
        return send(action, request);
    }

    /** One LIST invocation, with the page size the caller asks for (or null). */
    public Event listOnce(final JsonNode filter, final String nextToken, final Integer maxResults) {
        final ObjectNode request = request("LIST", filter, null, null, nextToken);
        if (maxResults != null) {
            request.put("maxResults", maxResults);
        }
        return send("LIST", request);
    }

    /** The whole operation: invocations until the status is no longer IN_PROGRESS; every event, in order. */
    public List<Event> invoke(final String action, final JsonNode properties) {
        return invoke(action, properties, null);
    }

    public List<Event> invoke(final String action, final JsonNode properties, final JsonNode previousProperties) {
        final List<Event> events = new ArrayList<>();
        final String requestToken = UUID.randomUUID().toString();
        try {
            CallbackLoop.drive(new CallbackLoop.Operation<Event>() {

                @Override
                public Event invoke(final Event previous) {
                    final Event event = previous == null
                        ? invokeOnce(requestToken, action, properties, previousProperties, null, null)
                        : invokeOnce(requestToken, action, previous.model(), previousProperties,
                            previous.raw().get("callbackContext"), null);
                    events.add(event);
                    return event;
                }

                @Override
                public Optional<Duration> callbackAfter(final Event event) {
                    return event.isInProgress()
                        ? Optional.of(Duration.ofSeconds(event.callbackDelaySeconds()))
                        : Optional.empty();
                }
            }, capped(maxCallbackDelay), MAX_INVOCATIONS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return events;
    }

    /** Waits as asked, but never longer than {@code max}. */
    public static Pause capped(final Duration max) {
        return requested -> Pause.SLEEP.pause(requested.compareTo(max) > 0 ? max : requested);
    }

    /** The final event of {@link #invoke}. */
    public Event run(final String action, final JsonNode properties) {
        final List<Event> events = invoke(action, properties);
        return events.get(events.size() - 1);
    }

    /** Raw bytes in, raw bytes out: for requests the builder would not write (malformed ones, for instance). */
    public Event send(final String action, final JsonNode request) {
        try {
            return sendBytes(action, JSON.writeValueAsBytes(request));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The request exactly as written, even as JSON no tree can hold (a repeated key). */
    public Event sendText(final String action, final String request) {
        return sendBytes(action, request.getBytes(StandardCharsets.UTF_8));
    }

    private Event sendBytes(final String action, final byte[] request) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final long start = System.nanoTime();
        try {
            new HandlerWrapper(clients).handleRequest(new ByteArrayInputStream(request), out, context);
            return new Event(action, JSON.readTree(out.toByteArray()), Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ObjectNode request(final String action, final JsonNode properties, final JsonNode previousProperties,
        final JsonNode callbackContext, final String nextToken) {
        final ObjectNode request = JSON.createObjectNode();
        request.put("action", action);
        request.put("awsAccountId", ACCOUNT);
        request.put("bearerToken", UUID.randomUUID().toString());
        request.put("region", region);
        request.put("resourceType", target.typeName());
        request.put("resourceTypeVersion", "00000001");
        request.put("stackId", "arn:aws:cloudformation:" + region + ":" + ACCOUNT + ":stack/local/" + UUID.randomUUID());
        if (nextToken != null) {
            request.put("nextToken", nextToken);
        }
        if (callbackContext != null) {
            request.set("callbackContext", callbackContext);
        }
        final ObjectNode data = request.putObject("requestData");
        data.putObject("callerCredentials")
            .put("accessKeyId", credentials.accessKeyId())
            .put("secretAccessKey", credentials.secretAccessKey())
            .put("sessionToken", credentials.sessionToken());
        data.put("logicalResourceId", target.logicalId());
        data.set("resourceProperties", properties == null ? JSON.createObjectNode() : properties);
        if (previousProperties != null) {
            data.set("previousResourceProperties", previousProperties);
        }
        return request;
    }

    /** The wrapper deletes everything in java.io.tmpdir on each request: only ever let it near a build scratch folder. */
    public static void requireScratchTmpdir() {
        final Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        final Path parent = tmp.getParent();
        final Path parentName = parent == null ? null : parent.getFileName();
        if (parentName == null || !parentName.toString().equals("target")) {
            throw new IllegalStateException("java.io.tmpdir is " + tmp
                + ": the plugin wrapper empties it on every request. Run with"
                + " -Djava.io.tmpdir=<project>/target/<scratch folder> (the pom and the README commands do).");
        }
        try {
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
