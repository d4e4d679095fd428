package com.custom.cognito.providerlink.customresource;

import com.custom.cognito.providerlink.CallbackContext;
import com.custom.cognito.providerlink.ResourceModel;
import com.custom.cognito.providerlink.model.LinkException;
import com.custom.cognito.providerlink.model.ProviderLink;
import com.custom.cognito.providerlink.model.SourceIdentity;
import com.custom.cognito.providerlink.model.Translator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;

/**
 * Create, Update and Delete of a {@code Custom::CognitoProviderLink}, each a sequence of registry handler runs
 * ({@link HandlerRun}), with the custom-resource rules on top. What an answer names follows each run's
 * {@link com.custom.cognito.providerlink.ownership.Ownership}, and nothing else:
 * <ul>
 *   <li>Create answers the link's PhysicalResourceId when its own link call may have made the link (so the
 *       rollback's Delete removes it; that Delete re-reads before it unlinks); otherwise a marker that names nothing.</li>
 *   <li>Delete of a link that is gone, or of an id this handler never answered, is SUCCESS (CloudFormation deletes
 *       resources whose create failed, and retries deletes).</li>
 *   <li>Update: CloudFormation creates the replacement, then deletes the old PhysicalResourceId. A source identity
 *       links to one user only, so moving it to another destination is done here: unlink from the old destination,
 *       link to the new one, and relink the old one if that fails. A failed update keeps the old PhysicalResourceId,
 *       so whatever this update may have made is undone before it answers, in time or after the deadline
 *       ({@link #afterTimeout}).</li>
 * </ul>
 */
final class LinkLifecycle {

    private final CustomResourceProperties properties;
    private final Runs runs;
    /** The runs of this event whose effects an answer must account for, by their part in it. */
    private final Map<Part, HandlerRun> parts = new LinkedHashMap<>();

    /** What a run was for, which decides what its effect means when the time runs out. */
    enum Part {
        CREATE,
        DELETE,
        REPLACEMENT,
        UNLINK_OLD,
        LINK_NEW,
        RELINK_OLD
    }

    LinkLifecycle(final CustomResourceProperties properties, final Runs runs) {
        this.properties = properties;
        this.runs = runs;
    }

    CustomResourceResponse handle(final CustomResourceEvent event) {
        try {
            return switch (event.requestType()) {
                case Create -> create(event);
                case Update -> update(event);
                case Delete -> delete(event);
            };
        } catch (LinkException e) {
            return failed(event, e.getMessage());
        }
    }

    private CustomResourceResponse create(final CustomResourceEvent event) {
        final ResourceModel model = properties.model(event.properties());
        final ProviderLink declared = Translator.toDeclaredLink(model);
        final HandlerRun creating = start(Part.CREATE, Action.CREATE, declared, event.requestId());
        final ProgressEvent<ResourceModel, CallbackContext> made = creating.run(model);
        if (made.getStatus() == OperationStatus.SUCCESS) {
            return CustomResourceResponse.success(event, PhysicalId.of(declared, creating.resolved()), data(creating.resolved()));
        }
        return failed(event, reason(made));
    }

    private CustomResourceResponse delete(final CustomResourceEvent event) {
        final Optional<ProviderLink> link = PhysicalId.resolve(event.physicalResourceId(), () -> declared(event.properties()));
        if (link.isEmpty()) {
            return CustomResourceResponse.success(event, event.physicalResourceId(), Map.of());
        }
        final ProgressEvent<ResourceModel, CallbackContext> removed = start(Part.DELETE, Action.DELETE, link.get(),
            event.requestId()).run(deleteModel(link.get(), event.properties()));
        if (removed.getStatus() == OperationStatus.SUCCESS || removed.getErrorCode() == HandlerErrorCode.NotFound) {
            return CustomResourceResponse.success(event, event.physicalResourceId(), Map.of());
        }
        return failed(event, reason(removed));
    }

    private CustomResourceResponse update(final CustomResourceEvent event) {
        if (event.properties().equals(event.oldProperties())) {
            return CustomResourceResponse.success(event, event.physicalResourceId(), PhysicalId.resolve(
                event.physicalResourceId(), () -> declared(event.properties())).map(LinkLifecycle::data).orElse(Map.of()));
        }
        final ResourceModel model = properties.model(event.properties());
        final ProviderLink desired = Translator.toDeclaredLink(model);
        final Optional<ProviderLink> current = PhysicalId.resolve(event.physicalResourceId(),
            () -> declared(event.oldProperties()));
        if (current.isEmpty() || !sameIdentity(current.get(), desired)) {
            return replace(event, model, desired);
        }
        final ProgressEvent<ResourceModel, CallbackContext> read = runs.start(Action.READ, desired, event.requestId() + "|read")
            .run(Translator.withId(model, desired.id()));
        if (read.getStatus() == OperationStatus.SUCCESS && current.get().id().equals(read.getResourceModel().getId())) {
            return CustomResourceResponse.success(event, event.physicalResourceId(), data(read.getResourceModel()));
        }
        return move(event, current.get(), model, desired);
    }

