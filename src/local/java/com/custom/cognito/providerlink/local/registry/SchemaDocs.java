package com.custom.cognito.providerlink.local.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * {@code docs/} as {@code cfn generate} writes it from a resource schema: {@code README.md} (syntax in JSON and YAML,
 * every property with its type, constraints, required and update behaviour, and the {@code Ref} and
 * {@code Fn::GetAtt} return values) and one page per object-typed property. The text follows the CloudFormation
 * CLI's {@code docs-readme.md} and {@code docs-subproperty.md} templates line for line, so a user who runs
 * {@code cfn generate} gets no diff. Schema constructs this type does not use (arrays, enums, combiners) are refused
 * rather than rendered differently from the CLI.
 */
public final class SchemaDocs {

    private static final String UPDATE_DOCS =
        "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-updating-stacks-update-behaviors.html";
    private static final Map<String, String> BASIC_TYPES = Map.of("string", "String", "number", "Double", "integer", "Integer",
        "boolean", "Boolean");
    private static final Set<Character> MARKDOWN_RESERVED = Set.of('^', '*', '+', '.', '(', '[', '{', '#');

    private final JSONObject schema;
    private final String typeName;
    private final Map<String, String> pages = new LinkedHashMap<>();

    private SchemaDocs(final JSONObject schema) {
        this.schema = schema;
        this.typeName = schema.getString("typeName");
    }

    /** File name (relative to {@code docs/}) to content, README.md first. */
    public static Map<String, String> render(final JSONObject schema) {
        final SchemaDocs docs = new SchemaDocs(schema);
        final String readme = docs.readme();
        final Map<String, String> files = new LinkedHashMap<>();
        files.put("README.md", readme);
        files.putAll(docs.pages);
        return files;
    }

    /** A property as the docs show it: its JSON/YAML/long-form type, and the schema node behind it. */
    private record Property(String name, JSONObject node, String type, boolean readOnly, boolean createOnly) {
    }

    private String readme() {
        final List<Property> properties = properties(schema.getJSONObject("properties"), List.of());
        final StringBuilder out = new StringBuilder();
        out.append("# ").append(typeName).append('\n');
        if (schema.has("description")) {
            out.append('\n').append(schema.getString("description")).append('\n');
        }
        out.append("\n## Syntax\n\nTo declare this entity in your AWS CloudFormation template, use the following "
            + "syntax:\n\n### JSON\n\n<pre>\n{\n");
        out.append("    \"Type\" : \"").append(typeName).append("\",\n    \"Properties\" : {\n");
        jsonSyntax(out, properties, "        ");
        out.append("    }\n}\n</pre>\n\n### YAML\n\n<pre>\nType: ").append(typeName).append("\nProperties:\n");
        yamlSyntax(out, properties, "    ");
        out.append("</pre>\n");
        propertySections(out, properties, schema.optJSONArray("required"), false);

        final String ref = primaryIdentifier();
        final JSONArray readOnly = schema.optJSONArray("readOnlyProperties");
        if (ref != null || (readOnly != null && !readOnly.isEmpty())) {
            out.append("## Return Values\n");
            if (ref != null) {
                out.append("\n### Ref\n\nWhen you pass the logical ID of this resource to the intrinsic `Ref` function, Ref "
                    + "returns the ")
                    .append(ref).append(".\n");
            }
            if (readOnly != null && !readOnly.isEmpty()) {
                out.append("\n### Fn::GetAtt\n\nThe `Fn::GetAtt` intrinsic function returns a value for a specified attribute"
                    + " of this type. The following are the available attributes and sample return values.\n\nFor more"
                    + " information about using the `Fn::GetAtt` intrinsic function, see [Fn::GetAtt]"
                    + "(https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-getatt.html)."
                    + "\n\n");
                for (int i = 0; i < readOnly.length(); i++) {
                    final String name = readOnly.getString(i).substring(readOnly.getString(i).lastIndexOf('/') + 1);
                    final JSONObject node = schema.getJSONObject("properties").optJSONObject(name);
                    final String description = node != null && node.has("description")
                        ? node.getString("description")
                        : "Returns the <code>" + name + "</code> value.";
                    out.append("#### ").append(name).append("\n\n").append(description).append("\n\n");
                }
            }
        }
        return out.toString();
    }

    private String subPage(final String pageName, final JSONObject definition, final List<Property> properties) {
        final StringBuilder out = new StringBuilder();
        out.append("# ").append(typeName).append(' ').append(pageName).append('\n');
        if (definition.has("description")) {
            out.append('\n').append(definition.getString("description")).append('\n');
        }
        out.append("\n## Syntax\n\nTo declare this entity in your AWS CloudFormation template, use the following "
            + "syntax:\n\n### JSON\n\n<pre>\n{\n");
        jsonSyntax(out, properties, "    ");
        out.append("}\n</pre>\n\n### YAML\n\n<pre>\n");
        yamlSyntax(out, properties, "");
        out.append("</pre>\n");
        propertySections(out, properties, definition.optJSONArray("required"), true);
        return out.toString();
    }

    private static void jsonSyntax(final StringBuilder out, final List<Property> properties, final String indent) {
        for (int i = 0; i < properties.size(); i++) {
            final Property property = properties.get(i);
            if (!property.readOnly()) {
                // The CLI's template puts a comma after every property but the schema's last, read-only ones included.
                out.append(indent).append('"').append(anchor(property.name())).append("\" : "
                    + "<i>").append(property.type()).append("</i>")
                    .append(i < properties.size() - 1 ? "," : "").append('\n');
            }
        }
    }

