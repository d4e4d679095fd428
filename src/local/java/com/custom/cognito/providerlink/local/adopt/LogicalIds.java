package com.custom.cognito.providerlink.local.adopt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The logical ID of an adopted link: {@code Link}, the destination's username and the provider in letters and digits
 * (so a reader sees whose link it is), then ten hex digits of the SHA-256 of the {@code Id}. The same link always gets
 * the same ID, whatever else the pool holds; links whose names differ only in case or punctuation differ in the hash.
 */
final class LogicalIds {

    private static final int USERNAME_CHARACTERS = 40;
    private static final int PROVIDER_CHARACTERS = 24;
    private static final int HASH_DIGITS = 10;

    private LogicalIds() {
    }

    static String of(final String id, final String destinationUsername, final String providerName) {
        return "Link" + readable(destinationUsername, USERNAME_CHARACTERS) + readable(providerName, PROVIDER_CHARACTERS)
            + sha256(id).substring(0, HASH_DIGITS);
    }

    /** The letters and digits of {@code text} (ASCII only, as logical IDs allow), each word capitalised, cut short. */
    private static String readable(final String text, final int most) {
        final StringBuilder out = new StringBuilder();
        boolean wordStart = true;
        for (int i = 0; i < text.length() && out.length() < most; i++) {
            final char c = text.charAt(i);
            if (c < 128 && Character.isLetterOrDigit(c)) {
                out.append(wordStart ? Character.toUpperCase(c) : c);
                wordStart = false;
            } else {
                wordStart = true;
            }
        }
        return out.toString();
    }

    private static String sha256(final String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)))
                .toLowerCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