    /** Another identity, or another pool: a link of its own, made now; CloudFormation deletes the old one afterwards. */
    private CustomResourceResponse replace(final CustomResourceEvent event, final ResourceModel model,
        final ProviderLink desired) {
        final HandlerRun replacement = start(Part.REPLACEMENT, Action.CREATE, desired, event.requestId() + "|create");
        final ProgressEvent<ResourceModel, CallbackContext> made = replacement.run(model);
        if (made.getStatus() == OperationStatus.SUCCESS) {
            return CustomResourceResponse.success(event, PhysicalId.of(desired, replacement.resolved()),
                data(replacement.resolved()));
        }
        final Undo undo = undoPlan(event);
        undo.execute(runs);
        return failed(event, reason(made) + undo.report(""));
    }

    /** The same identity to another destination: unlink, link, and relink the old destination if the link fails. */
    private CustomResourceResponse move(final CustomResourceEvent event, final ProviderLink current, final ResourceModel model,
        final ProviderLink desired) {
        final ProgressEvent<ResourceModel, CallbackContext> unlinked = start(Part.UNLINK_OLD, Action.DELETE, current,
            event.requestId() + "|unlink").run(deleteModel(current, event.oldProperties()));
        if (unlinked.getStatus() != OperationStatus.SUCCESS && unlinked.getErrorCode() != HandlerErrorCode.NotFound) {
            return failed(event, "The identity could not be moved: unlinking it from the previous destination failed. "
                + reason(unlinked));
        }
        final HandlerRun linking = start(Part.LINK_NEW, Action.CREATE, desired, event.requestId() + "|link");
        final ProgressEvent<ResourceModel, CallbackContext> made = linking.run(model);
        if (made.getStatus() == OperationStatus.SUCCESS) {
            return CustomResourceResponse.success(event, PhysicalId.of(desired, linking.resolved()), data(linking.resolved()));
        }
        final Undo undo = undoPlan(event);
        undo.execute(runs);
        return failed(event, reason(made) + undo.report(" The identity is linked to the previous destination again, as before"
            + " the update."));
    }

    /**
     * The answer when the time ran out (or the work failed unexpectedly), once every run has been closed, so that what
     * each may have changed is settled: a create names its link only if its own call may have made it; an update
     * reports what {@code undo} (its {@link #undoPlan}, executed meanwhile as far as time allowed) could not undo.
     */
    CustomResourceResponse afterTimeout(final CustomResourceEvent event, final String why, final Undo undo) {
        return switch (event.requestType()) {
            case Create -> {
                final HandlerRun creating = parts.get(Part.CREATE);
                final boolean mayExist = creating != null && creating.ownership().mayHaveTakenEffect();
                yield failed(event, why + (mayExist ? " The link may have been made: the stack's rollback removes it." : ""));
            }
            case Delete -> failed(event, why + " The link may still exist: delete the resource again.");
            case Update -> failed(event, why + (undo.isEmpty()
                ? " This update had changed no link yet."
                : undo.report(" What this update had changed is undone: the links are as before it.")));
        };
    }

    /**
     * What undoes this update's runs, from what each may have made, newest first: a replacement or a new link is
     * removed, and an old link this update removed is made again. Empty for a create or a delete, and for an update
     * that changed nothing.
     */
    Undo undoPlan(final CustomResourceEvent event) {
        final Undo undo = new Undo();
        if (event.requestType() != CustomResourceEvent.RequestType.Update) {
            return undo;
        }
        for (Part made : List.of(Part.REPLACEMENT, Part.LINK_NEW)) {
            final HandlerRun run = parts.get(made);
            if (run != null && run.ownership().mayHaveTakenEffect()) {
                final ProviderLink link = run.resolved();
                undo.add(link, Commands::unlink, with -> with.start(Action.DELETE, link, event.requestId() + "|undo-" + made)
                    .run(deleteModel(link, event.properties())));
            }
        }
        final HandlerRun unlinked = parts.get(Part.UNLINK_OLD);
        final HandlerRun relinked = parts.get(Part.RELINK_OLD);
        if (unlinked != null && unlinked.ownership().mayHaveTakenEffect() && (relinked == null
            || !relinked.ownership().hasTakenEffect())) {
            final ProviderLink old = unlinked.resolved().withSourceAttributeName(oldAttributeName(event));
            undo.add(old, Commands::link, with -> start(Part.RELINK_OLD, Action.CREATE, old, event.requestId() + "|relink", with)
                .run(Translator.toDeclaration(old)));
        }
        return undo;
    }

