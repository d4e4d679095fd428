package com.custom.cognito.providerlink.local.customresource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for the pre-signed S3 URL CloudFormation gives a custom resource: each {@link #newUrl()} is one
 * ResponseURL; every PUT to it is recorded with its headers and body, and answered as scripted (accept, a 500, or
 * hang until {@link #close()}). An accepted PUT stores the answer, as S3 stores the object CloudFormation reads.
 *
 * <p>Whether S3 honours a conditional write ({@code If-None-Match: *}) on CloudFormation's pre-signed URLs is not
 * documented, so it is a switch ({@link ConditionalWrites}): honoured as the S3 User Guide describes conditional
 * writes (412 once an object is there; the default), ignored (the PUT overwrites), or refused (501, as S3 answers a
 * header it does not implement).
 */
public final class ResponseUrlServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** How the next PUT is answered. */
    public enum Answer {
        ACCEPT,
        SERVER_ERROR,
        HANG
    }

    /** What a PUT with {@code If-None-Match: *} meets. */
    public enum ConditionalWrites {
        HONOURED,
        IGNORED,
        REFUSED
    }

    /** One PUT as it arrived. */
    public record Put(String path, Map<String, String> headers, byte[] body, int status) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final HttpServer server;
    private final List<Put> puts = new ArrayList<>();
    private final Deque<Answer> script = new ConcurrentLinkedDeque<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private final Map<String, byte[]> stored = new TreeMap<>();
    private volatile ConditionalWrites conditionalWrites = ConditionalWrites.HONOURED;

    private ResponseUrlServer(final HttpServer server) {
        this.server = server;
    }

    public static ResponseUrlServer start() {
        try {
            final HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            final ResponseUrlServer urls = new ResponseUrlServer(server);
            server.setExecutor(Executors.newCachedThreadPool(r -> {
                final Thread thread = new Thread(r, "response-url");
                thread.setDaemon(true);
                return thread;
            }));
            server.createContext("/", urls::serve);
            server.start();
            return urls;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh ResponseURL, shaped like a pre-signed one (a query string holding a signature). */
    public URI newUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/cloudformation-custom-resource-response/"
            + UUID.randomUUID() + "?X-Amz-Signature=local-signature-" + UUID.randomUUID());
    }

    /**
     * The prefix of every URL this server hands out: what a custom-resource function is told it may answer to
     * ({@code PROVIDERLINK_ALLOW_RESPONSE_URL_PREFIX}), since it is not CloudFormation's bucket.
     */
    public String prefix() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** The next PUTs are answered so, in order; then every PUT is accepted. */
    public ResponseUrlServer then(final Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    /** How conditional writes are met from now on. */
    public ResponseUrlServer conditionalWrites(final ConditionalWrites how) {
        this.conditionalWrites = how;
        return this;
    }

    /** The answer stored at {@code url}: what CloudFormation would read. */
    public synchronized JsonNode stored(final URI url) {
        final byte[] body = stored.get(url.getPath());
        try {
            return body == null ? null : JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized List<Put> puts() {
        return List.copyOf(puts);
    }

    /** The PUTs to {@code url}. */
    public synchronized List<Put> putsTo(final URI url) {
        return puts.stream().filter(p -> p.path().equals(url.getPath())).toList();
    }

    private void serve(final HttpExchange exchange) throws IOException {
        try (exchange) {
            final byte[] body = exchange.getRequestBody().readAllBytes();
            final Answer answer = script.isEmpty() ? Answer.ACCEPT : script.poll();
            final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
            final String path = exchange.getRequestURI().getPath();
            final boolean conditional = "*".equals(headers.get("If-None-Match"));
            final int status;
            synchronized (this) {
                status = !"PUT".equals(exchange.getRequestMethod())
                    ? 405
                    : answer == Answer.SERVER_ERROR
                        ? 500
                        : answer == Answer.HANG
                            ? -1
                            : conditional && conditionalWrites == ConditionalWrites.REFUSED
                                ? 501
                                : conditional && conditionalWrites == ConditionalWrites.HONOURED && stored.containsKey(path)
                                    ? 412
                                    : 200;
                if (status == 200) {
                    stored.put(path, body);
                }
                puts.add(new Put(path, headers, body, status));
            }
            if (answer == Answer.HANG) {
                if (!released.await(5, TimeUnit.MINUTES)) {
                    exchange.close();
                }
                return;
            }
            exchange.sendResponseHeaders(status, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}
