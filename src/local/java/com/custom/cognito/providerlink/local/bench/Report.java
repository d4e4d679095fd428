package com.custom.cognito.providerlink.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The benchmark's one table, as Markdown: what ran, its figures, the target, and whether the run was correct. */
final class Report {

    /** One line of the table. */
    record Row(String scenario, String measured, String target, String correct) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    void add(final String scenario, final String measured, final String target, final List<String> problems) {
        rows.add(new Row(scenario, measured, target, problems.isEmpty() ? "yes" : "NO: " + String.join("; ", problems)));
        failures.addAll(problems.stream().map(p -> scenario + ": " + p).toList());
    }

    List<String> failures() {
        return failures;
    }

    String markdown(final String command) {
        final StringBuilder out = new StringBuilder();
        out.append("Command: `").append(command).append("`  \n");
        out.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ").append(cpu()).append(", ")
            .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch")).append("  \n");
        out.append("JDK: ").append(System.getProperty("java.vm.vendor")).append(' ').append(System.getProperty("java.version"))
            .append("\n\n");
        out.append("| Scenario | Measured (min / median / max where repeated) | Target | Correct |\n|---|---|---|---|\n");
        rows.forEach(
            r -> out.append("| ").append(r.scenario()).append(" | ").append(r.measured()).append(" | ").append(r.target())
                .append(" | ").append(r.correct()).append(" |\n"));
        return out.toString();
    }

    static String spread(final long[] values, final String unit) {
        final long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[0] + " / " + median(sorted) + " / " + sorted[sorted.length - 1] + " " + unit;
    }

    static long median(final long[] values) {
        final long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1
            ? sorted[sorted.length / 2]
            : (sorted[sorted.length / 2 - 1]
                + sorted[sorted.length / 2]) / 2;
    }

    private static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name")).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("CPU unknown");
        } catch (IOException e) {
            return "CPU unknown";
        }
    }
}
