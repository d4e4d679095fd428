package com.custom.cognito.providerlink.local.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The schema-handler package {@code cfn submit} would upload, built for the type name the user registers under, from
 * the CLI project {@link RegistryProject} writes for that name. Same content and layout as the CloudFormation CLI
 * writes (cloudformation-cli {@code project.py}, the Java plugin's {@code codegen.py}): {@code .rpdk-config},
 * {@code schema.json}, {@code inputs/}, the handler jar at its {@code target/} path, {@code pom.xml}, {@code src/},
 * and {@code .cfn_metadata.json}, stored uncompressed. Only the type name changes (in the schema, {@code .rpdk-config},
 * the pom and the jar's file name, which the CLI derives from it); the handler code does not depend on it. Beside the
 * zip it writes the execution role template for that name and a cfn-lint registry-schemas folder.
 */
public final class RegistryPackage {

    /** What {@code .cfn_metadata.json} records: the CLI and Java plugin releases whose packaging this reproduces. */
    static final Map<String, String> METADATA = Map.of("plugin-tool-version", "2.2.3", "plugin-name", "java",
        "plugin-version", "2.2.5", "cli-version", "0.2.39");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final FileTime EPOCH = FileTime.fromMillis(315_532_800_000L);

    /** Where the pieces went. */
    /**
     * Where the pieces went. {@code fallbackZip} is the same package for {@link #FALLBACK_RUNTIME}, when the chosen runtime
     * is another (null otherwise): whether the registry accepts a newer Java runtime is not documented, so register.sh
     * registers this one if the registry refuses the runtime.
     */
    public record Built(Path zip, Path fallbackZip, Path executionRole, Path lintSchemas, Path project, List<String> entries) {
    }

    /** The runtime the CloudFormation CLI itself still defaults to, so one the registry is known to accept. */
    public static final String FALLBACK_RUNTIME = "java17";

    private RegistryPackage() {
    }

    public static Built build(final Path root, final TypeName typeName, final Path handlerJar,
        final Path outputDirectory) throws IOException {
        return build(root, typeName, null, handlerJar, outputDirectory);
    }

    /** @param runtime the Lambda runtime the registry runs the handlers on, or null for the one in {@code .rpdk-config} */
    public static Built build(final Path root, final TypeName typeName, final String runtime, final Path handlerJar,
        final Path outputDirectory) throws IOException {
        final RegistryProject.Project project = RegistryProject.write(root, typeName, runtime, handlerJar,
            outputDirectory.resolve(typeName.hyphenated()));
        final Path folder = project.directory();
        final Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(".rpdk-config", Files.readAllBytes(folder.resolve(".rpdk-config")));
        final byte[] schema = Files.readAllBytes(project.schema());
        entries.put("schema.json", schema);
        for (Path input : files(folder.resolve("inputs"))) {
            entries.put("inputs/" + input.getFileName(), Files.readAllBytes(input));
        }
        entries.put(folder.relativize(project.jar()).toString().replace('\\', '/'), Files.readAllBytes(project.jar()));
        entries.put("pom.xml", Files.readAllBytes(folder.resolve("pom.xml")));
        for (Path source : files(folder.resolve("src"))) {
            entries.put(folder.relativize(source).toString().replace('\\', '/'), Files.readAllBytes(source));
        }
        entries.put(".cfn_metadata.json", new ObjectMapper().writeValueAsBytes(new TreeMap<>(METADATA)));

        final Path zip = outputDirectory.resolve(typeName.hyphenated() + ".zip");
        write(zip, entries);
        final Path fallback = outputDirectory.resolve(typeName.hyphenated() + "-" + FALLBACK_RUNTIME + ".zip");
        final ObjectNode config = (ObjectNode) JSON.readTree(entries.get(".rpdk-config"));
        final boolean needsFallback = !FALLBACK_RUNTIME.equals(config.path("runtime").asText());
        if (needsFallback) {
            config.put("runtime", FALLBACK_RUNTIME);
            entries.put(".rpdk-config", (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config) + "\n")
                .getBytes(StandardCharsets.UTF_8));
            write(fallback, entries);
        } else {
            Files.deleteIfExists(fallback);
        }
        final Path role = outputDirectory.resolve(typeName.hyphenated() + "-role.yaml");
        Files.copy(project.executionRole(), role, StandardCopyOption.REPLACE_EXISTING);
        final Path lint = outputDirectory.resolve("registry-schemas");
        Files.createDirectories(lint);
        Files.write(lint.resolve(typeName.hyphenated() + ".json"), schema);
        return new Built(zip, needsFallback ? fallback : null, role, lint, folder, new ArrayList<>(entries.keySet()));
    }

    /** The JSON file with its {@code typeName} replaced, key order and everything else kept. */
    static byte[] renamed(final Path file, final TypeName typeName) throws IOException {
        final ObjectNode json = (ObjectNode) JSON.readTree(file.toFile());
        json.put("typeName", typeName.toString());
        return (JSON.writeValueAsString(json) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Stored (uncompressed) entries with fixed timestamps, so the same inputs give the same zip. */
    private static void write(final Path zip, final Map<String, byte[]> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream stream = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                final ZipEntry zipEntry = new ZipEntry(entry.getKey());
                zipEntry.setMethod(ZipEntry.STORED);
                zipEntry.setSize(entry.getValue().length);
                final CRC32 crc = new CRC32();
                crc.update(entry.getValue());
                zipEntry.setCrc(crc.getValue());
                zipEntry.setLastModifiedTime(EPOCH);
                stream.putNextEntry(zipEntry);
                stream.write(entry.getValue());
                stream.closeEntry();
            }
        }
    }

    private static List<Path> files(final Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
    }
}
