package com.custom.cognito.providerlink;

import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/** The entry point every handler offers the wrapper, as {@code cfn generate} writes it. */
public abstract class BaseHandler<CallbackT> {

    public abstract ProgressEvent<ResourceModel, CallbackT> handleRequest(
        AmazonWebServicesClientProxy proxy,
        ResourceHandlerRequest<ResourceModel> request,
        CallbackT callbackContext,
        Logger logger);
}
