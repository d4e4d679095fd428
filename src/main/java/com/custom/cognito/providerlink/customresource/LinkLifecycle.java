package com.custom.cognito.providerlink.customresource;

import com.custom.cognito.providerlink.CallbackContext;
import com.custom.cognito.providerlink.DestinationUser;
import com.custom.cognito.providerlink.ResourceModel;
import com.custom.cognito.providerlink.SourceUser;
import com.custom.cognito.providerlink.model.LinkException;
import com.custom.cognito.providerlink.model.LinkId;
import com.custom.cognito.providerlink.model.ProviderLink;
import com.custom.cognito.providerlink.model.Translator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;

/**
 * Create, Update and Delete of a {@code Custom::CognitoProviderLink}, each a sequence of registry handler runs
 * ({@link HandlerLoop}), with the custom-resource rules on top:
 * <ul>
 *   <li>Create answers the link's PhysicalResourceId when it made the link, or when a failure came after its link
 *       call may have landed (so the rollback's Delete removes it); otherwise a marker that names nothing.</li>
 *   <li>Delete of a link that is gone, or of an id this handler never answered, is SUCCESS (CloudFormation deletes
 *       resources whose create failed, and retries deletes).</li>
 *   <li>Update: CloudFormation creates the replacement, then deletes the old PhysicalResourceId. A source identity
 *       links to one user only, so moving it to another destination is done here, in the Update: unlink from the
 *       old destination, link to the new one, and relink the old one if that fails. The later Delete of the old id
 *       then finds the old destination without the link, a no-op that leaves the new link alone.</li>
 * </ul>
 */
final class LinkLifecycle {

    private final CustomResourceProperties properties;
    private final Function<String, HandlerLoop> loops;
    private volatile HandlerLoop loop;
    private volatile ProviderLink creating;

    /**
     * @param loops the handler loop for a Region (the user pool's)
     */
    LinkLifecycle(final CustomResourceProperties properties, final Function<String, HandlerLoop> loops) {
        this.properties = properties;
        this.loops = loops;
    }

    CustomResourceResponse handle(final CustomResourceEvent event) {
        try {
            return switch (event.requestType()) {
                case Create -> create(event);
                case Update -> update(event);
                case Delete -> delete(event);
            };
        } catch (LinkException e) {
            return CustomResourceResponse.failed(event, fallbackPhysicalId(event), e.getMessage());
        }
    }

    /**
     * The PhysicalResourceId to answer when the operation did not end normally (a timeout, a crash): for a create, the
     * link's if its link call was sent (it may have landed), otherwise the not-created marker; else the current one.
     */
    String fallbackPhysicalId(final CustomResourceEvent event) {
        if (event.requestType() != CustomResourceEvent.RequestType.Create) {
            return event.physicalResourceId();
        }
        final HandlerLoop running = loop;
        final ProviderLink declared = creating;
        if (running == null || declared == null || !running.mutationSent()) {
            return PhysicalId.notCreated(event.requestId());
        }
        final CallbackContext context = running.lastContext();
        final String username = context == null ? null : context.getCheckedDestination();
        return PhysicalId.of(declared, username == null ? declared : declared.withDestinationResolvedAs(username));
    }

    private CustomResourceResponse create(final CustomResourceEvent event) {
        final ResourceModel model = properties.model(event.properties());
        final ProviderLink declared = Translator.toDeclaredLink(model);
        creating = declared;
        final ProgressEvent<ResourceModel, CallbackContext> made = loopFor(declared).run(Action.CREATE, model, event.requestId(),
            regionOf(declared), event.stackAccount());
        if (made.getStatus() == OperationStatus.SUCCESS) {
            return CustomResourceResponse.success(event, PhysicalId.of(declared, linkOf(made.getResourceModel())),
                data(made.getResourceModel()));
        }
        final String physicalId = made.getResourceModel() == null ? PhysicalId.notCreated(event.requestId())
            : PhysicalId.of(declared, linkOf(made.getResourceModel()));
        return CustomResourceResponse.failed(event, physicalId, reason(made));
    }

    private CustomResourceResponse delete(final CustomResourceEvent event) {
        final Optional<ProviderLink> link = PhysicalId.resolve(event.physicalResourceId(), () -> declared(event.properties()));
        if (link.isEmpty()) {
            return CustomResourceResponse.success(event, event.physicalResourceId(), Map.of());
        }
        final ProgressEvent<ResourceModel, CallbackContext> removed = unlink(link.get(), event.properties(), event.requestId(),
            event);
        if (removed.getStatus() == OperationStatus.SUCCESS || removed.getErrorCode() == HandlerErrorCode.NotFound) {
            return CustomResourceResponse.success(event, event.physicalResourceId(), Map.of());
        }
        return CustomResourceResponse.failed(event, event.physicalResourceId(), reason(removed));
    }

    private CustomResourceResponse update(final CustomResourceEvent event) {
        if (event.properties().equals(event.oldProperties())) {
            return CustomResourceResponse.success(event, event.physicalResourceId(),
                PhysicalId.resolve(event.physicalResourceId(),
                () -> declared(event.properties())).map(LinkLifecycle::data).orElse(Map.of()));
        }
        final ResourceModel model = properties.model(event.properties());
        final ProviderLink desired = Translator.toDeclaredLink(model);
        final Optional<ProviderLink> current = PhysicalId.resolve(event.physicalResourceId(), ()
            -> declared(event.oldProperties()));
        if (current.isEmpty() || !sameIdentity(current.get(), desired)) {
            return replace(event, model, desired);
        }
        final ProgressEvent<ResourceModel, CallbackContext> read = loopFor(desired).run(Action.READ, Translator.withId(model,
            desired.id()), event.requestId() + "|read", regionOf(desired), event.stackAccount());
        if (read.getStatus() == OperationStatus.SUCCESS && current.get().id().equals(read.getResourceModel().getId())) {
            return CustomResourceResponse.success(event, event.physicalResourceId(), data(read.getResourceModel()));
        }
        return move(event, current.get(), model, desired);
    }

