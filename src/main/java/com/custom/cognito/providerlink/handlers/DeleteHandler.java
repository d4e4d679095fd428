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
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;

/**
 * Delete: unlink by naming the source identity (never {@code Cognito}: see
 * {@link com.custom.cognito.providerlink.model.SourceIdentity}), after reading, before every attempt and in every
 * invocation, that the destination still holds it; then wait until the destination no longer shows it. NotFound when
 * the destination does not hold the link, unless this operation's own unlink may have removed it. When Cognito answers
 * that the identity isn't linked by any name while the destination still shows it, the unlink is tried again after a
 * callback, for as long as a change may take to show: a read may lag behind another stack's unlink.
 */
public class DeleteHandler extends LinkChangeHandler {

    public DeleteHandler() {
        this(new ClientBuilder(), Pause.SLEEP);
    }

    public DeleteHandler(final ClientBuilder clients, final Pause pause) {
        super(clients, pause);
    }

    @Override
    protected ProgressEvent<ResourceModel, CallbackContext> handle(final Invocation invocation) {
        final ProviderLink link = Translator.toIdentifiedLink(invocation.model());
        final CallbackContext context = invocation.context();
        invocation.logger().log("Deleting the " + link);
        return ProgressEvent.progress(eventModel(invocation), context)
            .then(progress -> {
                if (context.getOwnership().hasTakenEffect()) {
                    return progress;
                }
                final Set<String> refused = invocation.cognito().unlink(link, context.getOwnership());
                return awaitVisible(invocation, refused.isEmpty(), progress, seconds -> LinkFailures.stillLinked(link, refused));
            })
            .then(progress -> awaitVisible(invocation, !invocation.cognito().shows(link), progress,
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
