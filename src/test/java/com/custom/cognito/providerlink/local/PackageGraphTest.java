package com.custom.cognito.providerlink.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The import rules each {@code package-info.java} of the local tools states, read from the sources. */
class PackageGraphTest {

    private static final Path LOCAL = Path.of("src/local/java/com/custom/cognito/providerlink/local");
    private static final String PREFIX = "com.custom.cognito.providerlink.local.";
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?" + Pattern.quote(PREFIX) + "([a-z]+)\\.",
        Pattern.MULTILINE);

    @Test
    void theLocalPackagesImportEachOtherWithoutACycle() {
        Map<String, Set<String>> graph = localImports();
        assertThat(graph).containsKeys("aws", "emulator", "harness", "run");
        for (String start : graph.keySet()) {
            assertThat(reachableFrom(start, graph)).as("packages %s reaches", start).doesNotContain(start);
        }
    }

    @Test
    void nothingImportsTheCommands() {
        localImports().forEach((pkg, imports) -> assertThat(imports).as(pkg).doesNotContain("run"));
    }

    @Test
    void theSharedPackagesImportOnlyWhatTheirPackageInfoAllows() {
        Map<String, Set<String>> graph = localImports();
        assertThat(graph.get("aws")).isEmpty();
        assertThat(graph.get("registry")).isEmpty();
        assertThat(graph.get("harness")).isEmpty();
        assertThat(graph.get("emulator")).containsOnly("aws");
    }

    private static Set<String> reachableFrom(String start, Map<String, Set<String>> graph) {
        Set<String> seen = new TreeSet<>();
        List<String> next = new ArrayList<>(graph.getOrDefault(start, Set.of()));
        while (!next.isEmpty()) {
            String pkg = next.remove(next.size() - 1);
            if (seen.add(pkg)) {
                next.addAll(graph.getOrDefault(pkg, Set.of()));
            }
        }
        return seen;
    }

    private static Map<String, Set<String>> localImports() {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(LOCAL)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                String pkg = LOCAL.relativize(f.getParent()).toString().replace('/', '.');
                Set<String> imports = graph.computeIfAbsent(pkg, p -> new TreeSet<>());
                Matcher m = IMPORT.matcher(read(f));
                while (m.find()) {
                    if (!m.group(1).equals(pkg)) {
                        imports.add(m.group(1));
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        graph.remove("");
        return graph;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
