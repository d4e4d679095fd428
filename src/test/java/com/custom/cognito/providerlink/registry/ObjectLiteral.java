package com.custom.cognito.providerlink.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;

/**
 * Reads the object literal that an example hands to the type: HCL's {@code jsonencode({ Key = value })} or
 * TypeScript's {@code properties: { Key: value }}. Strings are taken as they are; any other value is an expression
 * (a reference to another resource or a variable), resolved by the caller's table, which fails on anything unknown.
 */
final class ObjectLiteral {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String text;
    private final Function<String, String> expressions;
    private int at;

    private ObjectLiteral(final String text, final int start, final Function<String, String> expressions) {
        this.text = text;
        this.at = start;
        this.expressions = expressions;
    }

    /** The object literal that starts at the first '{' after {@code marker} in {@code text}. */
    static ObjectNode after(final String text, final String marker, final Function<String, String> expressions) {
        final int found = text.indexOf(marker);
        if (found < 0) {
            throw new IllegalArgumentException("no " + marker + " in the example");
        }
        final ObjectLiteral parser = new ObjectLiteral(text, text.indexOf('{', found), expressions);
        return parser.object();
    }

    private ObjectNode object() {
        expect('{');
        final ObjectNode object = JSON.createObjectNode();
        while (peek() != '}') {
            final String key = peek() == '"' || peek() == '\'' ? string() : word();
            final char separator = next();
            if (separator != '=' && separator != ':') {
                throw new IllegalArgumentException("expected = or : after " + key + " at " + at);
            }
            object.set(key, value());
            if (peek() == ',') {
                next();
            }
        }
        expect('}');
        return object;
    }

    private JsonNode value() {
        final char c = peek();
        if (c == '{') {
            return object();
        }
        if (c == '"' || c == '\'') {
            return JSON.getNodeFactory().textNode(string());
        }
        final String expression = word();
        final String resolved = expressions.apply(expression);
        if (resolved == null) {
            throw new IllegalArgumentException("the test does not know what " + expression + " resolves to");
        }
        return JSON.getNodeFactory().textNode(resolved);
    }

    private String string() {
        final char quote = next();
        final StringBuilder out = new StringBuilder();
        while (text.charAt(at) != quote) {
            if (text.charAt(at) == '\\') {
                at++;
            }
            out.append(text.charAt(at++));
        }
        at++;
        return out.toString();
    }

    private String word() {
        skipSpace();
        final int start = at;
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || "_.$".indexOf(text.charAt(at)) >= 0)) {
            at++;
        }
        if (start == at) {
            throw new IllegalArgumentException("unexpected '" + text.charAt(at) + "' at " + at);
        }
        return text.substring(start, at);
    }

    private void expect(final char c) {
        if (next() != c) {
            throw new IllegalArgumentException("expected " + c + " at " + at);
        }
    }

    private char next() {
        skipSpace();
        return text.charAt(at++);
    }

    private char peek() {
        skipSpace();
        return text.charAt(at);
    }

    private void skipSpace() {
        while (at < text.length()) {
            if (Character.isWhitespace(text.charAt(at))) {
                at++;
            } else if (text.startsWith("//", at) || text.startsWith("#", at)) {
                at = text.indexOf('\n', at);
            } else {
                return;
            }
        }
    }
}
