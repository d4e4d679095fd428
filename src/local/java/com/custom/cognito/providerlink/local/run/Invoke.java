package com.custom.cognito.providerlink.local.run;

import static com.custom.cognito.providerlink.local.run.Printing.OUT;

import com.custom.cognito.providerlink.cognito.ClientBuilder;
import com.custom.cognito.providerlink.local.emulator.CognitoEmulator;
import com.custom.cognito.providerlink.local.emulator.DemoPool;
import com.custom.cognito.providerlink.local.harness.CallerCredentials;
import com.custom.cognito.providerlink.local.harness.LocalContext;
import com.custom.cognito.providerlink.local.harness.RequestFile;
import com.custom.cognito.providerlink.local.harness.WrapperInvoker;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Like {@code cfn invoke}: one action from a request file, looping while IN_PROGRESS, printing every event. */
final class Invoke {

    private Invoke() {
    }

    static boolean run(final String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: invoke CREATE|READ|DELETE|LIST FILE [--region R | --emulator | --endpoint URL]");
            return false;
        }
        final String action = args[0].toUpperCase(Locale.ROOT);
        final JsonNode file;
        try {
            file = RequestFile.read(Path.of(args[1]));
        } catch (RequestFile.Unusable e) {
            System.err.println(e.getMessage());
            return false;
        }
        final List<String> options = Arrays.asList(args).subList(2, args.length);
        final LocalContext context = new LocalContext(true, Duration.ofMinutes(15).toMillis());
        if (options.contains("--emulator")) {
            try (CognitoEmulator emulator = CognitoEmulator.start(0)) {
                DemoPool.seed(emulator);
                OUT.println("Against a fresh Cognito emulator on " + emulator.endpoint() + " with " + DemoPool.describe()
                    + " (it ends with this command: to keep links between commands, start the emulator command and use"
                    + " --endpoint)");
                return invokeAll(WrapperInvoker.local(context, ClientBuilder.at(emulator.endpoint())), action, file);
            }
        }
        final int endpointAt = options.indexOf("--endpoint");
        if (endpointAt >= 0) {
            final Optional<URI> endpoint = endpointAt + 1 < options.size()
                ? localEndpoint(options.get(endpointAt + 1))
                : Optional.empty();
            if (endpoint.isEmpty()) {
                System.err.println("--endpoint needs the URL the emulator command printed, e.g. --endpoint http://127.0.0.1:"
                    + LocalEmulator.DEFAULT_PORT);
                return false;
            }
            OUT.println("Against the Cognito endpoint " + endpoint.get() + " (placeholder credentials)");
            return invokeAll(WrapperInvoker.local(context, ClientBuilder.at(endpoint.get())), action, file);
        }
        final Optional<CallerCredentials> caller = CallerCredentials.resolve(options, System.err);
        if (caller.isEmpty()) {
            return false;
        }
        OUT.println("Against Cognito in " + caller.get().region() + " with the default credential chain");
        return invokeAll(new WrapperInvoker(caller.get().region(), caller.get().credentials(), context, Duration.ofSeconds(60)),
            action, file);
    }

    private static boolean invokeAll(final WrapperInvoker wrapper, final String action, final JsonNode file) {
        final JsonNode properties = file.path("desiredResourceState");
        if ("LIST".equals(action)) {
            return "SUCCESS".equals(Printing.listAll(wrapper, properties, file.path("nextToken").asText(null)).status());
        }
        final List<WrapperInvoker.Event> events = wrapper.invoke(action, properties, file.get("previousResourceState"));
        events.forEach(Printing::print);
        return "SUCCESS".equals(events.get(events.size() - 1).status());
    }

    private static Optional<URI> localEndpoint(final String text) {
        try {
            final URI uri = new URI(text);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                ? Optional.of(uri)
                : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
