package com.custom.cognito.providerlink.local.run;

import com.custom.cognito.providerlink.local.bench.Bench;
import com.custom.cognito.providerlink.local.conformance.Conformance;
import com.custom.cognito.providerlink.local.customresource.CustomResourceRun;
import com.custom.cognito.providerlink.local.emulator.CognitoEmulator;
import com.custom.cognito.providerlink.local.emulator.DemoPool;
import com.custom.cognito.providerlink.local.emulator.RequestLog;
import com.custom.cognito.providerlink.local.registry.GeneratedFiles;
import com.custom.cognito.providerlink.local.registry.RegistryPackage;
import com.custom.cognito.providerlink.local.registry.RegistryProject;
import com.custom.cognito.providerlink.local.registry.TypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The README's local commands, run by {@code mvn -Plocal} in a JVM of their own (arguments come in {@code -Dlocal.args}):
 * <pre>
 *   lifecycle                              CREATE, READ, LIST, DELETE, READ of requests/create.json against the emulator
 *   emulator [--port N] [--seed-demo]      the Cognito emulator alone, for the AWS CLI or any SDK
 *   invoke ACTION FILE [--region R]        one action from a request file against a real AWS Region (default credentials)
 *   invoke ACTION FILE --emulator          the same against a fresh seeded emulator (gone when the command ends)
 *   invoke ACTION FILE --endpoint URL      the same against a running emulator command (state kept between invokes)
 *   generate                               docs/ and resource-role.yaml from the schema, as cfn generate writes them
 *   package --type-name Org::Cognito::ProviderLink   the registry package (what cfn submit uploads) for that name
 *   bench [--quick]                        the performance scenarios, one table (target/bench/report.md)
 *   conformance --region R | --dry-run | --cleanup --region R | --emulator   the emulator's assumptions, checked
 * </pre>
 */
public final class LocalTool {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PrintStream OUT = System.out;

    private LocalTool() {
    }

    public static void main(final String[] args) throws Exception {
        final String[] words = args.length > 0 ? args : System.getProperty("local.args", "lifecycle").trim().split("\\s+");
        final String command = words[0];
        final String[] rest = Arrays.copyOfRange(words, 1, words.length);
        switch (command) {
            case "lifecycle" -> System.exit(lifecycle() ? 0 : 1);
            case "emulator" -> System.exit(LocalEmulator.run(rest));
            case "invoke" -> System.exit(invoke(rest) ? 0 : 1);
            case "package" -> System.exit(registryPackage(rest) ? 0 : 2);
            case "bench" -> System.exit(Bench.run(rest));
            case "conformance" -> System.exit(Conformance.run(rest, OUT, System.in));
            case "generate" -> {
                GeneratedFiles.write(Path.of("."));
                OUT.println("Wrote docs/ and resource-role.yaml from " + GeneratedFiles.SCHEMA);
            }
            default -> {
                System.err.println("usage: lifecycle | emulator [--port N] [--seed-demo] [--type-name NAME]"
                    + " | invoke ACTION FILE [--region R | --emulator | --endpoint URL] | generate"
                    + " | package --type-name Org::Cognito::ProviderLink | bench [--quick]"
                    + " | conformance --region R [--yes] | --dry-run | --cleanup | --emulator");
                System.exit(2);
            }
        }
    }

    /** The whole lifecycle of the example in requests/create.json, against the emulator seeded with the demo pool. */
    static boolean lifecycle() throws IOException, RequestFile.Unusable {
        try (CognitoEmulator emulator = CognitoEmulator.start(0)) {
            DemoPool.seed(emulator);
            System.setProperty("aws.endpointUrlCognitoIdentityProvider", emulator.endpoint().toString());
            OUT.println("Cognito emulator on " + emulator.endpoint() + " with " + DemoPool.describe());
            final JsonNode declared = RequestFile.read(Path.of("requests/create.json")).path("desiredResourceState");
            OUT.println("Properties (requests/create.json): " + declared);
            OUT.println();

            final WrapperInvoker wrapper = WrapperInvoker.local(new LocalContext(false, Duration.ofMinutes(15).toMillis()));
            final List<String> problems = new ArrayList<>();
            final WrapperInvoker.Event created = step(wrapper, "CREATE", declared, "SUCCESS", problems);
            final JsonNode id = JSON.createObjectNode().put("Id", created.model() == null ? ""
                : created.model().path("Id").asText());
            step(wrapper, "READ", id, "SUCCESS", problems);
            final WrapperInvoker.Event listed = listAll(wrapper, JSON.createObjectNode().put("UserPoolId",
                declared.path("UserPoolId").asText()), null);
            if (!"SUCCESS".equals(listed.status())) {
                problems.add("LIST ended " + listed.status());
            }
            step(wrapper, "DELETE", id, "SUCCESS", problems);
            final WrapperInvoker.Event gone = step(wrapper, "READ", id, "FAILED", problems);
            if (!"NotFound".equals(gone.errorCode())) {
                problems.add("READ after DELETE answered " + gone.errorCode() + ", not NotFound");
            }

            OUT.println("Cognito calls the handlers made: " + summary(emulator.requests()));
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

    /** Like {@code cfn invoke}: one action, looping while IN_PROGRESS, printing every event. */
    static boolean invoke(final String[] args) throws IOException {
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
                System.setProperty("aws.endpointUrlCognitoIdentityProvider", emulator.endpoint().toString());
                OUT.println("Against a fresh Cognito emulator on " + emulator.endpoint() + " with " + DemoPool.describe()
                    + " (it ends with this command: to keep links between commands, start the emulator command and use"
                    + " --endpoint)");
                return invokeAll(WrapperInvoker.local(context), action, file);
            }
        }
        final int endpointAt = options.indexOf("--endpoint");
        if (endpointAt >= 0) {
            final Optional<URI> endpoint = endpointAt + 1 < options.size() ? localEndpoint(options.get(endpointAt + 1))
                : Optional.empty();
            if (endpoint.isEmpty()) {
                System.err.println("--endpoint needs the URL the emulator command printed, e.g. --endpoint http://127.0.0.1:"
                    + LocalEmulator.DEFAULT_PORT);
                return false;
            }
            System.setProperty("aws.endpointUrlCognitoIdentityProvider", endpoint.get().toString());
            OUT.println("Against the Cognito endpoint " + endpoint.get() + " (placeholder credentials)");
            return invokeAll(WrapperInvoker.local(context), action, file);
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
            return "SUCCESS".equals(listAll(wrapper, properties, file.path("nextToken").asText(null)).status());
        }
        final List<WrapperInvoker.Event> events = wrapper.invoke(action, properties, file.get("previousResourceState"));
        events.forEach(LocalTool::print);
        return "SUCCESS".equals(events.get(events.size() - 1).status());
    }

