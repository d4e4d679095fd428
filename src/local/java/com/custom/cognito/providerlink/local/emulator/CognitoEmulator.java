package com.custom.cognito.providerlink.local.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Cognito user-pool endpoint on 127.0.0.1 that speaks the AWS JSON 1.1 protocol, so the real SDK client (and the
 * AWS CLI with {@code --endpoint-url}) talk to it: {@code POST /} with {@code X-Amz-Target:
 * AWSCognitoIdentityProviderService.<Operation>}. Client errors answer 400 with {@code {"__type", "message"}}, as
 * the service does even where its model declares 404 or 429; InternalErrorException answers 500. Any signature is
 * accepted. Test and tooling code only: it is not in the handler jar.
 */
public final class CognitoEmulator implements AutoCloseable {

    private static final String TARGET_PREFIX = "AWSCognitoIdentityProviderService.";
    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/,\\s]+)/[^/]+/([^/]+)/");
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm and the client's
        // delayed ACK add about 40 ms to every answer. Read once, when the server classes load.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final UserPools pools = new UserPools();
    private final Behaviour behaviour;
    private final Operations operations;
    private final Faults faults = new Faults();
    private final Quotas quotas = new Quotas();
    private final RequestLog requests = new RequestLog();

    private CognitoEmulator(final int port, final Behaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        this.operations = new Operations(pools, behaviour);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        this.threads = Executors.newFixedThreadPool(8, r -> {
            final Thread thread = new Thread(r, "cognito-emulator");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/", this::serve);
        server.start();
    }

    /** Starts on {@code port}, or on a free ephemeral port when it is 0. */
    public static CognitoEmulator start(final int port) throws IOException {
        return start(port, Behaviour.defaults());
    }

    public static CognitoEmulator start(final int port, final Behaviour behaviour) throws IOException {
        return new CognitoEmulator(port, behaviour);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The state, for direct seeding and inspection. Lock it ({@code synchronized (emulator.lock())}) while changing it. */
    public UserPools pools() {
        return pools;
    }

    public Object lock() {
        return pools;
    }

    public Behaviour behaviour() {
        return behaviour;
    }

    public Faults faults() {
        return faults;
    }

    public Quotas quotas() {
        return quotas;
    }

    public RequestLog requests() {
        return requests;
    }

    /** Back to empty: no pools, faults, quotas, log entries, and default behaviour. */
    public void reset() {
        synchronized (pools) {
            pools.clear();
        }
        faults.clear();
        quotas.disable();
        requests.clear();
        behaviour.restoreDefaults();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void serve(final HttpExchange exchange) throws IOException {
        try (exchange) {
            final byte[] body = exchange.getRequestBody().readAllBytes();
            final String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            final String operation = target != null && target.startsWith(TARGET_PREFIX)
                ? target.substring(TARGET_PREFIX.length()) : "";
            final Matcher credential = CREDENTIAL.matcher(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            final String accessKeyId = credential.find() ? credential.group(1) : null;
            final String region = accessKeyId == null ? "us-east-1" : credential.group(2);
            JsonNode request;
            try {
                request = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
            } catch (IOException e) {
                request = null;
            }

            final Faults.Rule fault = faults.next(operation);
            final Faults.Kind kind = fault == null ? null : fault.kind();
            if (kind == Faults.Kind.SLOW) {
                sleep(fault);
            }
            if (kind == Faults.Kind.CONNECTION_RESET) {
                requests.add(new RequestLog.Entry(operation, accessKeyId, region, request, 0, "ConnectionReset"));
                return; // closing the exchange before any header drops the connection without an answer
            }

            int status = 200;
            JsonNode response;
            try {
                if (request == null || !request.isObject()) {
                    throw CognitoError.client("SerializationException", "Start of structure or map found where not expected.");
                }
                if (!Operations.SUPPORTED.contains(operation)) {
                    throw CognitoError.client("UnknownOperationException", null);
                }
                if (kind != null && kind != Faults.Kind.APPLY_THEN_RESET && kind != Faults.Kind.SLOW) {
                    throw injected(kind);
                }
                if (!quotas.admit(operation)) {
                    throw CognitoError.client("TooManyRequestsException", "Rate exceeded");
                }
                synchronized (pools) {
                    response = operations.handle(operation, request, region);
                }
            } catch (CognitoError e) {
                status = e.status();
                final ObjectNode error = JSON.createObjectNode().put("__type", e.type());
                if (e.getMessage() != null) {
                    error.put("message", e.getMessage());
                }
                response = error;
            }
            requests.add(new RequestLog.Entry(operation, accessKeyId, region, request, status,
                response.has("__type") ? response.get("__type").asText() : null));
            if (kind == Faults.Kind.APPLY_THEN_RESET) {
                return; // it happened; the caller never hears so
            }
            final byte[] out = JSON.writeValueAsBytes(response);
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
            exchange.getResponseHeaders().set("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
            exchange.sendResponseHeaders(status, out.length);
            try (OutputStream stream = exchange.getResponseBody()) {
                stream.write(out);
            }
        }
    }

    private static CognitoError injected(final Faults.Kind kind) {
        return switch (kind) {
            case THROTTLE -> CognitoError.client("TooManyRequestsException", "Rate exceeded");
            case INTERNAL_ERROR -> CognitoError.internal();
            case NOT_AUTHORIZED -> CognitoError.client("NotAuthorizedException", "Not authorized.");
            case ACCESS_DENIED -> CognitoError.client("AccessDeniedException",
                "User is not authorized to perform this action on this resource because no identity-based policy allows it");
            default -> throw new IllegalStateException(kind.name());
        };
    }

    private static void sleep(final Faults.Rule fault) {
        try {
            Thread.sleep(fault.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Standalone: {@code --port N} (default 9229) and {@code --seed-demo} for the demo pool of the local lifecycle.
     * Point any SDK or the AWS CLI at it, e.g. {@code aws --endpoint-url http://127.0.0.1:9229 cognito-idp list-users
     * --user-pool-id us-east-1_EXAMPLE} with any credentials.
     */
    public static void main(final String[] args) throws Exception {
        int port = 9229;
        boolean seed = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--port") && i + 1 < args.length) {
                port = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--seed-demo")) {
                seed = true;
            } else {
                System.err.println("usage: CognitoEmulator [--port N] [--seed-demo]");
                System.exit(2);
            }
        }
        final CognitoEmulator emulator = start(port);
        if (seed) {
            DemoPool.seed(emulator);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close));
        System.out.println("Cognito emulator listening on " + emulator.endpoint() + (seed ? " with " + DemoPool.describe() : ""));
        System.out.println("Try: aws --endpoint-url " + emulator.endpoint()
            + " --region us-east-1 cognito-idp list-users --user-pool-id "
            + DemoPool.USER_POOL_ID + "   (any credentials; set AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER for SDKs)");
        System.out.println("Operations: " + String.join(", ", new java.util.TreeSet<>(Operations.SUPPORTED))
            + ". Ctrl-C stops it.");
        Thread.currentThread().join();
    }

    static Map<String, String> attributes(final String... nameValues) {
        final Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < nameValues.length; i += 2) {
            map.put(nameValues[i], nameValues[i + 1]);
        }
        return map;
    }
}
