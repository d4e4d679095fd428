package com.custom.cognito.providerlink.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code Id} codec: {@code <pool>|<destination provider>|<destination value>|<source provider>|<source value>},
 * each part percent-escaped ({@code %} as {@code %25}, {@code |} as {@code %7C}), so usernames and provider values
 * may hold any character. It holds exactly what Cognito lets a read observe of a link, so Read, Delete, List and
 * import agree on it; the source attribute name is not part of it because Cognito never returns it.
 *
 * <p>A create reports progress before it knows that the link is its own (CloudFormation wants an identifier in every
 * IN_PROGRESS event, and deletes what a failed create identified). Until its own link call may have made the link,
 * it reports the {@linkplain #formatPending pending} form, {@code pending|<the same five parts>}, which names no
 * link: Read and Delete answer NotFound for it without calling Cognito, so a rollback can never remove a link that
 * another stack made in the meantime.
 */
public final class LinkId {

    /** A decoded {@code Id}: the link it names, and whether it is the claim-free pending form. */
    public record Parsed(ProviderLink link, boolean pending) {
    }

    private static final int PARTS = 5;
    private static final char SEPARATOR = '|';
    private static final String PENDING = "pending";
    private static final String EXPECTED = " Expected <UserPoolId>|<destination provider>|<destination value>|<source provider>|"
        + "<source value>, with % written as %25 and | as %7C, as Create returns it.";

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

    public static String formatPending(final ProviderLink link) {
        return PENDING + SEPARATOR + format(link);
    }

    /**
     * The link an {@code Id} names. Refuses, as InvalidRequest naming {@code Id} and the offending part, text this
     * codec did not write and parts Cognito would refuse, so no such value reaches a Cognito call or a log.
     */
    public static Parsed parse(final String id) {
        final List<String> parts = split(id).orElseThrow(() -> LinkException.invalid("Id", "is not a ProviderLink identifier."
            + EXPECTED));
        final boolean pending = parts.size() == PARTS + 1 && PENDING.equals(parts.get(0));
        final List<String> link = pending ? parts.subList(1, parts.size()) : parts;
        if (link.size() != PARTS) {
            throw LinkException.invalid("Id", "has " + link.size() + " parts, not " + PARTS + "." + EXPECTED);
        }
        check(PropertyRules.USER_POOL_ID, link.get(0), "user pool");
        check(PropertyRules.PROVIDER_NAME, link.get(1), "destination provider");
        check(PropertyRules.USERNAME, link.get(2), "destination user");
        check(PropertyRules.PROVIDER_NAME, link.get(3), "source provider");
        check(PropertyRules.SOURCE_VALUE, link.get(4), "source value");
        if (SourceIdentity.isNative(link.get(3))) {
            throw LinkException.invalid("Id",
                "its source provider part is Cognito, which names a native user: no link has a native"
                    + " source." + EXPECTED);
        }
        final Destination destination = Destination.of(link.get(1), link.get(2));
        if (destination.username().length() > Destination.MAX_USERNAME_LENGTH) {
            throw LinkException.invalid("Id", "its destination parts make a federated username longer than "
                + Destination.MAX_USERNAME_LENGTH + " characters, so they name no user." + EXPECTED);
        }
        return new Parsed(new ProviderLink(link.get(0), destination, SourceIdentity.observed(link.get(3), link.get(4))), pending);
    }

    private static void check(final PropertyRules rule, final String part, final String name) {
        rule.problem(part).ifPresent(problem -> {
            throw LinkException.invalid("Id", "its " + name + " part " + problem + "." + EXPECTED);
        });
    }

    private static Optional<List<String>> split(final String id) {
        final List<String> parts = new ArrayList<>(PARTS + 1);
        int start = 0;
        for (int i = 0; i <= id.length(); i++) {
            if (i == id.length() || id.charAt(i) == SEPARATOR) {
                final Optional<String> part = unescape(id.substring(start, i));
                if (part.isEmpty()) {
                    return Optional.empty();
                }
                parts.add(part.get());
                start = i + 1;
            }
        }
        return Optional.of(parts);
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
