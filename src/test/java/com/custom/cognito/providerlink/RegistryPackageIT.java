package com.custom.cognito.providerlink;

import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.local.emulator.CognitoEmulator;
import com.custom.cognito.providerlink.local.emulator.DemoPool;
import com.custom.cognito.providerlink.local.harness.LocalContext;
import com.custom.cognito.providerlink.local.harness.Processes;
import com.custom.cognito.providerlink.local.harness.WrapperInvoker;
import com.custom.cognito.providerlink.local.registry.RegistryPackage;
import com.custom.cognito.providerlink.local.registry.TypeName;
import com.custom.cognito.providerlink.wrapper.BuildInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import software.amazon.cloudformation.resource.ResourceTypeSchema;

/** The registry package and CLI project built from the real shaded jar, unpacked and checked as the registry will read it. */
class RegistryPackageIT {

    private static final ObjectMapper JSON = new ObjectMapper();

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
            assertThat(names).filteredOn(n -> n.endsWith(".jar"))
                .containsExactly("target/" + BuildInfo.jarName("acme-cognito-providerlink"));

            final JSONObject schema = new JSONObject(read(zip, "schema.json"));
            assertThat(ResourceTypeSchema.load(schema).getTypeName()).isEqualTo("Acme::Cognito::ProviderLink");
            final JSONObject config = new JSONObject(read(zip, ".rpdk-config"));
            assertThat(config.getString("typeName")).isEqualTo("Acme::Cognito::ProviderLink");
            assertThat(new JSONObject(read(zip, ".cfn_metadata.json")).getString("plugin-version")).isEqualTo("2.2.5");

