package com.custom.cognito.providerlink.contract;

import com.custom.cognito.providerlink.local.harness.WrapperInvoker;
import com.custom.cognito.providerlink.local.harness.WrapperInvoker.Event;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stack of links, updated the way CloudFormation updates one (Update behaviors of stack resources; the handler
 * contract): a resource whose create-only properties changed is replaced in the order the schema's
 * {@code replacementStrategy} names; a resource under a new logical id is created before the old one is deleted; a
 * failed step rolls the stack back, deleting what a failed create identified and restoring what the update removed.
 * The resources it records are what CloudFormation would believe exists.
 */
final class CloudFormationStack {

    /** One handler operation the stack ran, for asserting the order. */
    record Step(String action, String logicalId, String status) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final WrapperInvoker wrapper;
    private final String replacementStrategy;
    /** Logical id to the model CloudFormation keeps for it (its Id and properties). */
    private final Map<String, JsonNode> resources = new LinkedHashMap<>();
    private final Map<String, JsonNode> template = new LinkedHashMap<>();
    private final List<Step> steps = new ArrayList<>();

    CloudFormationStack(final WrapperInvoker wrapper) {
        this.wrapper = wrapper;
        try {
            this.replacementStrategy = JSON.readTree(Files.readString(Path.of("custom-cognito-providerlink.json")))
                .path("replacementStrategy").asText("create_then_delete");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, JsonNode> resources() {
        return Map.copyOf(resources);
    }

    List<Step> steps() {
        return List.copyOf(steps);
    }

    /** Applies {@code next} (logical id to properties); true when the update completed, false when it rolled back. */
    boolean update(final Map<String, JsonNode> next) {
        final Map<String, JsonNode> previousTemplate = new LinkedHashMap<>(template);
        final Map<String, JsonNode> previousResources = new LinkedHashMap<>(resources);
        final List<String> removed = new ArrayList<>(resources.keySet());
        removed.removeAll(next.keySet());
        for (Map.Entry<String, JsonNode> declared : next.entrySet()) {
            final String logicalId = declared.getKey();
            final boolean ok = !resources.containsKey(logicalId)
                ? create(logicalId, declared.getValue())
                : declared.getValue().equals(template.get(logicalId)) || replace(logicalId, declared.getValue());
            if (!ok) {
                rollBack(previousTemplate, previousResources);
                return false;
            }
            template.put(logicalId, declared.getValue());
        }
        // cleanup phase: resources the new template no longer has, after everything else succeeded
        for (String logicalId : removed) {
            delete(logicalId);
            template.remove(logicalId);
        }
        return true;
    }

    private boolean replace(final String logicalId, final JsonNode properties) {
        if ("delete_then_create".equals(replacementStrategy)) {
            return delete(logicalId) && create(logicalId, properties);
        }
        final JsonNode old = resources.get(logicalId);
        if (!create(logicalId, properties)) {
            return false;
        }
        final JsonNode created = resources.get(logicalId);
        resources.put(logicalId, old);
        final boolean deleted = delete(logicalId);
        resources.put(logicalId, created);
        return deleted;
    }

    private boolean create(final String logicalId, final JsonNode properties) {
        final Event last = run("CREATE", logicalId, properties);
        if ("SUCCESS".equals(last.status())) {
            resources.put(logicalId, last.model());
            return true;
        }
        // CloudFormation deletes what a failed create identified; a failed create without a model made nothing
        if (last.model() != null && last.model().hasNonNull("Id")) {
            run("DELETE", logicalId, last.model());
        }
        resources.remove(logicalId);
        return false;
    }

    private boolean delete(final String logicalId) {
        final Event last = run("DELETE", logicalId, resources.get(logicalId));
        // a delete that finds nothing is done: CloudFormation treats NotFound as deleted
        final boolean gone = "SUCCESS".equals(last.status()) || "NotFound".equals(last.errorCode());
        if (gone) {
            resources.remove(logicalId);
        }
        return gone;
    }

    /** Puts back what the update changed: removes resources it added, re-creates those it deleted, in the old template. */
    private void rollBack(final Map<String, JsonNode> previousTemplate, final Map<String, JsonNode> previousResources) {
        for (String logicalId : new ArrayList<>(resources.keySet())) {
            if (!previousResources.containsKey(logicalId) || !resources.get(logicalId).equals(previousResources.get(logicalId))) {
                delete(logicalId);
            }
        }
        for (Map.Entry<String, JsonNode> old : previousTemplate.entrySet()) {
            if (!resources.containsKey(old.getKey())) {
                create(old.getKey(), old.getValue());
            }
        }
        template.clear();
        template.putAll(previousTemplate);
    }

    private Event run(final String action, final String logicalId, final JsonNode model) {
        final List<Event> events = wrapper.invoke(action, model);
        final Event last = events.get(events.size() - 1);
        steps.add(new Step(action, logicalId, last.status() + (last.errorCode() == null ? "" : " " + last.errorCode())));
        return last;
    }
}
