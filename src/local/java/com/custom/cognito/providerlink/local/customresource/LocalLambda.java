package com.custom.cognito.providerlink.local.customresource;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.custom.cognito.providerlink.local.harness.LocalContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Lambda invocations in a JVM of their own, as one function container runs them: {@code LocalLambda <handler class>
 * <event file>...} instantiates the handler once (the cold start), passes each event in turn, and prints each
 * output on a line of its own, prefixed {@code OUTPUT }, on standard output; the function's log goes to standard
 * error. {@code LOCAL_LAMBDA_TIMEOUT_MS} sets each invocation's time limit (60 s by default).
 */
public final class LocalLambda {

    public static final String OUTPUT = "OUTPUT ";

    private LocalLambda() {
    }

    public static void main(final String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: LocalLambda <handler class> <event file>...");
            System.exit(2);
        }
        final RequestStreamHandler handler = (RequestStreamHandler) Class.forName(args[0]).getDeclaredConstructor().newInstance();
        final long timeout = Long.parseLong(System.getenv().getOrDefault("LOCAL_LAMBDA_TIMEOUT_MS", "60000"));
        for (int i = 1; i < args.length; i++) {
            final ByteArrayOutputStream output = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(Files.readAllBytes(Path.of(args[i]))), output, new LocalContext(true,
                timeout));
            System.out.println(OUTPUT + output.toString(StandardCharsets.UTF_8).replace("\n", " "));
        }
    }
}
