package com.custom.cognito.providerlink.local.adopt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/** Values written into YAML, HCL and Terraform's JSON, each quoted as its reader expects. */
final class Encoding {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Encoding() {
    }

    /** A YAML double-quoted scalar: JSON's string syntax is valid YAML 1.2, and nothing in it is read as YAML. */
    static String yaml(final String value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An HCL quoted string: also escapes the template sequences {@code ${} and {@code %{}. */
    static String hcl(final String value) {
        final StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            final char c = value.charAt(i);
            final boolean template = (c == '$' || c == '%') && i + 1 < value.length() && value.charAt(i + 1) == '{';
            if (template) {
                out.append(c).append(c);
            } else if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /**
     * What Terraform's {@code jsonencode} writes for {@code node}: keys sorted, no spaces, and strings escaped as Go's
     * encoder escapes them ({@code <}, {@code >}, {@code &}, U+2028 and U+2029 as {@code \}u sequences). The state's
     * {@code desired_state} must be exactly this, or the first plan sees a change to a create-only property.
     */
    static String terraformJson(final JsonNode node) {
        final StringBuilder out = new StringBuilder();
        writeGo(node, out);
        return out.toString();
    }

    private static void writeGo(final JsonNode node, final StringBuilder out) {
        if (node.isObject()) {
            final Map<String, JsonNode> sorted = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                final Map.Entry<String, JsonNode> field = fields.next();
                sorted.put(field.getKey(), field.getValue());
            }
            out.append('{');
            String separator = "";
            for (Map.Entry<String, JsonNode> field : sorted.entrySet()) {
                out.append(separator);
                goString(field.getKey(), out);
                out.append(':');
                writeGo(field.getValue(), out);
                separator = ",";
            }
            out.append('}');
        } else if (node.isTextual()) {
            goString(node.asText(), out);
        } else {
            throw new IllegalArgumentException("only objects of strings are written: " + node.getNodeType());
        }
    }

    private static void goString(final String value, final StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            final char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