    /** Steps that put back what an update changed, each done, or left with the command that does it by hand. */
    static final class Undo {

        private record Step(ProviderLink link, Function<ProviderLink, String> command,
            Function<Runs, ProgressEvent<ResourceModel, CallbackContext>> action) {
        }

        private final List<Step> steps = new ArrayList<>();
        private final Set<Step> done = ConcurrentHashMap.newKeySet();

        private void add(final ProviderLink link, final Function<ProviderLink, String> command,
            final Function<Runs, ProgressEvent<ResourceModel, CallbackContext>> action) {
            steps.add(new Step(link, command, action));
        }

        /** Takes the steps in order with {@code runs}; a step is done when its effect holds (NotFound or AlreadyExists too). */
        void execute(final Runs runs) {
            for (Step step : steps) {
                try {
                    final ProgressEvent<ResourceModel, CallbackContext> outcome = step.action().apply(runs);
                    if (outcome.getStatus() == OperationStatus.SUCCESS || outcome.getErrorCode() == HandlerErrorCode.NotFound
                        || outcome.getErrorCode() == HandlerErrorCode.AlreadyExists) {
                        done.add(step);
                    }
                } catch (RuntimeException e) {
                    // out of time, or stopped: the step is left for the report
                }
            }
        }

        boolean isEmpty() {
            return steps.isEmpty();
        }

        /** {@code allUndone} when every step is done; otherwise the commands that finish what is left. */
        String report(final String allUndone) {
            final List<String> left = steps.stream().filter(step -> !done.contains(step))
                .map(step -> step.command().apply(step.link())).toList();
            return left.isEmpty() ? (steps.isEmpty() ? "" : allUndone) : " " + String.join(" ", left);
        }
    }

    /** The source attribute name the old properties declared, or the subject when they no longer validate. */
    private String oldAttributeName(final CustomResourceEvent event) {
        try {
            return declared(event.oldProperties()).source().attributeNameOrSubject();
        } catch (LinkException e) {
            return SourceIdentity.SUBJECT_ATTRIBUTE;
        }
    }

    /** The Id, which is all Delete needs, with the declared source attribute name when the properties still hold it. */
    private ResourceModel deleteModel(final ProviderLink link, final ObjectNode declared) {
        try {
            return Translator.withId(properties.model(declared), link.id());
        } catch (LinkException e) {
            return ResourceModel.builder().id(link.id()).build();
        }
    }

    private HandlerRun start(final Part part, final Action action, final ProviderLink link, final String token) {
        return start(part, action, link, token, runs);
    }

    private HandlerRun start(final Part part, final Action action, final ProviderLink link, final String token,
        final Runs from) {
        final HandlerRun run = from.start(action, link, token);
        synchronized (parts) {
            parts.put(part, run);
        }
        return run;
    }

    private CustomResourceResponse failed(final CustomResourceEvent event, final String reason) {
        return CustomResourceResponse.failed(event, failurePhysicalId(event), reason);
    }

    /** A failed create names its link only when its own call may have made it; every other failure keeps the id it had. */
    private String failurePhysicalId(final CustomResourceEvent event) {
        if (event.requestType() != CustomResourceEvent.RequestType.Create) {
            return event.physicalResourceId();
        }
        final HandlerRun creating = parts.get(Part.CREATE);
        final String notCreated = PhysicalId.notCreated(event.requestId());
        return creating == null
            ? notCreated
            : creating.ownership().naming(() -> PhysicalId.of(
                declared(event.properties()), creating.resolved()), () -> notCreated);
    }

    private ProviderLink declared(final ObjectNode declaredProperties) {
        return Translator.toDeclaredLink(properties.model(declaredProperties));
    }

    private static boolean sameIdentity(final ProviderLink a, final ProviderLink b) {
        return a.userPoolId().equals(b.userPoolId()) && a.source().equals(b.source());
    }

    private static String reason(final ProgressEvent<ResourceModel, CallbackContext> event) {
        return event.getErrorCode() + ": " + event.getMessage();
    }

    /** What Fn::GetAtt offers: the Id and the values Read reports. */
    static Map<String, String> data(final ResourceModel model) {
        final Map<String, String> data = new LinkedHashMap<>();
        data.put("Id", model.getId());
        data.put("UserPoolId", model.getUserPoolId());
        if (model.getSourceUser() != null) {
            data.put("SourceProviderName", model.getSourceUser().getProviderName());
            data.put("SourceProviderAttributeValue", model.getSourceUser().getProviderAttributeValue());
        }
        if (model.getDestinationUser() != null) {
            data.put("DestinationProviderName", model.getDestinationUser().getProviderName());
        }
        data.put("DestinationUsername", model.getDestinationUsername());
        data.values().removeIf(Objects::isNull);
        return data;
    }

    private static Map<String, String> data(final ProviderLink link) {
        return data(Translator.toModel(link));
    }
}