    private static void yamlSyntax(final StringBuilder out, final List<Property> properties, final String indent) {
        for (Property property : properties) {
            if (!property.readOnly()) {
                out.append(indent).append(anchor(property.name())).append(": <i>").append(property.type()).append("</i>\n");
            }
        }
    }

    private static void propertySections(final StringBuilder out, final List<Property> properties, final JSONArray required,
        final boolean escapeHeadings) {
        if (properties.isEmpty()) {
            return;
        }
        out.append("\n## Properties\n\n");
        for (Property property : properties) {
            if (property.readOnly()) {
                continue;
            }
            final JSONObject node = property.node();
            out.append("#### ").append(escapeHeadings ? escapeMarkdown(property.name()) : property.name()).append('\n');
            if (node.has("description")) {
                out.append('\n').append(node.getString("description")).append('\n');
            }
            out.append("\n_Required_: ").append(contains(required, property.name()) ? "Yes" : "No").append('\n');
            out.append("\n_Type_: ").append(property.type()).append('\n');
            if (node.optInt("minLength", 0) != 0) {
                out.append("\n_Minimum Length_: <code>").append(node.getInt("minLength")).append("</code>\n");
            }
            if (node.optInt("maxLength", 0) != 0) {
                out.append("\n_Maximum Length_: <code>").append(node.getInt("maxLength")).append("</code>\n");
            }
            if (node.has("pattern")) {
                out.append("\n_Pattern_: <code>").append(node.getString("pattern")).append("</code>\n");
            }
            out.append(property.createOnly()
                ? "\n_Update requires_: [Replacement](" + UPDATE_DOCS + "#update-replacement)\n"
                : "\n_Update requires_: [No interruption](" + UPDATE_DOCS + "#update-no-interrupt)\n");
            out.append('\n');
        }
    }

    /**
     * The properties of an object, in schema order. As in the CLI, a {@code $ref} is replaced by its definition
     * (whose description wins over the property's) and documented on a page named after the definition.
     */
    private List<Property> properties(final JSONObject properties, final List<String> parentPath) {
        final List<Property> result = new ArrayList<>();
        for (String name : properties.keySet()) {
            JSONObject node = properties.getJSONObject(name);
            List<String> path = append(parentPath, name);
            String pageName = name;
            if (node.has("$ref")) {
                pageName = definitionName(node.getString("$ref"));
                node = schema.getJSONObject("definitions").getJSONObject(pageName);
                path = List.of(pageName);
            }
            final String pointer = "/properties/" + String.join("/", path);
            for (String unsupported : List.of("enum", "oneOf", "anyOf", "allOf", "patternProperties", "items")) {
                if (node.has(unsupported)) {
                    throw new UnsupportedOperationException(pointer + " uses " + unsupported
                        + ", which these docs do not render yet");
                }
            }
            final String jsonType = node.optString("type", "");
            final String type;
            if (BASIC_TYPES.containsKey(jsonType)) {
                type = BASIC_TYPES.get(jsonType);
            } else if ("object".equals(jsonType) && node.has("properties")) {
                final String file = String.join("-", path).toLowerCase(Locale.ROOT) + ".md";
                type = "<a href=\"" + file + "\">" + pageName + "</a>";
                if (!pages.containsKey(file)) {
                    pages.put(file, null);
                    pages.put(file, subPage(String.join(" ", path), node, properties(node.getJSONObject("properties"), path)));
                }
            } else if ("object".equals(jsonType)) {
                type = "Map";
            } else {
                throw new UnsupportedOperationException(pointer + " has type '" + jsonType
                    + "', which these docs do not render yet");
            }
            result.add(new Property(name, node, type, listed("readOnlyProperties", pointer), listed("createOnlyProperties",
                pointer)));
        }
        return result;
    }

    private boolean listed(final String list, final String pointer) {
        return contains(schema.optJSONArray(list), pointer);
    }

    private String primaryIdentifier() {
        final JSONArray primary = schema.optJSONArray("primaryIdentifier");
        if (primary == null || primary.length() != 1) {
            return null;
        }
        final String[] parts = primary.getString(0).split("/");
        return parts.length == 3 ? parts[2] : null;
    }

    private static String anchor(final String name) {
        return "<a href=\"#" + name.toLowerCase(Locale.ROOT) + "\" title=\"" + name + "\">" + name + "</a>";
    }

    private static String escapeMarkdown(final String text) {
        return !text.isEmpty() && MARKDOWN_RESERVED.contains(text.charAt(0)) ? "\\" + text : text;
    }

    private static String definitionName(final String ref) {
        if (!ref.startsWith("#/definitions/")) {
            throw new UnsupportedOperationException("only local #/definitions refs are documented: " + ref);
        }
        return ref.substring("#/definitions/".length());
    }

    private static boolean contains(final JSONArray array, final String value) {
        if (array != null) {
            for (int i = 0; i < array.length(); i++) {
                if (value.equals(array.getString(i))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> append(final List<String> path, final String name) {
        final List<String> result = new ArrayList<>(path);
        result.add(name);
        return result;
    }
}
