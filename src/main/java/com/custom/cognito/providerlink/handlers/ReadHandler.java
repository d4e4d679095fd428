package com.custom.cognito.providerlink.handlers;

import com.custom.cognito.providerlink.CallbackContext;
import com.custom.cognito.providerlink.ResourceModel;
import com.custom.cognito.providerlink.model.ProviderLink;
import com.custom.cognito.providerlink.model.Translator;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/** Read: the link exists exactly when its destination user's identities hold the source identity. */
public class ReadHandler extends BaseHandlerStd {

    @Override
    protected ProgressEvent<ResourceModel, CallbackContext> handle(
        final AmazonWebServicesClientProxy proxy,
        final ResourceHandlerRequest<ResourceModel> request,
        final CallbackContext context,
        final ProxyClient<CognitoIdentityProviderClient> client,
        final Logger logger) {

        final ProviderLink link = Translator.toIdentifiedLink(request.getDesiredResourceState());
        logger.log("Reading the " + link);
        return lookUpLink("Read", proxy, client, link, Translator.toModel(link), context)
            .done(linked -> linked
                ? ProgressEvent.success(Translator.toModel(link), null)
                : notFound(link).toEvent(null));
    }
}