    /** Another identity, or another pool: a link of its own, made now; CloudFormation deletes the old one afterwards. */
    private CustomResourceResponse replace(final CustomResourceEvent event, final ResourceModel model,
        final ProviderLink desired) {
        final ProgressEvent<ResourceModel, CallbackContext> made = loopFor(desired).run(Action.CREATE, model,
            event.requestId() + "|create", regionOf(desired), event.stackAccount());
        if (made.getStatus() == OperationStatus.SUCCESS) {
            return CustomResourceResponse.success(event, PhysicalId.of(desired, linkOf(made.getResourceModel())),
                data(made.getResourceModel()));
        }
        if (made.getResourceModel() != null) {
            // A failed update keeps the old PhysicalResourceId, so nothing else would ever delete a link this one made.
            unlink(linkOf(made.getResourceModel()), event.properties(), event.requestId() + "|cleanup", event);
        }
        return CustomResourceResponse.failed(event, event.physicalResourceId(), reason(made));
    }

    /** The same identity to another destination: unlink, link, and relink the old destination if the link fails. */
    private CustomResourceResponse move(final CustomResourceEvent event, final ProviderLink current, final ResourceModel model,
                                        final ProviderLink desired) {
        final ProgressEvent<ResourceModel, CallbackContext> unlinked = unlink(current, event.oldProperties(),
            event.requestId() + "|unlink", event);
        if (unlinked.getStatus() != OperationStatus.SUCCESS && unlinked.getErrorCode() != HandlerErrorCode.NotFound) {
            return CustomResourceResponse.failed(event, event.physicalResourceId(), "The identity could not be moved: unlinking"
                + " it from the previous destination failed. " + reason(unlinked));
        }
        final ProgressEvent<ResourceModel, CallbackContext> made = loopFor(desired).run(Action.CREATE, model,
            event.requestId() + "|link", regionOf(desired), event.stackAccount());
        if (made.getStatus() == OperationStatus.SUCCESS) {
            return CustomResourceResponse.success(event, PhysicalId.of(desired, linkOf(made.getResourceModel())),
                data(made.getResourceModel()));
        }
        final ProgressEvent<ResourceModel, CallbackContext> relinked = loopFor(current).run(Action.CREATE,
            creationModel(current, model.getSourceUser()), event.requestId()
                + "|relink", regionOf(current), event.stackAccount());
        if (relinked.getStatus() == OperationStatus.SUCCESS) {
            return CustomResourceResponse.failed(event, event.physicalResourceId(), reason(made)
                + " The identity is linked to the"
                + " previous destination again, as before the update.");
        }
        return CustomResourceResponse.failed(event, event.physicalResourceId(), reason(made) + " Relinking it to the previous"
            + " destination failed too (" + reason(relinked) + "), so the identity is linked to no user: link it by hand with aws"
            + " cognito-idp admin-link-provider-for-user, or retry the update.");
    }

    private ProgressEvent<ResourceModel, CallbackContext> unlink(final ProviderLink link,
        final ObjectNode declaredProperties, final String token, final CustomResourceEvent event) {
        ResourceModel model = ResourceModel.builder().id(link.id()).build();
        try {
            model = Translator.withId(properties.model(declaredProperties), link.id());
        } catch (LinkException e) {
            // Properties that no longer validate still leave the Id, which is all Delete needs.
        }
        return loopFor(link).run(Action.DELETE, model, token, regionOf(link), event.stackAccount());
    }

    private ProviderLink declared(final ObjectNode declaredProperties) {
        return Translator.toDeclaredLink(properties.model(declaredProperties));
    }

    private HandlerLoop loopFor(final ProviderLink link) {
        if (loop == null) {
            loop = loops.apply(regionOf(link));
        }
        return loop;
    }

    /** A user pool ID starts with its Region ({@code us-east-1_EXAMPLE}): Cognito is called there. */
    private static String regionOf(final ProviderLink link) {
        return link.userPoolId().substring(0, link.userPoolId().indexOf('_'));
    }

    private static boolean sameIdentity(final ProviderLink a, final ProviderLink b) {
        return a.userPoolId().equals(b.userPoolId()) && a.source().sameIdentityAs(b.source().providerName(), b.source().value());
    }

    private static ProviderLink linkOf(final ResourceModel model) {
        return LinkId.parse(model.getId()).link();
    }

    /** The model a create of {@code link} takes, with the source's attribute name from the template. */
    private static ResourceModel creationModel(final ProviderLink link, final SourceUser declaredSource) {
        return ResourceModel.builder()
            .userPoolId(link.userPoolId())
            .sourceUser(SourceUser.builder().providerName(link.source().providerName())
                .providerAttributeName(declaredSource.getProviderAttributeName()).providerAttributeValue(link.source().value())
                .build())
            .destinationUser(DestinationUser.builder().providerName(link.destination().providerName())
                .providerAttributeValue(link.destination().value()).build())
            .build();
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

    void stop() {
        final HandlerLoop running = loop;
        if (running != null) {
            running.stop();
        }
    }
}
