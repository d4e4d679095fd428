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

/** Read: the link exists exactly when its destination user's identities hold the source identity. One AdminGetUser. */
public class ReadHandler extends BaseHandlerStd {

    public ReadHandler() {
        this(Attempts.Pause.SLEEP);
    }

    ReadHandler(final Attempts.Pause pause) {
        super(pause);
    }

    @Override
    protected ProgressEvent<ResourceModel, CallbackContext> handle(final Invocation invocation) {
        final ProviderLink link = Translator.toIdentifiedLink(invocation.model());
        invocation.logger().log("Reading the " + link);
        final LinkGateway.Destination destination = invocation.cognito().lookUp(link);
        return destination.holdsSource()
            ? ProgressEvent.success(Translator.toModel(link.withDestinationResolvedAs(destination.username())), null)
            : LinkFailures.notFound(link).toEvent(null);
    }

    @Override
    protected Attempts attempts(final Attempts.Pause pause) {
        return Attempts.synchronous(pause);
    }

    @Override
    public Set<CognitoAction> actions() {
        return Set.of(CognitoAction.GET_USER);
    }
}
