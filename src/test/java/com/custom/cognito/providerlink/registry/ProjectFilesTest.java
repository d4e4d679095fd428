package com.custom.cognito.providerlink.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.custom.cognito.providerlink.cognito.ClientBuilder;
import com.custom.cognito.providerlink.cognito.CognitoAction;
import com.custom.cognito.providerlink.handlers.HandlerTable;
import com.custom.cognito.providerlink.local.registry.ExecutionRole;
import com.custom.cognito.providerlink.local.registry.GeneratedFiles;
import com.custom.cognito.providerlink.wrapper.BuildInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import software.amazon.cloudformation.Action;

/** The files around the code that {@code cfn init}, {@code cfn generate} and {@code cfn submit} read or write. */
class ProjectFilesTest {

    private static final Path ROOT = Path.of(".");
    /** Pages of docs/ that the schema does not generate. */
    private static final Set<String> HAND_WRITTEN_PAGES = Set.of("docs/performance.md");

    @Test
    void committedDocsAndExecutionRoleAreWhatTheSchemaGenerates() throws IOException {
        final Map<String, String> expected = GeneratedFiles.expected(GeneratedFiles.schema(ROOT));

        for (Map.Entry<String, String> file : expected.entrySet()) {
            assertThat(Files.readString(ROOT.resolve(file.getKey()), StandardCharsets.UTF_8))
                .as(file.getKey()
                    + " is stale: run mvn -B -Plocal -DskipTests package -Dlocal.args=generate, and commit the result")
                .isEqualTo(file.getValue());
        }
        try (var pages = Files.list(ROOT.resolve("docs"))) {
            assertThat(pages.map(p -> "docs/" + p.getFileName()).filter(p -> !HAND_WRITTEN_PAGES.contains(p))
                .collect(Collectors.toSet()))
                .as("docs/ holds a page the schema no longer has").isEqualTo(expected.keySet().stream()
                    .filter(k -> k.startsWith("docs/")).collect(Collectors.toSet()));
        }
    }

    @Test
    void eachHandlersSchemaPermissionsAreExactlyTheCognitoActionsOfTheActionTableItsHandlerDeclares() throws IOException {
        final HandlerTable dispatch = new HandlerTable(new ClientBuilder());
        final JSONObject handlers = GeneratedFiles.schema(ROOT).getJSONObject("handlers");
        for (String name : handlers.keySet()) {
            final Set<String> permissions = new TreeSet<>();
            handlers.getJSONObject(name).getJSONArray("permissions").forEach(p -> permissions.add(p.toString()));

            final Set<String> calls = dispatch.actionsOf(Action.valueOf(name.toUpperCase(Locale.ROOT))).stream()
                .map(CognitoAction::iamName).collect(Collectors.toCollection(TreeSet::new));

            assertThat(permissions).as(name).isEqualTo(calls);
        }
    }

    @Test
    void theExecutionRoleAllowsExactlyTheUnionOfTheHandlersPermissions() throws IOException {
        final JSONObject schema = GeneratedFiles.schema(ROOT);
        final Set<String> inRole = new TreeSet<>();
        final Matcher action = Pattern.compile("^\\s+- \"(cognito-idp:\\w+)\"$", Pattern.MULTILINE)
            .matcher(Files.readString(ROOT.resolve("resource-role.yaml")));
        while (action.find()) {
            inRole.add(action.group(1));
        }
        final Set<String> union = new TreeSet<>();
        final JSONObject handlers = schema.getJSONObject("handlers");
        handlers.keySet()
            .forEach(h -> handlers.getJSONObject(h).getJSONArray("permissions").forEach(p -> union.add(p.toString())));

        assertThat(inRole).isEqualTo(union).isEqualTo(ExecutionRole.actions(schema));
        assertThat(Files.readString(ROOT.resolve("resource-role.yaml")))
            .contains("Service: resources.cloudformation.amazonaws.com", "aws:SourceAccount:", "aws:SourceArn:",
                ":type/resource/Custom-Cognito-ProviderLink/*", "MaxSessionDuration: 3600");
    }

    @Test
    void theRpdkConfigNamesEntryPointsThatExist() throws Exception {
        final JSONObject config = new JSONObject(Files.readString(ROOT.resolve(".rpdk-config")));

        assertThat(config.getString("typeName")).isEqualTo(GeneratedFiles.schema(ROOT).getString("typeName"));
        assertThat(config.getString("runtime")).isEqualTo("java21");
        assertThat(config.getJSONObject("settings").getString("protocolVersion")).isEqualTo("2.0.0");
        assertThat(config.getJSONObject("settings").getJSONArray("namespace").toList()).containsExactly("com", "custom",
            "cognito", "providerlink");
        assertLambdaHandler(config.getString("entrypoint"), "handleRequest");
        assertLambdaHandler(config.getString("testEntrypoint"), "testEntrypoint");
        final Method main = Class.forName(config.getString("executableEntrypoint")).getMethod("main", String[].class);
        assertThat(main).isNotNull();
        assertThat(Files.size(ROOT.resolve(".rpdk-config"))).as("the CLI refuses configs over 10 KiB").isLessThan(10 * 1024);
    }

    @Test
    void theSamTemplatePointsAtTheEntryPointsAndTheShadedJar() throws IOException {
        final String template = Files.readString(ROOT.resolve("template.yml"));
        final JSONObject config = new JSONObject(Files.readString(ROOT.resolve(".rpdk-config")));

        assertThat(template).contains("Handler: " + config.getString("entrypoint"), "Handler: "
            + config.getString("testEntrypoint"),
            "Runtime: java21", "CodeUri: ./target/" + BuildInfo.jarName("custom-cognito-providerlink"));
    }

    @Test
    void thePomDeclaresThePluginWithALiteralVersionWhereTheCliLooksForIt() throws Exception {
        final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        final Document pom = factory.newDocumentBuilder().parse(ROOT.resolve("pom.xml").toFile());
        final Element project = pom.getDocumentElement();
        assertThat(project.getNamespaceURI()).isEqualTo("http://maven.apache.org/POM/4.0.0");
        String pluginVersion = null;
        for (Element dependencies : children(project, "dependencies")) {
            for (Element dependency : children(dependencies, "dependency")) {
                if ("aws-cloudformation-rpdk-java-plugin".equals(text(dependency, "artifactId"))) {
                    pluginVersion = text(dependency, "version");
                }
            }
        }
        assertThat(pluginVersion).isEqualTo("2.2.5");
        assertThat(text(project, "artifactId")).isEqualTo("custom-cognito-providerlink-handler");
        assertThat(text(project, "version")).isEqualTo(BuildInfo.VERSION).doesNotContain("SNAPSHOT");
        assertThat(Files.readString(ROOT.resolve("CHANGELOG.md"))).as("CHANGELOG.md has an entry for the version")
            .contains("\n## " + BuildInfo.VERSION + " (");
        assertThat(Files.readString(ROOT.resolve("examples/custom-resource/function.yaml")))
            .contains("Default: " + BuildInfo.jarName("custom-cognito-providerlink"));
    }

    private static void assertLambdaHandler(final String entrypoint, final String method) throws Exception {
        final String[] parts = entrypoint.split("::");
        assertThat(parts[1]).isEqualTo(method);
        assertThat(Class.forName(parts[0]).getMethod(method, InputStream.class, OutputStream.class,
            Context.class)).isNotNull();
    }

    private static List<Element> children(final Element parent, final String name) {
        final List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element && name.equals(node.getLocalName())) {
                found.add((Element) node);
            }
        }
        return found;
    }

    private static String text(final Element parent, final String name) {
        final List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0).getTextContent().trim();
    }
}