            final List<String> classes = new ArrayList<>();
            try (JarInputStream jar = new JarInputStream(
                zip.getInputStream(zip.getEntry("target/" + BuildInfo.jarName("acme-cognito-providerlink"))))) {
                for (var entry = jar.getNextJarEntry(); entry != null; entry = jar.getNextJarEntry()) {
                    classes.add(entry.getName());
                }
            }
            for (String entrypoint : List.of(config.getString("entrypoint"), config.getString("testEntrypoint"),
                config.getString("executableEntrypoint"))) {
                assertThat(classes).contains(entrypoint.split("::")[0].replace('.', '/') + ".class");
            }
            assertThat(classes).contains("resource-schema.json")
                .noneMatch(c -> c.startsWith("com/custom/cognito/providerlink/local/")).noneMatch(c -> c.contains("junit"))
                .noneMatch(c -> c.startsWith("com/custom/") && c.endsWith("Test.class"));
        }
        try (ZipFile zip = new ZipFile(built.zip().toFile()); ZipFile fallback = new ZipFile(built.fallbackZip().toFile())) {
            assertThat(new JSONObject(read(zip, ".rpdk-config")).getString("runtime")).isEqualTo("java21");
            assertThat(new JSONObject(read(fallback, ".rpdk-config")).getString("runtime")).isEqualTo("java17");
            assertThat(fallback.stream().map(ZipEntry::getName)).as("the same package but for the runtime")
                .containsExactlyElementsOf(zip.stream().map(ZipEntry::getName).toList());
            for (String name : List.of("schema.json", "pom.xml", "target/" + BuildInfo.jarName("acme-cognito-providerlink"))) {
                assertThat(fallback.getEntry(name).getCrc()).as(name).isEqualTo(zip.getEntry(name).getCrc());
            }
        }
        assertThat(Files.readString(built.executionRole())).contains(":type/resource/Acme-Cognito-ProviderLink/*");
        assertThat(
            new JSONObject(Files.readString(built.lintSchemas().resolve("acme-cognito-providerlink.json"))).getString("typeName"))
            .isEqualTo("Acme::Cognito::ProviderLink");
    }

    @Test
    void theCliProjectForAChosenNameHasEachFileWhereTheCliLooksForItUnderThatName() throws IOException {
        final RegistryPackage.Built built = RegistryPackage.build(Path.of("."), TypeName.parse("Acme::Cognito::ProviderLink"),
            Processes.handlerJar(), Path.of("target", "registry-project-it"));
        final Path project = built.project();

        assertThat(new JSONObject(Files.readString(project.resolve(".rpdk-config"))).getString("typeName"))
            .isEqualTo("Acme::Cognito::ProviderLink");
        assertThat(new JSONObject(Files.readString(project.resolve(".rpdk-config"))).getString("runtime")).isEqualTo("java21");
        assertThat(Files.readString(project.resolve("template.yml"))).contains("Runtime: java21")
            .contains("CodeUri: ./target/" + BuildInfo.jarName("acme-cognito-providerlink"));
        assertThat(ResourceTypeSchema.load(new JSONObject(Files.readString(project.resolve("acme-cognito-providerlink.json"))))
            .getTypeName()).as("the schema file the CLI derives from the name").isEqualTo("Acme::Cognito::ProviderLink");
        assertThat(Files.readString(project.resolve("resource-role.yaml")))
            .contains(":type/resource/Acme-Cognito-ProviderLink/*");
        try (var jars = Files.newDirectoryStream(project.resolve("target"), "acme-cognito-providerlink-*.jar")) {
            final List<Path> found = new ArrayList<>();
            jars.forEach(found::add);
            assertThat(found).as("exactly one jar for the CLI's glob").hasSize(1);
            try (ZipFile jar = new ZipFile(found.get(0).toFile())) {
                assertThat(new JSONObject(read(jar, "resource-schema.json")).getString("typeName"))
                    .as("the schema the handler loads").isEqualTo("Acme::Cognito::ProviderLink");
            }
        }
        assertThat(Files.readString(project.resolve("pom.xml")))
            .contains("<artifactId>acme-cognito-providerlink-handler</artifactId>")
            .contains("<schema.file>acme-cognito-providerlink.json</schema.file>");
        assertThat(project.resolve("inputs/inputs_1_create.json")).exists();
        assertThat(Path.of(".rpdk-config")).as("the repository's own files are untouched")
            .content().contains("Custom::Cognito::ProviderLink");
    }

    @Test
    void theRuntimeIsABuildSettingForRegistriesThatRefuseOne() throws IOException {
        final RegistryPackage.Built built = RegistryPackage.build(Path.of("."), TypeName.parse("Acme::Cognito::ProviderLink"),
            "java17", Processes.handlerJar(), Path.of("target", "registry-runtime-it"));

        assertThat(new JSONObject(Files.readString(built.project().resolve(".rpdk-config"))).getString("runtime"))
            .isEqualTo("java17");
        assertThat(Files.readString(built.project().resolve("template.yml"))).contains("Runtime: java17")
            .doesNotContain("java21");
    }

    @Test
    void theRenamedJarLinksThroughItsExecutableUnderTheRegisteredName() throws IOException {
        final RegistryPackage.Built built = RegistryPackage.build(Path.of("."), TypeName.parse("Acme::Cognito::ProviderLink"),
            Processes.handlerJar(), Path.of("target", "registry-project-run-it"));
        final Path jar = built.project().resolve("target/" + BuildInfo.jarName("acme-cognito-providerlink"));
        try (CognitoEmulator cognito = CognitoEmulator.start(0)) {
            DemoPool.seed(cognito);
            final WrapperInvoker requests = new WrapperInvoker("us-east-1", WrapperInvoker.Credentials.fake(),
                new LocalContext(false, 60_000), Duration.ZERO).targeting(
                    new WrapperInvoker.Target("Acme::Cognito::ProviderLink",
                        "AliceGoogleLink"));
            final JsonNode properties = JSON.readTree(Path.of("requests/create.json").toFile()).get("desiredResourceState");

            final Processes.Result result = Processes.java(Path.of("target", "registry-project-run-it").toAbsolutePath(), Map.of(
                "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", cognito.endpoint().toString()), jar.toAbsolutePath().toString(),
                HandlerWrapperExecutable.class.getName(), JSON.writeValueAsString(requests.request("CREATE", properties, null,
                    null,
                    null)));

            assertThat(result.stdout()).as(result.stderr()).contains("\"status\":\"SUCCESS\"");
            assertThat(cognito.pools().pool(DemoPool.USER_POOL_ID).holdersOf("Google", DemoPool.GOOGLE_SUBJECT)).hasSize(1);
        }
    }

    @Test
    void mvnPackageLeavesExactlyOneJarThatTheCliGlobFinds() throws IOException {
        try (var jars = Files.newDirectoryStream(Path.of("target"), "custom-cognito-providerlink-*.jar")) {
            final List<String> names = new ArrayList<>();
            jars.forEach(jar -> names.add(jar.getFileName().toString()));
            assertThat(names).containsExactly(BuildInfo.jarName("custom-cognito-providerlink"));
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