    private static WrapperInvoker.Event step(final WrapperInvoker wrapper, final String action, final JsonNode properties,
                                             final String expected, final List<String> problems) {
        final List<WrapperInvoker.Event> events = wrapper.invoke(action, properties);
        events.forEach(LocalTool::print);
        final WrapperInvoker.Event last = events.get(events.size() - 1);
        if (!expected.equals(last.status())) {
            problems.add(action + " ended " + last.status() + (last.message() == null ? "" : ": " + last.message()));
        }
        return last;
    }

    /** LIST from {@code token} to the end of the pool (or the first failure), printing each page; the last event. */
    private static WrapperInvoker.Event listAll(final WrapperInvoker wrapper, final JsonNode filter, final String token) {
        WrapperInvoker.Event page;
        String next = token;
        do {
            page = wrapper.invokeOnce("LIST", filter, null, null, next);
            print(page);
            next = page.nextToken();
        } while (next != null && "SUCCESS".equals(page.status()));
        return page;
    }

    private static Optional<URI> localEndpoint(final String text) {
        try {
            final URI uri = new URI(text);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Builds target/registry/<name>.zip, its execution role and a cfn-lint schema folder, for the chosen type name. */
    static boolean registryPackage(final String[] args) throws IOException {
        final List<String> options = Arrays.asList(args);
        final int at = options.indexOf("--type-name");
        final TypeName typeName;
        try {
            typeName = TypeName.parse(at >= 0 && at + 1 < options.size() ? options.get(at + 1) : "");
        } catch (IllegalArgumentException e) {
            System.err.println("Cannot build the registry package: " + e.getMessage());
            return false;
        }
        final int runtimeAt = options.indexOf("--runtime");
        final String runtime = runtimeAt >= 0 && runtimeAt + 1 < options.size() ? options.get(runtimeAt + 1) : null;
        if (runtime != null && !RegistryProject.RUNTIMES.contains(runtime)) {
            System.err.println("Cannot build the registry package: --runtime (handler.runtime) must be one of "
                + RegistryProject.RUNTIMES + ", not " + runtime + ".");
            return false;
        }
        final RegistryPackage.Built built = RegistryPackage.build(Path.of("."), typeName, runtime,
            Path.of("target", "custom-cognito-providerlink-handler-1.0-SNAPSHOT.jar"), Path.of("target", "registry"));
        OUT.println("Registry package for " + typeName + ": " + built.zip() + " (" + built.entries().size() + " entries)");
        if (built.fallbackZip() != null) {
            OUT.println("The same for " + RegistryPackage.FALLBACK_RUNTIME + ": " + built.fallbackZip()
                + "  (register.sh uses it if the registry refuses the runtime)");
        }
        OUT.println("CloudFormation CLI project: " + built.project() + "  (cd there: cfn validate, cfn generate, cfn submit)");
        OUT.println("Execution role template: " + built.executionRole());
        OUT.println("cfn-lint schemas:        " + built.lintSchemas() + "  (cfn-lint --registry-schemas " + built.lintSchemas()
            + " template.yaml)");
        if (typeName.publishingWarning() != null) {
            OUT.println("Note: " + typeName.publishingWarning());
        }
        OUT.println("Register it: scripts/register.sh --type-name " + typeName
            + " --bucket <your-bucket> [--region <region>] [--dry-run]");
        return true;
    }

    /** One event, readably: action, status, error code and message, then the model(s). */
    static void print(final WrapperInvoker.Event event) {
        final StringBuilder line = new StringBuilder(String.format("%-7s %-11s", event.action(), event.status()));
        if (event.errorCode() != null) {
            line.append(' ').append(event.errorCode());
        }
        line.append(String.format("  (%d ms)", event.took().toMillis()));
        if (event.isInProgress()) {
            line.append("  callback in ").append(event.callbackDelaySeconds()).append(" s");
        }
        OUT.println(line);
        if (event.message() != null) {
            OUT.println("        message: " + event.message());
        }
        if (event.model() != null) {
            OUT.println("        model:   " + event.model());
        }
        if (event.raw().has("resourceModels")) {
            OUT.println("        models:  " + event.models().size() + (event.nextToken() == null ? " (last page)"
                : " (more: nextToken)"));
            event.models().forEach(model -> OUT.println("                 " + model));
        }
    }

    private static String summary(final RequestLog log) {
        final Map<String, Long> counts = log.operations().stream()
            .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
        return counts.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", "));
    }
}
