package com.custom.cognito.providerlink.handlers;

import com.custom.cognito.providerlink.CallbackContext;
import com.custom.cognito.providerlink.ResourceModel;
import com.custom.cognito.providerlink.cognito.CognitoErrors;
import com.custom.cognito.providerlink.cognito.CognitoRequests;
import com.custom.cognito.providerlink.cognito.LinkDirectory;
import com.custom.cognito.providerlink.model.Translator;
import java.time.Duration;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * List: every link in a user pool, a budget of ListUsers pages per invocation, continued through {@code nextToken}
 * (Cognito's own pagination token), so that each invocation returns well within the list time limit whatever the
 * pool's size. Links are read from the {@code identities} attribute on the client side: Cognito cannot filter on it.
 */
public class ListHandler extends BaseHandlerStd {

    /** Enough links to make a page worth it, and a bound on pages and time; a page of users is never split. */
    static final LinkDirectory.Budget BUDGET = new LinkDirectory.Budget(100, 25, Duration.ofSeconds(10));

    @Override
    protected ProgressEvent<ResourceModel, CallbackContext> handle(
        final AmazonWebServicesClientProxy proxy,
        final ResourceHandlerRequest<ResourceModel> request,
        final CallbackContext context,
        final ProxyClient<CognitoIdentityProviderClient> client,
        final Logger logger) {

        final String userPoolId = Translator.toUserPoolId(request.getDesiredResourceState());
        final LinkDirectory.Budget budget = request.getMaxResults() == null
            ? BUDGET
            : new LinkDirectory.Budget(Math.max(1, request.getMaxResults()), BUDGET.maxPages(), BUDGET.maxTime());
        logger.log("Listing the links of " + userPoolId);
        return proxy.initiate(LIST_USERS + "::List", client, request.getDesiredResourceState(), context)
            .translateToServiceRequest(m -> CognitoRequests.listUsers(userPoolId, request.getNextToken()))
            .makeServiceCall((listRequest, c) -> LinkDirectory.collect(c, listRequest, budget, System::nanoTime))
            .handleError((listRequest, e, c, m, cx) -> CognitoErrors.translate(e, CognitoErrors.Call.onPool(LIST_USERS, userPoolId)).toEvent(null))
            .done(page -> ProgressEvent.<ResourceModel, CallbackContext>builder()
                .resourceModels(page.links().stream().map(Translator::toModel).collect(Collectors.toList()))
                .nextToken(page.nextToken())
                .status(OperationStatus.SUCCESS)
                .build());
    }
}
