package com.custom.cognito.providerlink.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code Id} codec: {@code <pool>|<destination provider>|<destination value>|<source provider>|<source value>},
 * each part percent-escaped ({@code %} as {@code %25}, {@code |} as {@code %7C}), so usernames and provider values
 * may hold any character. It holds exactly what Cognito lets a read observe of a link, so Read, Delete, List and
 * import agree on it; the source attribute name is not part of it because Cognito never returns it.
 */
public final class LinkId {

    private static final int PARTS = 5;
    private static final char SEPARATOR = '|';

    private LinkId() {
    }

    public static String format(final ProviderLink link) {
        return String.join(String.valueOf(SEPARATOR),
            escape(link.userPoolId()),
            escape(link.destination().providerName()),
            escape(link.destination().value()),
            escape(link.source().providerName()),
            escape(link.source().value()));
    }

    /** The link an {@code Id} names, or empty when the text is not an {@code Id} this codec wrote. */
    public static Optional<ProviderLink> parse(final String id) {
        final List<String> parts = new ArrayList<>(PARTS);
        int start = 0;
        for (int i = 0; i <= id.length(); i++) {
            if (i == id.length() || id.charAt(i) == SEPARATOR) {
                final Optional<String> part = unescape(id.substring(start, i));
                if (part.isEmpty() || part.get().isEmpty()) {
                    return Optional.empty();
                }
                parts.add(part.get());
                start = i + 1;
            }
        }
        if (parts.size() != PARTS || SourceIdentity.isNative(parts.get(3))) {
            return Optional.empty();
        }
        return Optional.of(new ProviderLink(parts.get(0), Destination.of(parts.get(1), parts.get(2)),
            SourceIdentity.observed(parts.get(3), parts.get(4))));
    }

    private static String escape(final String part) {
        return part.replace("%", "%25").replace("|", "%7C");
    }

    private static Optional<String> unescape(final String part) {
        final StringBuilder out = new StringBuilder(part.length());
        for (int i = 0; i < part.length(); i++) {
            final char c = part.charAt(i);
            if (c != '%') {
                out.append(c);
            } else if (part.startsWith("%25", i)) {
                out.append('%');
                i += 2;
            } else if (part.startsWith("%7C", i)) {
                out.append('|');
                i += 2;
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(out.toString());
    }
}
