package com.custom.cognito.providerlink.wrapper;

import software.amazon.cloudformation.proxy.Logger;

/**
 * Text for a log line that cannot pass for another line or rewrite a terminal: control characters, line and
 * paragraph separators and the bidirectional overrides are written as {@code \\uXXXX}.
 */
public final class LogText {

    private LogText() {
    }

    public static String escape(final String text) {
        if (text == null) {
            return "null";
        }
        final StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (needsEscape(c)) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** One log line: trailing line breaks dropped, everything else escaped. For the plugin's log publishers. */
    public static String escapeLine(final String text) {
        return escape(text == null ? null : text.stripTrailing());
    }

    /** A logger that escapes every line before it reaches {@code target}. */
    public static Logger escaping(final Logger target) {
        return message -> target.log(escape(message));
    }

    private static boolean needsEscape(final int c) {
        return Character.getType(c) == Character.CONTROL
            || c == '\u2028' || c == '\u2029'
            || c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069';
    }
}
