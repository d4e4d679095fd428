package com.custom.cognito.providerlink.local.adopt;

import com.custom.cognito.providerlink.local.harness.WrapperInvoker;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every link of one pool, enumerated through the type's own List handler (the real wrapper), so that each {@code Id}
 * is exactly what Read and List report. Only the links are kept, never the pool's users.
 */
final class Inventory {

    /** A link found but not written, and why. */
    record LeftOut(String id, String reason) {
    }

    /** The List handler refused or failed; its event says why. */
    static final class ListFailed extends Exception {

        private static final long serialVersionUID = 1L;

        ListFailed(final String errorCode, final String message) {
            super("The List handler answered FAILED " + errorCode + ": " + message);
        }
    }

    private final List<AdoptedLink> links = new ArrayList<>();
    private final List<LeftOut> leftOut = new ArrayList<>();
    private final Map<String, Integer> byProvider = new TreeMap<>();
    private final Map<SourceAttributes.Basis, Integer> byBasis = new EnumMap<>(SourceAttributes.Basis.class);
    private int found;
    private int listInvocations;

    private Inventory() {
    }

    /** Pages through the pool with the List handler; links whose {@code Id} is in {@code excluded} are left out. */
    static Inventory of(final WrapperInvoker handlers, final String userPoolId, final SourceAttributes attributes,
        final Set<String> excluded) throws ListFailed {
        final Inventory inventory = new Inventory();
        final ObjectNode filter = JsonNodeFactory.instance.objectNode().put("UserPoolId", userPoolId);
        final Map<String, AdoptedLink> byLogicalId = new HashMap<>();
        String next = null;
        do {
            final WrapperInvoker.Event page = handlers.listOnce(filter, next, null);
            inventory.listInvocations++;
            if (!"SUCCESS".equals(page.status())) {
                throw new ListFailed(page.errorCode(), page.message());
            }
            for (JsonNode model : page.models()) {
                inventory.add(model, attributes, excluded, byLogicalId);
            }
            next = page.nextToken();
        } while (next != null);
        inventory.links.sort(Comparator.comparing(AdoptedLink::id));
        return inventory;
    }

    private void add(final JsonNode model, final SourceAttributes attributes, final Set<String> excluded,
        final Map<String, AdoptedLink> byLogicalId) {
        found++;
        final String id = model.path("Id").asText();
        final String provider = model.path("SourceUser").path("ProviderName").asText();
        byProvider.merge(provider, 1, Integer::sum);
        if (excluded.contains(id)) {
            leftOut.add(new LeftOut(id, "listed in --exclude-ids (managed elsewhere)"));
            return;
        }
        final String value = model.path("SourceUser").path("ProviderAttributeValue").asText();
        final String username = model.path("DestinationUsername").asText();
        final SourceAttributes.Found attribute = attributes.of(provider, value, username);
        byBasis.merge(attribute.basis(), 1, Integer::sum);
        final AdoptedLink link = new AdoptedLink(id, LogicalIds.of(id, username, provider), model.path("UserPoolId").asText(),
            provider, attribute.attributeName(), value, username);
        final AdoptedLink clash = byLogicalId.putIfAbsent(link.logicalId(), link);
        if (clash != null) {
            // Ten hex digits of SHA-256 make this about one in a trillion per pair; never write two resources as one.
            throw new IllegalStateException("two links share the logical ID " + link.logicalId() + "; nothing was written");
        }
        links.add(link);
    }

    /** The links to write, sorted by {@code Id} (a user's links stay together). */
    List<AdoptedLink> links() {
        return List.copyOf(links);
    }

    List<LeftOut> leftOut() {
        return List.copyOf(leftOut);
    }

    /** Links found per provider name, excluded ones included. */
    Map<String, Integer> byProvider() {
        return Collections.unmodifiableMap(new TreeMap<>(byProvider));
    }

    Map<SourceAttributes.Basis, Integer> byBasis() {
        return Collections.unmodifiableMap(new EnumMap<>(byBasis));
    }

    int found() {
        return found;
    }

    int listInvocations() {
        return listInvocations;
    }
}
