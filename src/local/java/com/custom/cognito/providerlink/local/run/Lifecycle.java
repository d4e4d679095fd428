package com.custom.cognito.providerlink.local.run;

import static com.custom.cognito.providerlink.local.run.Printing.OUT;

import com.custom.cognito.providerlink.cognito.ClientBuilder;
import com.custom.cognito.providerlink.local.customresource.CustomResourceRun;
import com.custom.cognito.providerlink.local.emulator.CognitoEmulator;
import com.custom.cognito.providerlink.local.emulator.DemoPool;
import com.custom.cognito.providerlink.local.harness.LocalContext;
import com.custom.cognito.providerlink.local.harness.RequestFile;
import com.custom.cognito.providerlink.local.harness.WrapperInvoker;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The README's run command: the whole lifecycle of requests/create.json against the embedded emulator, both modes. */
final class Lifecycle {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Lifecycle() {
    }

    static boolean run() throws IOException, RequestFile.Unusable {
        try (CognitoEmulator emulator = CognitoEmulator.start(0)) {
            DemoPool.seed(emulator);
            // The custom-resource mode builds its own clients, as in Lambda: they find the emulator the SDK's way.
            System.setProperty("aws.endpointUrlCognitoIdentityProvider", emulator.endpoint().toString());
            OUT.println("Cognito emulator on " + emulator.endpoint() + " with " + DemoPool.describe());
            final JsonNode declared = RequestFile.read(Path.of("requests/create.json")).path("desiredResourceState");
            OUT.println("Properties (requests/create.json): " + declared);
            OUT.println();

            final WrapperInvoker wrapper = WrapperInvoker.local(new LocalContext(false, Duration.ofMinutes(15).toMillis()),
                ClientBuilder.at(emulator.endpoint()));
            final List<String> problems = new ArrayList<>();
            final WrapperInvoker.Event created = step(wrapper, "CREATE", declared, "SUCCESS", problems);
            final JsonNode id = JSON.createObjectNode().put("Id", created.model() == null
                ? ""
                : created.model().path("Id").asText());
            step(wrapper, "READ", id, "SUCCESS", problems);
            final WrapperInvoker.Event listed = Printing.listAll(wrapper, JSON.createObjectNode().put("UserPoolId",
                declared.path("UserPoolId").asText()), null);
            if (!"SUCCESS".equals(listed.status())) {
                problems.add("LIST ended " + listed.status());
            }
            step(wrapper, "DELETE", id, "SUCCESS", problems);
            final WrapperInvoker.Event gone = step(wrapper, "READ", id, "FAILED", problems);
            if (!"NotFound".equals(gone.errorCode())) {
                problems.add("READ after DELETE answered " + gone.errorCode() + ", not NotFound");
            }

            OUT.println("Cognito calls the handlers made: " + Printing.summary(emulator.requests()));
            OUT.println();
            problems.addAll(CustomResourceRun.run(emulator, (ObjectNode) declared, OUT));
            if (problems.isEmpty()) {
                OUT.println("Lifecycle OK: created, read, listed, deleted, and gone; as a custom resource: created, moved by an"
                    + " update, both ids deleted, no link left.");
                return true;
            }
            OUT.println("Lifecycle FAILED: " + String.join("; ", problems));
            return false;
        }
    }

    private static WrapperInvoker.Event step(final WrapperInvoker wrapper, final String action, final JsonNode properties,
        final String expected, final List<String> problems) {
        final List<WrapperInvoker.Event> events = wrapper.invoke(action, properties);
        events.forEach(Printing::print);
        final WrapperInvoker.Event last = events.get(events.size() - 1);
        if (!expected.equals(last.status())) {
            problems.add(action + " ended " + last.status() + (last.message() == null ? "" : ": " + last.message()));
        }
        return last;
    }
}
