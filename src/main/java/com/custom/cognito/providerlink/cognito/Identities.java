package com.custom.cognito.providerlink.cognito;

import com.custom.cognito.providerlink.model.Destination;
import com.custom.cognito.providerlink.model.LinkException;
import com.custom.cognito.providerlink.model.ProviderLink;
import com.custom.cognito.providerlink.model.SourceIdentity;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import software.amazon.cloudformation.proxy.HandlerErrorCode;

/**
 * A user's {@code identities} attribute: a JSON array, stored as a string, of
 * {@code {"userId","providerName","providerType","issuer","primary","dateCreated"}} entries (Developer Guide).
 * Only {@code providerName} and {@code userId} identify a link; Cognito does not record the attribute name used to
 * link. An absent attribute, {@code []} and an array without the entry all mean "not linked": which of the first
 * two Cognito leaves after the last unlink is not documented.
 */
public final class Identities {

    static final String ATTRIBUTE = "identities";
    private static final String SUB = "sub";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One entry. {@code primary} marks a federated profile's own identity rather than one linked to it. */
    public record Entry(String providerName, String userId, boolean primary) {
    }

    private final List<Entry> entries;

    private Identities(final List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static Identities of(final List<AttributeType> attributes) {
        if (attributes == null) {
            return new Identities(List.of());
        }
        return attributes.stream()
            .filter(a -> ATTRIBUTE.equals(a.name()))
            .findFirst()
            .map(a -> parse(a.value()))
            .orElseGet(() -> new Identities(List.of()));
    }

    static Identities parse(final String json) {
        if (json == null || json.isBlank()) {
            return new Identities(List.of());
        }
        final JsonNode array;
        try {
            array = JSON.readTree(json);
        } catch (IOException e) {
            throw unreadable();
        }
        if (array == null || !array.isArray()) {
            throw unreadable();
        }
        final List<Entry> entries = new ArrayList<>();
        for (JsonNode entry : array) {
            final JsonNode provider = entry.get("providerName");
            final JsonNode userId = entry.get("userId");
            if (provider == null || userId == null || !provider.isTextual() || !userId.isTextual()) {
                throw unreadable();
            }
            // The attribute holds a JSON boolean; ID tokens carry the same entries with "true" as a string.
            final JsonNode primary = entry.get("primary");
            entries.add(new Entry(provider.asText(), userId.asText(), primary != null && primary.asBoolean(false)));
        }
        return new Identities(entries);
    }

    // Never quote the value: it holds provider user ids and, for attribute links, e.g. email addresses.
    private static LinkException unreadable() {
        return LinkException.of(HandlerErrorCode.ServiceInternalError,
            "Cognito returned an identities attribute that is not the documented JSON array, so the link cannot be read. Retry "
                + "later.");
    }

    public List<Entry> entries() {
        return entries;
    }

    public boolean holds(final SourceIdentity source) {
        return entries.stream().anyMatch(e -> !e.primary() && source.sameIdentityAs(e.providerName(), e.userId()));
    }

    /**
     * The links a listed user holds: one per linked identity, never the profile's own (primary) identity. A federated
     * profile is the destination by its primary identity; any other user is a native one, by username.
     */
    public static List<ProviderLink> linksOf(final String userPoolId, final UserType user) {
        final Identities identities = of(user.attributes());
        final Optional<Entry> own = identities.entries.stream().filter(Entry::primary).findFirst();
        final Destination destination = own
            .map(e -> Destination.of(e.providerName(), e.userId()))
            .orElseGet(() -> Destination.nativeUser(user.username()));
        final List<ProviderLink> links = new ArrayList<>();
        for (Entry entry : identities.entries) {
            if (!entry.primary() && !SourceIdentity.isNative(entry.providerName())) {
                links.add(new ProviderLink(userPoolId, destination, SourceIdentity.observed(entry.providerName(),
                    entry.userId())));
            }
        }
        return links;
    }

    /** A listed user's {@code sub}: the one way to name a user this stack did not name (opaque, yet enough to find it). */
    static String subOf(final UserType user) {
        return user.attributes().stream().filter(a -> SUB.equals(a.name())).map(AttributeType::value).findFirst()
            .orElse("(none)");
    }
}
