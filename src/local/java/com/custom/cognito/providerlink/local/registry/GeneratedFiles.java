package com.custom.cognito.providerlink.local.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.json.JSONObject;

/**
 * What {@code cfn generate} derives from the schema besides code: {@code docs/} and {@code resource-role.yaml}.
 * {@code LocalTool generate} writes them; a test fails when the committed copies are stale.
 */
public final class GeneratedFiles {

    public static final String SCHEMA = "custom-cognito-providerlink.json";

    private GeneratedFiles() {
    }

    public static JSONObject schema(final Path root) throws IOException {
        return new JSONObject(Files.readString(root.resolve(SCHEMA), StandardCharsets.UTF_8));
    }

    /** Path relative to the project root, to content. */
    public static Map<String, String> expected(final JSONObject schema) {
        final Map<String, String> files = new LinkedHashMap<>();
        SchemaDocs.render(schema).forEach((name, content) -> files.put("docs/" + name, content));
        files.put("resource-role.yaml", ExecutionRole.render(schema));
        return files;
    }

    /** Rewrites docs/ (removing pages the schema no longer has) and resource-role.yaml. */
    public static void write(final Path root) throws IOException {
        final Map<String, String> files = expected(schema(root));
        final Path docs = root.resolve("docs");
        if (Files.isDirectory(docs)) {
            try (Stream<Path> old = Files.list(docs)) {
                for (Path page : (Iterable<Path>) old::iterator) {
                    if (!files.containsKey("docs/" + page.getFileName())) {
                        Files.delete(page);
                    }
                }
            }
        }
        Files.createDirectories(docs);
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(root.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
    }
}
