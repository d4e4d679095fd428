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
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;

/**
 * Delete: NotFound unless the destination shows the link; then unlink by naming the source identity (never
 * {@code Cognito}: see {@link com.custom.cognito.providerlink.model.SourceIdentity}) and wait until the destination
 * no longer shows it. "Isn't linked" is success only when this operation's own unlink may have removed the link
 * ({@link LinkGateway#unlink}).
 */
public class DeleteHandler extends LinkChangeHandler {

    public DeleteHandler() {
        this(Attempts.Pause.SLEEP);
    }

    DeleteHandler(final Attempts.Pause pause) {
        super(pause);
    }

    @Override
    protected ProgressEvent<ResourceModel, CallbackContext> handle(final Invocation invocation) {
        final ProviderLink link = Translator.toIdentifiedLink(invocation.model());
        final CallbackContext context = invocation.context();
        invocation.logger().log("Deleting the " + link);
        return ProgressEvent.progress(eventModel(invocation), context)
            .then(progress -> {
                if (context.getCheckedDestination() == null) {
                    if (!invocation.cognito().lookUp(link).holdsSource()) {
                        throw LinkFailures.notFound(link);
                    }
                    context.setCheckedDestination(link.destination().username());
                }
                return progress;
            })
            .then(progress -> {
                if (!context.hasTakenEffect()) {
                    invocation.cognito().unlink(link, context);
                }
                return progress;
            })
            .then(progress -> awaitVisible(invocation, !invocation.cognito().shows(link).orElse(false), progress,
                seconds -> LinkFailures.stillShown(link, seconds)))
            .then(progress -> ProgressEvent.<ResourceModel, CallbackContext>builder().status(OperationStatus.SUCCESS).build());
    }

    @Override
    protected ResourceModel eventModel(final Invocation invocation) {
        return Translator.withId(invocation.model(), Translator.toIdentifiedLink(invocation.model()).id());
    }

    @Override
    public Set<CognitoAction> actions() {
        return Set.of(CognitoAction.GET_USER, CognitoAction.UNLINK, CognitoAction.DESCRIBE_PROVIDER);
    }
}
