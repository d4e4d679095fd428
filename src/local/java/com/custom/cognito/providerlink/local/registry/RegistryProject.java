package com.custom.cognito.providerlink.local.registry;

import com.custom.cognito.providerlink.wrapper.BuildInfo;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.json.JSONObject;

/**
 * A CloudFormation CLI project for the type name a user registers under, in which {@code cfn validate},
 * {@code cfn generate} and {@code cfn submit} work as they do in a project {@code cfn init} made. The CLI derives
 * file names from the type name (cloudformation-cli {@code project.py}: the schema is {@code <hyphenated>.json};
 * the Java plugin's {@code codegen.py}: the jar is the one match of {@code target/<hyphenated>-*.jar}), so this
 * writes them under those names: {@code .rpdk-config} and the schema carrying the name, {@code resource-role.yaml}
 * trusting it, {@code inputs/}, the handler jar (its {@code resource-schema.json} renamed too) and the sources with
 * a {@code pom.xml} that rebuilds that jar from that schema.
 */
public final class RegistryProject {

    /** Copied as they are: what a rebuild and {@code cfn test} need beside the renamed files. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final List<String> AS_IS = List.of("src", "inputs", "lombok.config", "checkstyle.xml", ".editorconfig");
    private static final String POM_ARTIFACT = "<artifactId>custom-cognito-providerlink-handler</artifactId>";
    private static final String POM_SCHEMA = "<schema.file>" + GeneratedFiles.SCHEMA + "</schema.file>";

    /** The folder and the files in it that the CLI looks for by name. */
    public record Project(Path directory, Path schema, Path jar, Path executionRole) {
    }

    private RegistryProject() {
    }

    /** The Java runtimes Lambda offers that the handler jar (Java 17 bytecode) runs on. */
    public static final Set<String> RUNTIMES = Set.of("java17", "java21", "java25");

    /**
     * @param runtime the Lambda runtime for {@code .rpdk-config} and {@code template.yml}, or null to keep the project's
     */
    public static Project write(final Path root, final TypeName typeName, final String runtime, final Path handlerJar,
        final Path directory) throws IOException {
        if (!Files.isRegularFile(handlerJar)) {
            throw new IllegalArgumentException(handlerJar + " is missing: build it first (mvn -B package)");
        }
        delete(directory);
        Files.createDirectories(directory.resolve("target"));
        for (String path : AS_IS) {
            copy(root.resolve(path), directory.resolve(path));
        }
        final ObjectNode config = (ObjectNode) JSON.readTree(RegistryPackage.renamed(root.resolve(".rpdk-config"), typeName));
        final String previousRuntime = config.path("runtime").asText();
        final String chosenRuntime = runtime == null ? previousRuntime : runtime;
        config.put("runtime", chosenRuntime);
        Files.writeString(directory.resolve(".rpdk-config"), JSON.writeValueAsString(config) + "\n");
        final byte[] schema = RegistryPackage.renamed(root.resolve(GeneratedFiles.SCHEMA), typeName);
        final Path schemaFile = directory.resolve(typeName.hyphenated() + ".json");
        Files.write(schemaFile, schema);
        final Path role = directory.resolve("resource-role.yaml");
        Files.writeString(role, ExecutionRole.render(new JSONObject(new String(schema, StandardCharsets.UTF_8))),
            StandardCharsets.UTF_8);
        Files.writeString(directory.resolve("pom.xml"), pom(Files.readString(root.resolve("pom.xml")), typeName));
        Files.writeString(directory.resolve("template.yml"), Files.readString(root.resolve("template.yml"))
            .replace("custom-cognito-providerlink-handler-", typeName.hyphenated() + "-handler-")
            .replace("Custom::Cognito::ProviderLink", typeName.toString())
            .replace("Runtime: " + previousRuntime, "Runtime: " + chosenRuntime));
        final Path jar = directory.resolve("target").resolve(BuildInfo.jarName(typeName.hyphenated()));
        renameInJar(handlerJar, jar, schema);
        return new Project(directory, schemaFile, jar, role);
    }

    /** The pom, building {@code <hyphenated>-handler} from {@code <hyphenated>.json}. */
    static String pom(final String pom, final TypeName typeName) {
        if (!pom.contains(POM_ARTIFACT) || !pom.contains(POM_SCHEMA)) {
            throw new IllegalStateException("pom.xml no longer declares " + POM_ARTIFACT + " and " + POM_SCHEMA);
        }
        return pom.replace(POM_ARTIFACT, "<artifactId>" + typeName.hyphenated() + "-handler</artifactId>")
            .replace(POM_SCHEMA, "<schema.file>" + typeName.hyphenated() + ".json</schema.file>");
    }

    /** The jar, entry by entry in its order, with the schema the handler loads replaced by the renamed one. */
    private static void renameInJar(final Path source, final Path target, final byte[] schema) throws IOException {
        try (InputStream in = Files.newInputStream(source);
            ZipInputStream jar = new ZipInputStream(in);
            OutputStream out = Files.newOutputStream(target);
            ZipOutputStream copy = new ZipOutputStream(out)) {
            for (ZipEntry entry = jar.getNextEntry(); entry != null; entry = jar.getNextEntry()) {
                final ZipEntry written = new ZipEntry(entry.getName());
                written.setTime(entry.getTime());
                copy.putNextEntry(written);
                if (entry.getName().equals(RESOURCE_SCHEMA)) {
                    copy.write(schema);
                } else {
                    jar.transferTo(copy);
                }
                copy.closeEntry();
            }
        }
    }

    /** Where the build puts the schema in the jar ({@code Configuration} loads it from there). */
    static final String RESOURCE_SCHEMA = "resource-schema.json";

    private static void copy(final Path source, final Path target) throws IOException {
        if (!Files.exists(source)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path path : (Iterable<Path>) walk.sorted()::iterator) {
                final Path destination = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(path, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void delete(final Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) walk.sorted((a, b) -> b.getNameCount() - a.getNameCount())::iterator) {
                Files.delete(path);
            }
        }
    }
}
