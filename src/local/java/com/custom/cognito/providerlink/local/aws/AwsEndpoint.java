package com.custom.cognito.providerlink.local.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP endpoint on 127.0.0.1 for several AWS services, as the real ones are reached by the SDKs and the AWS CLI:
 * the JSON protocols are told apart by their {@code X-Amz-Target} prefix, the query protocol by the service in the
 * request's SigV4 credential scope. Any signature is accepted, but only a request addressed to a loopback name
 * ({@code Host} 127.0.0.1, localhost or [::1], with this port) is answered. Test and tooling code only: not in the
 * handler jar.
 */
public final class AwsEndpoint implements AutoCloseable {

    /** The port is taken: say so, and how to choose another, instead of a bind stack trace. */
    public static final class PortInUse extends IOException {

        private static final long serialVersionUID = 1L;

        PortInUse(final int port, final Throwable cause) {
            super("Port " + port + " on 127.0.0.1 is already in use (another emulator, or another program). Stop it, or choose"
                + " another port with --port N (--port 0 picks a free one).", cause);
        }
    }

    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/,\\s]+)/[^/]+/([^/]+)/([^/]+)/");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> LOOPBACK_NAMES = List.of("127.0.0.1", "localhost", "[::1]");

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm and the client's
        // delayed ACK add about 40 ms to every answer. Read once, when the server classes load.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final List<AwsService> services = new ArrayList<>();

    private AwsEndpoint(final int port) throws IOException {
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        } catch (BindException e) {
            throw new PortInUse(port, e);
        }
        this.threads = Executors.newCachedThreadPool(r -> {
            final Thread thread = new Thread(r, "aws-endpoint");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/", this::serve);
        server.start();
    }

    /** Starts on {@code port}, or on a free ephemeral port when it is 0. */
    public static AwsEndpoint start(final int port) throws IOException {
        return new AwsEndpoint(port);
    }

    public AwsEndpoint register(final AwsService service) {
        synchronized (services) {
            services.add(service);
        }
        return this;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void serve(final HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!addressedHere(exchange.getRequestHeaders().getFirst("Host"))) {
                // A page in a browser (DNS rebinding) or another host name pointed here: not a client of this endpoint.
                final byte[] refusal = JSON.writeValueAsBytes(JSON.createObjectNode().put("__type", "AccessDeniedException")
                    .put("message", "The local endpoint answers only requests addressed to 127.0.0.1, localhost or [::1] on"
                        + " port " + server.getAddress().getPort() + "."));
                respond(exchange, 403, AwsService.Protocol.JSON_1_1.contentType(), refusal, UUID.randomUUID().toString());
                return;
            }
            final byte[] body = exchange.getRequestBody().readAllBytes();
            final String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            final Matcher credential = CREDENTIAL.matcher(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            final boolean signed = credential.find();
            final String accessKeyId = signed ? credential.group(1) : null;
            final String region = signed ? credential.group(2) : "us-east-1";
            final String signedService = signed ? credential.group(3) : null;
            final String requestId = UUID.randomUUID().toString();
            if (target != null) {
                serveJson(exchange, target, body, accessKeyId, region, signedService, requestId);
            } else {
                serveQuery(exchange, body, accessKeyId, region, signedService, requestId);
            }
        }
    }

    /** Whether the request names this endpoint as its host: a loopback name, with this port. */
    private boolean addressedHere(final String host) {
        if (host == null) {
            return false;
        }
        final String port = ":" + server.getAddress().getPort();
        return LOOPBACK_NAMES.stream().anyMatch(name -> host.equalsIgnoreCase(name + port));
    }

    private void serveJson(final HttpExchange exchange, final String target, final byte[] body, final String accessKeyId,
        final String region, final String signedService, final String requestId) throws IOException {
        final int dot = target.lastIndexOf('.');
        final String prefix = dot < 0 ? target : target.substring(0, dot);
        final String operation = dot < 0 ? "" : target.substring(dot + 1);
        final AwsService service = service(s -> s.protocol() != AwsService.Protocol.QUERY && s.name().equals(prefix));
        final String contentType = service == null
            ? AwsService.Protocol.JSON_1_1.contentType()
            : service.protocol().contentType();
        JsonNode request;
        try {
            request = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            request = null;
        }
        JsonNode answer;
        int status = 200;
        try {
            if (service == null) {
                throw AwsError.client("UnknownOperationException", "No service here answers the target " + target + ".");
            }
            if (request == null || !request.isObject()) {
                throw AwsError.client("SerializationException", "Start of structure or map found where not expected.");
            }
            final AwsService.Answer result = service.call(new AwsCall(operation, accessKeyId, region, signedService, request,
                null,
                requestId));
            if (result.dropConnection()) {
                return; // closing the exchange before any header drops the connection without an answer
            }
            answer = result.json();
        } catch (AwsError e) {
            status = e.status();
            final ObjectNode error = JSON.createObjectNode().put("__type", e.type());
            if (e.getMessage() != null) {
                error.put("message", e.getMessage());
            }
            answer = error;
        } catch (RuntimeException e) {
            status = 500;
            answer = JSON.createObjectNode().put("__type", "InternalFailure").put("message", "The local endpoint failed on "
                + target + ": " + e.getClass().getSimpleName() + ". The request was not applied; this is a bug in the emulator.");
        }
        respond(exchange, status, contentType, JSON.writeValueAsBytes(answer), requestId);
    }

    private void serveQuery(final HttpExchange exchange, final byte[] body, final String accessKeyId, final String region,
        final String signedService, final String requestId) throws IOException {
        final Map<String, String> form = form(new String(body, StandardCharsets.UTF_8));
        final String action = form.getOrDefault("Action", "");
        final AwsService service = service(s -> s.protocol() == AwsService.Protocol.QUERY
            && (s.name().equals(signedService) || signedService == null && s instanceof QueryActions
                && ((QueryActions) s).answers(action)));
        final String namespace = service instanceof QueryActions ? ((QueryActions) service).xmlNamespace() : "";
        String xml;
        int status = 200;
        try {
            if (service == null) {
                throw AwsError.client("InvalidAction", "No service here answers the action '" + action + "' (signed for "
                    + signedService + ").");
            }
            final AwsService.Answer result = service.call(new AwsCall(action, accessKeyId, region, signedService, null, form,
                requestId));
            xml = "<" + action + "Response xmlns=\"" + namespace + "\"><" + action + "Result>" + result.xml() + "</" + action
                + "Result>"
                + "<ResponseMetadata><RequestId>" + requestId + "</RequestId></ResponseMetadata></" + action + "Response>";
        } catch (AwsError e) {
            status = e.status();
            xml = "<ErrorResponse xmlns=\"" + namespace + "\"><Error><Type>" + (e.isClientError() ? "Sender" : "Receiver")
                + "</Type><Code>" + Xml.escape(e.type()) + "</Code><Message>" + Xml.escape(e.getMessage()) + "</Message></Error>"
                + "<RequestId>" + requestId + "</RequestId></ErrorResponse>";
        } catch (RuntimeException e) {
            status = 500;
            xml = "<ErrorResponse xmlns=\"" + namespace
                + "\"><Error><Type>Receiver</Type><Code>InternalFailure</Code><Message>The local"
                + " endpoint failed on " + Xml.escape(action) + ": " + e.getClass().getSimpleName()
                + ".</Message></Error><RequestId>"
                + requestId + "</RequestId></ErrorResponse>";
        }
        respond(exchange, status, AwsService.Protocol.QUERY.contentType(), xml.getBytes(StandardCharsets.UTF_8), requestId);
    }

    private AwsService service(final Predicate<AwsService> matches) {
        synchronized (services) {
            return services.stream().filter(matches).findFirst().orElse(null);
        }
    }

    private static void respond(final HttpExchange exchange, final int status, final String contentType, final byte[] body,
        final String requestId) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream stream = exchange.getResponseBody()) {
            stream.write(body);
        }
    }

    private static Map<String, String> form(final String body) {
        final Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (!pair.isEmpty()) {
                final int equals = pair.indexOf('=');
                final String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                final String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                form.put(name, value);
            }
        }
        return form;
    }

    /** A query-protocol service's XML namespace, and which actions it answers when a request is not signed. */
    public interface QueryActions {

        String xmlNamespace();

        boolean answers(String action);
    }

    /** XML text escaping for the query protocol's answers. */
    public static final class Xml {

        private Xml() {
        }

        public static String escape(final String text) {
            if (text == null) {
                return "";
            }
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        }
    }
}
