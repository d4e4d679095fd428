package com.custom.cognito.providerlink.local.bench;

import com.custom.cognito.providerlink.local.emulator.CognitoEmulator;
import com.custom.cognito.providerlink.local.emulator.RequestLog;
import com.custom.cognito.providerlink.local.harness.WrapperInvoker;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** The Cognito calls each operation makes on the normal path, counted by the emulator. */
final class CallsPerOperation {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What each operation may call, exactly, for a pool of {@code users} users (60 per ListUsers page). */
    static Map<String, Map<String, Long>> expected(final int users) {
        return Map.of(
            "CREATE", Map.of("AdminGetUser", 2L, "AdminLinkProviderForUser", 1L),
            "READ", Map.of("AdminGetUser", 1L),
            "DELETE", Map.of("AdminGetUser", 2L, "AdminDisableProviderForUser", 1L),
            "LIST", Map.of("ListUsers", (long) Math.ceil(users / 60.0)));
    }

    static void measure(final Report report, final CognitoEmulator cognito, final WrapperInvoker wrapper, final JsonNode link,
        final int users) {
        final Map<String, Map<String, Long>> counted = new TreeMap<>();
        final String id = count(cognito, counted, "CREATE", () -> wrapper.run("CREATE", link)).model().path("Id").asText();
        count(cognito, counted, "READ", () -> wrapper.run("READ", JSON.createObjectNode().put("Id", id)));
        count(cognito, counted, "LIST", () -> wrapper.listOnce(JSON.createObjectNode().put("UserPoolId", link.path("UserPoolId")
            .asText()), null, null));
        count(cognito, counted, "DELETE", () -> wrapper.run("DELETE", JSON.createObjectNode().put("Id", id)));
        final List<String> problems = new ArrayList<>();
        expected(users).forEach((operation, calls) -> {
            if (!calls.equals(counted.get(operation))) {
                problems.add(operation + " made " + counted.get(operation) + ", expected " + calls);
            }
        });
        report.add("Calls per operation (pool of " + users + " users)", counted.toString().replace("=", ": "),
            "create 1 pre-check + 1 link + 1 read-back; read 1; delete 1 + 1 unlink + 1; list 1 per 60 users", problems);
    }

    private static WrapperInvoker.Event count(final CognitoEmulator cognito, final Map<String, Map<String, Long>> counted,
        final String operation, final Supplier<WrapperInvoker.Event> call) {
        final int mark = cognito.requests().mark();
        final WrapperInvoker.Event event = call.get();
        final Map<String, Long> calls = new TreeMap<>();
        for (RequestLog.Entry entry : cognito.requests().since(mark)) {
            calls.merge(entry.operation(), 1L, Long::sum);
        }
        counted.put(operation, calls);
        return event;
    }
}
