package com.custom.cognito.providerlink.customresource;

import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.cognito.ClientBuilder;
import com.custom.cognito.providerlink.local.customresource.ResponseUrlServer;
import com.custom.cognito.providerlink.local.harness.LocalContext;
import com.custom.cognito.providerlink.local.harness.ManualClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The custom-resource function as a test drives it in this JVM: the real entry point with the function's own
 * credentials, a local stand-in for the ResponseURL (the one opt-in prefix allowed), a Lambda context whose time passes
 * only as the handler waits for callbacks or when the test moves it, and workers the test can wait for.
 */
final class FunctionUnderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    final ManualClock clock = new ManualClock();
    final List<Duration> callbackPauses = Collections.synchronizedList(new ArrayList<>());
    final List<Duration> answerPauses = Collections.synchronizedList(new ArrayList<>());
    final ResponseUrlServer urls = ResponseUrlServer.start();
    private ExecutorService workers = Executors.newCachedThreadPool();
    private ClientBuilder clients;
    private CustomResourceHandler handler;
    private LocalContext lastContext;

    FunctionUnderTest(final ClientBuilder clients) {
        System.setProperty("aws.accessKeyId", "AKIAFUNCTIONKEY00001");
        System.setProperty("aws.secretAccessKey", "function-secret-key-never-shown");
        calling(clients);
    }

    /** From now on, the function's Cognito calls go through {@code clients}. */
    FunctionUnderTest calling(final ClientBuilder other) {
        clients = other;
        handler = new CustomResourceHandler(clients, new ResponseUrl(ResponseUrl.client(), answerPauses::add,
            Duration.ofMillis(500)), waited -> {
                callbackPauses.add(waited);
                clock.advance(waited);
            }, CustomResourceHandler.Budget.STANDARD, urls.prefix(), workers);
        return this;
    }

    /**
     * The same function in another container: a new handler, with nothing of this one's memory, answering to the same
     * stand-in. It takes one invocation.
     */
    byte[] invokeInAnotherContainer(final byte[] event, final long timeoutMillis) throws InterruptedException {
        final ExecutorService own = Executors.newCachedThreadPool();
        try {
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            new CustomResourceHandler(clients, new ResponseUrl(ResponseUrl.client(), answerPauses::add,
                Duration.ofMillis(500)), clock::advance, CustomResourceHandler.Budget.STANDARD, urls.prefix(), own)
                .handleRequest(new ByteArrayInputStream(event), out, LocalContext.on(clock, timeoutMillis));
            return out.toByteArray();
        } catch (IOException e) {
            throw new AssertionError(e);
        } finally {
            own.shutdown();
            assertThat(own.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        }
    }

    /** The answer to {@code event} stored at its ResponseURL, which the function's output must equal. */
    JsonNode send(final ObjectNode event) {
        return send(event, 60_000);
    }

    JsonNode send(final ObjectNode event, final long timeoutMillis) {
        final byte[] output = invoke(event.toString().getBytes(StandardCharsets.UTF_8), timeoutMillis);
        final List<ResponseUrlServer.Put> puts = urls.putsTo(URI.create(event.path("ResponseURL").asText()));
        assertThat(puts).as("every event is answered").isNotEmpty();
        final JsonNode answer = puts.get(puts.size() - 1).json();
        try {
            assertThat(JSON.readTree(output)).as("the function's output is the answer").isEqualTo(answer);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return answer;
    }

    /** One invocation with {@code event}'s bytes, as the function {@link LocalContext#FUNCTION_ARN}; its output. */
    byte[] invoke(final byte[] event, final long timeoutMillis) {
        return invoke(event, LocalContext.on(clock, timeoutMillis));
    }

    byte[] invoke(final byte[] event, final LocalContext context) {
        lastContext = context;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event), out, context);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    LocalContext lastContext() {
        return lastContext;
    }

    /** Waits until no work of the function runs any more (none is left behind an answer); then it takes events again. */
    void awaitWorkers() throws InterruptedException {
        workers.shutdown();
        assertThat(workers.awaitTermination(1, TimeUnit.MINUTES)).as("every worker ended").isTrue();
        workers = Executors.newCachedThreadPool();
        calling(clients);
    }

    /** Waits for the workers, then stops the stand-in and forgets the function's credentials. */
    void stop() throws InterruptedException {
        workers.shutdown();
        assertThat(workers.awaitTermination(1, TimeUnit.MINUTES)).as("every worker ended").isTrue();
        urls.close();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        System.clearProperty("aws.sessionToken");
    }
}
