package com.custom.cognito.providerlink.handlers;

import com.custom.cognito.providerlink.CallbackContext;
import com.custom.cognito.providerlink.ResourceModel;
import com.custom.cognito.providerlink.cognito.CognitoErrors;
import com.custom.cognito.providerlink.cognito.CognitoRequests;
import com.custom.cognito.providerlink.cognito.LinkDirectory;
import com.custom.cognito.providerlink.model.LinkException;
import com.custom.cognito.providerlink.model.ProviderLink;
import com.custom.cognito.providerlink.model.Translator;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * Create: refuse a link that already exists, link, and wait until the destination user shows it. Idempotent: when
 * the SDK retries a link call whose first answer was lost, Cognito answers "already linked" and a read-back tells
 * our own link from one on another user.
 */
public class CreateHandler extends BaseHandlerStd {

    /** How many ListUsers pages (60 users each) Create reads to name the user that already holds an identity. */
    static final int HOLDER_SEARCH_PAGES = 20;

    @Override
    protected ProgressEvent<ResourceModel, CallbackContext> handle(
        final AmazonWebServicesClientProxy proxy,
        final ResourceHandlerRequest<ResourceModel> request,
        final CallbackContext context,
        final ProxyClient<CognitoIdentityProviderClient> client,
        final Logger logger) {

        final ProviderLink link = Translator.toDeclaredLink(request.getDesiredResourceState());
        final ResourceModel model = Translator.withId(request.getDesiredResourceState(), link);
        logger.log("Creating the " + link);
        return ProgressEvent.progress(model, context)
            .then(progress -> lookUpLink("Create::PreExistenceCheck", proxy, client, link, model, context)
                .done(linked -> linked ? alreadyExists(link).toEvent(null) : progress))
            .then(progress -> explainTimeout(proxy.initiate(LINK + "::Create", client, model, context)
                .translateToServiceRequest(m -> CognitoRequests.link(link))
                .backoffDelay(READ_BACK)
                .makeServiceCall((linkRequest, c) -> c.injectCredentialsAndInvokeV2(linkRequest, c.client()::adminLinkProviderForUser))
                .stabilize((linkRequest, response, c, m, cx) -> LinkDirectory.isLinked(c, link))
                .handleError((linkRequest, e, c, m, cx) -> linkRefused(e, c, link, progress))
                .progress(), notShown(link)))
            .then(progress -> ProgressEvent.success(Translator.toModel(link), null));
    }

    /**
     * "Already linked" right after a pre-check that found no link means one of two things, and the message does not
     * say which: our own earlier attempt landed (the SDK retried a call whose answer was lost), or the identity is
     * linked to another user. A read-back decides.
     */
    private static ProgressEvent<ResourceModel, CallbackContext> linkRefused(
        final Exception e,
        final ProxyClient<CognitoIdentityProviderClient> client,
        final ProviderLink link,
        final ProgressEvent<ResourceModel, CallbackContext> progress) {

        try {
            if (!CognitoErrors.isAlreadyLinked(e)) {
                final LinkException failure = CognitoErrors.translate(e, CognitoErrors.Call.on(LINK, link));
                return failure.toEvent(failure.outcomeUnknown() ? progress.getResourceModel() : null);
            }
            if (LinkDirectory.isLinked(client, link)) {
                return progress;
            }
            return heldElsewhere(client, link).toEvent(null);
        } catch (RuntimeException readBackFailed) {
            // The link call was answered, so it may have been made: keep the model for the rollback to delete.
            return CognitoErrors.translate(readBackFailed, CognitoErrors.Call.on(GET_USER, link)).toEvent(progress.getResourceModel());
        }
    }

    private static String notShown(final ProviderLink link) {
        return String.format("Cognito accepted the link, but %s in user pool %s did not show it within %d seconds. It may appear"
            + " later: read the resource again (drift detection), and delete and re-create it if it never does.",
            link.destination().describe(), link.userPoolId(), READ_BACK_SECONDS);
    }

    private static LinkException alreadyExists(final ProviderLink link) {
        return LinkException.of(HandlerErrorCode.AlreadyExists, String.format("This link already exists: in user pool %s, %s already"
            + " holds this %s. To manage it from this stack, import it (resource import) with Id '%s'; otherwise leave it out of"
            + " the template.", link.userPoolId(), link.destination().describe(), link.source(), link.id()));
    }

    private static LinkException heldElsewhere(final ProxyClient<CognitoIdentityProviderClient> client, final ProviderLink link) {
        final String holder = LinkDirectory.findHolder(client, link.userPoolId(), link.source(), HOLDER_SEARCH_PAGES)
            .map(held -> held.destination().describe())
            .orElse("another user (not among the first " + HOLDER_SEARCH_PAGES * CognitoRequests.MAX_PAGE_SIZE + " users searched)");
        return LinkException.of(HandlerErrorCode.AlreadyExists, String.format("SourceUser: this %s is already linked to %s in user"
            + " pool %s, and Cognito links an identity to one user only. Remove that link first (delete the resource that made it,"
            + " or call admin-disable-provider-for-user), or make %s the DestinationUser.",
            link.source(), holder, link.userPoolId(), holder.startsWith("another") ? "that user" : holder));
    }
}
