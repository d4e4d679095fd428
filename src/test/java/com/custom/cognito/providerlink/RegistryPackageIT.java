package com.custom.cognito.providerlink;

import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.local.Processes;
import com.custom.cognito.providerlink.local.registry.RegistryPackage;
import com.custom.cognito.providerlink.local.registry.TypeName;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import software.amazon.cloudformation.resource.ResourceTypeSchema;

/** The registry package built from the real shaded jar, unpacked and checked as the registry will read it. */
class RegistryPackageIT {

    @Test
    void thePackageForAChosenNameHoldsEverythingCfnSubmitWouldUploadUnderThatName() throws IOException {
        final Path out = Path.of("target", "registry-package-it");
        final RegistryPackage.Built built = RegistryPackage.build(Path.of("."), TypeName.parse("Acme::Cognito::ProviderLink"),
            Processes.handlerJar(), out);

        try (ZipFile zip = new ZipFile(built.zip().toFile())) {
            final List<String> names = new ArrayList<>();
            zip.stream().forEach(e -> {
                names.add(e.getName());
                assertThat(e.getMethod()).as(e.getName() + " is stored, as the CLI writes it").isEqualTo(ZipEntry.STORED);
            });
            assertThat(names).contains(".rpdk-config", "schema.json", "pom.xml", ".cfn_metadata.json",
                "inputs/inputs_1_create.json",
                "src/main/java/com/custom/cognito/providerlink/HandlerWrapper.java");
            assertThat(names).filteredOn(n
                -> n.endsWith(".jar")).containsExactly("target/acme-cognito-providerlink-handler-1.0-SNAPSHOT.jar");

            final JSONObject schema = new JSONObject(read(zip, "schema.json"));
            assertThat(ResourceTypeSchema.load(schema).getTypeName()).isEqualTo("Acme::Cognito::ProviderLink");
            final JSONObject config = new JSONObject(read(zip, ".rpdk-config"));
            assertThat(config.getString("typeName")).isEqualTo("Acme::Cognito::ProviderLink");
            assertThat(new JSONObject(read(zip, ".cfn_metadata.json")).getString("plugin-version")).isEqualTo("2.2.5");

            final List<String> classes = new ArrayList<>();
            try (JarInputStream jar = new
                JarInputStream(zip.getInputStream(zip.getEntry("target/acme-cognito-providerlink-handler-1.0-SNAPSHOT.jar")))) {
                for (var entry = jar.getNextJarEntry(); entry != null; entry = jar.getNextJarEntry()) {
                    classes.add(entry.getName());
                }
            }
            for (String entrypoint
                : List.of(config.getString("entrypoint"), config.getString("testEntrypoint"),
                config.getString("executableEntrypoint"))) {
                assertThat(classes).contains(entrypoint.split("::")[0].replace('.', '/') + ".class");
            }
            assertThat(classes).contains("custom-cognito-providerlink.json")
                .noneMatch(c -> c.startsWith("com/custom/cognito/providerlink/local/")).noneMatch(c -> c.contains("junit"))
                .noneMatch(c -> c.startsWith("com/custom/") && c.endsWith("Test.class"));
        }
        assertThat(Files.readString(built.executionRole())).contains(":type/resource/Acme-Cognito-ProviderLink/*");
        assertThat(new
            JSONObject(Files.readString(built.lintSchemas().resolve("acme-cognito-providerlink.json"))).getString("typeName"))
            .isEqualTo("Acme::Cognito::ProviderLink");
    }

    @Test
    void mvnPackageLeavesExactlyOneJarThatTheCliGlobFinds() throws IOException {
        try (var jars = Files.newDirectoryStream(Path.of("target"), "custom-cognito-providerlink-*.jar")) {
            final List<String> names = new ArrayList<>();
            jars.forEach(jar -> names.add(jar.getFileName().toString()));
            assertThat(names).containsExactly("custom-cognito-providerlink-handler-1.0-SNAPSHOT.jar");
        }
    }

    @Test
    void theSamePackageIsBuiltTwiceByteForByte() throws IOException {
        final TypeName name = TypeName.parse("Acme::Cognito::ProviderLink");
        final byte[] first = Files.readAllBytes(RegistryPackage.build(Path.of("."), name, Processes.handlerJar(),
            Path.of("target", "pkg-a")).zip());
        final byte[] second = Files.readAllBytes(RegistryPackage.build(Path.of("."), name, Processes.handlerJar(),
            Path.of("target", "pkg-b")).zip());

        assertThat(second).isEqualTo(first);
    }

    private static String read(final ZipFile zip, final String name) throws IOException {
        try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
