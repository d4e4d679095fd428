package com.custom.cognito.providerlink.local.run;

import com.custom.cognito.providerlink.local.emulator.RequestLog;
import com.custom.cognito.providerlink.local.harness.WrapperInvoker;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** How the commands show what the handlers answered: every progress event, readably. */
final class Printing {

    static final PrintStream OUT = System.out;

    private Printing() {
    }

    /** One event: action, status, error code and message, then the model(s). */
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
            OUT.println("        models:  " + event.models().size() + (event.nextToken() == null
                ? " (last page)"
                : " (more: nextToken)"));
            event.models().forEach(model -> OUT.println("                 " + model));
        }
    }

    /** LIST from {@code token} to the end of the pool (or the first failure), printing each page; the last event. */
    static WrapperInvoker.Event listAll(final WrapperInvoker wrapper, final JsonNode filter, final String token) {
        WrapperInvoker.Event page;
        String next = token;
        do {
            page = wrapper.listOnce(filter, next, null);
            print(page);
            next = page.nextToken();
        } while (next != null && "SUCCESS".equals(page.status()));
        return page;
    }

    /** The Cognito calls in a request log, counted by operation. */
    static String summary(final RequestLog log) {
        final Map<String, Long> counts = log.operations().stream()
            .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
        return counts.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", "));
    }
}
