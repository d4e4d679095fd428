package com.custom.cognito.providerlink.handlers;

import com.custom.cognito.providerlink.CallbackContext;
import com.custom.cognito.providerlink.ResourceModel;
import com.custom.cognito.providerlink.cognito.ClientBuilder;
import com.custom.cognito.providerlink.cognito.CognitoAction;
import com.custom.cognito.providerlink.cognito.LinkFailures;
import com.custom.cognito.providerlink.model.ProviderLink;
import com.custom.cognito.providerlink.model.Translator;
import com.custom.cognito.providerlink.pacing.Pause;
import java.util.Set;
import software.amazon.cloudformation.proxy.ProgressEvent;

/**
 * Create: link the identity to the user Cognito resolves the destination to, reading the destination before every
 * attempt (it must exist and lack the identity), and wait until it shows the link. The link is this stack's only when
 * its own call may have made it ({@link com.custom.cognito.providerlink.ownership.Ownership}); the context carries
 * that record, so a later invocation of the same operation recognises its own link.
 */
public class CreateHandler extends LinkChangeHandler {

    public CreateHandler() {
        this(new ClientBuilder(), Pause.SLEEP);
    }

    public CreateHandler(final ClientBuilder clients, final Pause pause) {
        super(clients, pause);
    }

    @Override
    protected ProgressEvent<ResourceModel, CallbackContext> handle(final Invocation invocation) {
        final CallbackContext context = invocation.context();
        invocation.logger().log("Creating the " + link(invocation));
        return ProgressEvent.progress(eventModel(invocation), context)
            .then(progress -> {
                if (!context.getOwnership().hasTakenEffect()) {
                    invocation.cognito().link(link(invocation), context.getOwnership(), context::setDestinationUsername);
                }
                return progress;
            })
            .then(progress -> awaitVisible(invocation, invocation.cognito().shows(link(invocation)), progress,
                seconds -> LinkFailures.notShown(link(invocation), seconds)))
            .then(progress -> ProgressEvent.success(Translator.toModel(link(invocation)), null));
    }

    /** The declared link, named as Cognito names its destination once a read resolved it. */
    private static ProviderLink link(final Invocation invocation) {
        final ProviderLink declared = Translator.toDeclaredLink(invocation.model());
        final String username = invocation.context().getDestinationUsername();
        return username == null ? declared : declared.withDestinationResolvedAs(username);
    }

    @Override
    protected ResourceModel eventModel(final Invocation invocation) {
        final ProviderLink link = link(invocation);
        final ResourceModel model = Translator.withId(invocation.model(),
            invocation.context().getOwnership().naming(link::id, link::pendingId));
        return invocation.context().getDestinationUsername() == null
            ? model
            : model.toBuilder().destinationUsername(link.destination().username()).build();
    }

    @Override
    public Set<CognitoAction> actions() {
        return Set.of(CognitoAction.GET_USER, CognitoAction.LINK, CognitoAction.LIST_USERS);
    }
}
