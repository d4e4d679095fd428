package com.custom.cognito.providerlink.handlers;

import com.custom.cognito.providerlink.CallbackContext;
import com.custom.cognito.providerlink.ResourceModel;
import com.custom.cognito.providerlink.cognito.LinkGateway;
import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/** One invocation of a handler: the request, the operation's context so far, Cognito, and the log. */
@SuppressFBWarnings(value = "EI_EXPOSE_REP", justification = "collaborators: the request and the shared context")
public record Invocation(ResourceHandlerRequest<ResourceModel> request, CallbackContext context, LinkGateway cognito,
    Logger logger) {

    /** The properties CloudFormation sent (for Read, Delete and List, often the identifier alone). */
    public ResourceModel model() {
        return request.getDesiredResourceState();
    }
}
