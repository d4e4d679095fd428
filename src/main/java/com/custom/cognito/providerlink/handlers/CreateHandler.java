package com.custom.cognito.providerlink.handlers;

import com.custom.cognito.providerlink.CallbackContext;
import com.custom.cognito.providerlink.ResourceModel;
import com.custom.cognito.providerlink.cognito.Attempts;
import com.custom.cognito.providerlink.cognito.CognitoAction;
import com.custom.cognito.providerlink.cognito.LinkFailures;
import com.custom.cognito.providerlink.cognito.LinkGateway;
import com.custom.cognito.providerlink.model.ProviderLink;
import com.custom.cognito.providerlink.model.Translator;
import java.util.Set;
import software.amazon.cloudformation.proxy.ProgressEvent;

/**
 * Create: resolve the destination and refuse a link it already holds (AdminGetUser), link by the username Cognito
 * answered, and wait until the destination shows the link. The link is this stack's only when its own call may
 * have made it ({@link LinkGateway#link}); the context records how far the call got, so a later invocation of the
 * same operation recognises its own link.
 */
public class CreateHandler extends LinkChangeHandler {

    public CreateHandler() {
        this(Attempts.Pause.SLEEP);
    }

    CreateHandler(final Attempts.Pause pause) {
        super(pause);
    }

    @Override
    protected ProgressEvent<ResourceModel, CallbackContext> handle(final Invocation invocation) {
        final ProviderLink declared = Translator.toDeclaredLink(invocation.model());
        final CallbackContext context = invocation.context();
        invocation.logger().log("Creating the " + declared);
        return ProgressEvent.progress(eventModel(invocation), context)
            .then(progress -> context.getCheckedDestination() != null ? progress : preCheck(invocation, declared, progress))
            .then(progress -> {
                if (!context.hasTakenEffect()) {
                    invocation.cognito().link(resolved(declared, context), context);
                }
                return progress;
            })
            .then(progress -> awaitVisible(invocation, invocation.cognito().shows(resolved(declared, context)).orElse(false),
                progress, seconds -> LinkFailures.notShown(resolved(declared, context), seconds)))
            .then(progress -> ProgressEvent.success(Translator.toModel(resolved(declared, context)), null));
    }

    private static ProgressEvent<ResourceModel, CallbackContext> preCheck(
        final Invocation invocation, final ProviderLink declared, final ProgressEvent<ResourceModel, CallbackContext> progress) {
        final LinkGateway.Destination destination = invocation.cognito().destinationOf(declared);
        if (destination.holdsSource()) {
            throw LinkFailures.alreadyExists(declared.withDestinationResolvedAs(destination.username()));
        }
        invocation.context().setCheckedDestination(destination.username());
        return progress;
    }

    /** The link as Cognito names it, once the pre-check resolved the destination; the declared one before. */
    private static ProviderLink resolved(final ProviderLink declared, final CallbackContext context) {
        return context.getCheckedDestination() == null ? declared
            : declared.withDestinationResolvedAs(context.getCheckedDestination());
    }

    @Override
    protected ResourceModel eventModel(final Invocation invocation) {
        final ProviderLink link = resolved(Translator.toDeclaredLink(invocation.model()), invocation.context());
        final ResourceModel model = Translator.withId(invocation.model(), invocation.context().mayHaveTakenEffect() ? link.id()
            : link.pendingId());
        return invocation.context().getCheckedDestination() == null ? model
            : model.toBuilder().destinationUsername(link.destination().username()).build();
    }

    @Override
    public Set<CognitoAction> actions() {
        return Set.of(CognitoAction.GET_USER, CognitoAction.LINK, CognitoAction.LIST_USERS);
    }
}
