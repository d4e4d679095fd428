package com.custom.cognito.providerlink.handlers;

import com.custom.cognito.providerlink.CallbackContext;
import com.custom.cognito.providerlink.ResourceModel;
import com.custom.cognito.providerlink.cognito.Attempts;
import com.custom.cognito.providerlink.cognito.ClientBuilder;
import com.custom.cognito.providerlink.cognito.CognitoAction;
import com.custom.cognito.providerlink.cognito.LinkFailures;
import com.custom.cognito.providerlink.cognito.LinkGateway;
import com.custom.cognito.providerlink.model.ProviderLink;
import com.custom.cognito.providerlink.model.Translator;
import com.custom.cognito.providerlink.pacing.Pause;
import java.util.Set;
import software.amazon.cloudformation.proxy.ProgressEvent;

/** Read: the link exists exactly when its destination user's identities hold the source identity. One AdminGetUser. */
public class ReadHandler extends BaseHandlerStd {

    public ReadHandler() {
        this(new ClientBuilder(), Pause.SLEEP);
    }

    public ReadHandler(final ClientBuilder clients, final Pause pause) {
        super(clients, pause);
    }

    @Override
    protected ProgressEvent<ResourceModel, CallbackContext> handle(final Invocation invocation) {
        final ProviderLink link = Translator.toIdentifiedLink(invocation.model());
        invocation.logger().log("Reading the " + link);
        final LinkGateway.Lookup destination = invocation.cognito().lookUp(link);
        return destination.holdsSource()
            ? ProgressEvent.success(Translator.toModel(link.withDestinationResolvedAs(destination.username())), null)
            : LinkFailures.notFound(link).toEvent(null);
    }

    @Override
    protected Attempts attempts(final Pause pause) {
        return Attempts.synchronous(pause);
    }

    @Override
    public Set<CognitoAction> actions() {
        return Set.of(CognitoAction.GET_USER);
    }
}
