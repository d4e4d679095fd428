package com.custom.cognito.providerlink.handlers;

import com.custom.cognito.providerlink.CallbackContext;
import com.custom.cognito.providerlink.ResourceModel;
import com.custom.cognito.providerlink.cognito.CognitoErrors;
import com.custom.cognito.providerlink.cognito.CognitoRequests;
import com.custom.cognito.providerlink.cognito.LinkDirectory;
import com.custom.cognito.providerlink.model.LinkException;
import com.custom.cognito.providerlink.model.ProviderLink;
import com.custom.cognito.providerlink.model.SourceIdentity;
import com.custom.cognito.providerlink.model.Translator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminDisableProviderForUserRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminDisableProviderForUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.IdentityProviderType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.IdentityProviderTypeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * Delete: NotFound unless the destination shows the link; then unlink by naming the source identity (Cognito finds
 * the destination itself) and wait until the destination no longer shows it. Idempotent like Create: an "isn't
 * linked" answer to a retried call whose first answer was lost is success once a read confirms the link is gone.
 */
public class DeleteHandler extends BaseHandlerStd {

    @Override
    protected ProgressEvent<ResourceModel, CallbackContext> handle(
        final AmazonWebServicesClientProxy proxy,
        final ResourceHandlerRequest<ResourceModel> request,
        final CallbackContext context,
        final ProxyClient<CognitoIdentityProviderClient> client,
        final Logger logger) {

        final ProviderLink link = Translator.toIdentifiedLink(request.getDesiredResourceState());
        final ResourceModel model = Translator.withId(request.getDesiredResourceState(), link);
        logger.log("Deleting the " + link);
        return ProgressEvent.progress(model, context)
            .then(progress -> lookUpLink("Delete::PreExistenceCheck", proxy, client, link, model, context)
                .done(linked -> linked ? progress : notFound(link).toEvent(null)))
            .then(progress -> explainTimeout(proxy.initiate(UNLINK + "::Delete", client, model, context)
                .translateToServiceRequest(m -> CognitoRequests.unlink(link.userPoolId(), link.source(), link.source().attributeNameOrSubject()))
                .backoffDelay(READ_BACK)
                .makeServiceCall((unlinkRequest, c) -> unlink(c, unlinkRequest, link))
                .stabilize((unlinkRequest, response, c, m, cx) -> !LinkDirectory.isLinked(c, link))
                .handleError((unlinkRequest, e, c, m, cx) -> CognitoErrors.translate(e, CognitoErrors.Call.on(UNLINK, link)).toEvent(null))
                .progress(), stillShown(link)))
            .then(progress -> ProgressEvent.<ResourceModel, CallbackContext>builder().status(OperationStatus.SUCCESS).build());
    }

    /**
     * Cognito unlinks a SAML (and presumably OIDC) identity only when it is named by the same attribute it was linked
     * with, until its first sign-in (API reference, AdminDisableProviderForUser), and does not store that attribute.
     * When the attribute is unknown (Cloud Control sends only the {@code Id}) or no longer right, and Cognito answers
     * "isn't linked" although the destination still shows the identity, the other names the identity could be linked
     * by are tried: the subject, then each user-pool attribute the provider maps.
     */
    private static AdminDisableProviderForUserResponse unlink(
        final ProxyClient<CognitoIdentityProviderClient> client,
        final AdminDisableProviderForUserRequest request,
        final ProviderLink link) {

        try {
            return client.injectCredentialsAndInvokeV2(request, client.client()::adminDisableProviderForUser);
        } catch (InvalidParameterException refused) {
            if (!CognitoErrors.isNotLinked(refused)) {
                throw refused;
            }
            if (!LinkDirectory.isLinked(client, link)) {
                // The pre-check saw the link: an earlier attempt of this call removed it (the SDK retried after a lost
                // answer), or someone else did. Either way it is gone, which is what delete is for.
                return AdminDisableProviderForUserResponse.builder().build();
            }
            final Set<String> tried = new LinkedHashSet<>(Set.of(request.user().providerAttributeName()));
            for (String attribute : otherAttributeNames(client, link)) {
                if (tried.add(attribute)) {
                    try {
                        return client.injectCredentialsAndInvokeV2(CognitoRequests.unlink(link.userPoolId(), link.source(), attribute),
                            client.client()::adminDisableProviderForUser);
                    } catch (InvalidParameterException again) {
                        if (!CognitoErrors.isNotLinked(again)) {
                            throw again;
                        }
                    }
                }
            }
            throw stillLinked(link, tried);
        }
    }

    private static Set<String> otherAttributeNames(final ProxyClient<CognitoIdentityProviderClient> client, final ProviderLink link) {
        final Set<String> names = new LinkedHashSet<>(Set.of(SourceIdentity.SUBJECT_ATTRIBUTE));
        if (link.source().isSocial()) {
            return names;
        }
        try {
            final IdentityProviderType provider = client.injectCredentialsAndInvokeV2(
                CognitoRequests.describeProvider(link.userPoolId(), link.source().providerName()),
                client.client()::describeIdentityProvider).identityProvider();
            if (provider.providerType() == IdentityProviderTypeType.SAML || provider.providerType() == IdentityProviderTypeType.OIDC) {
                names.addAll(new TreeSet<>(provider.attributeMapping().keySet()));
            }
            return names;
        } catch (ResourceNotFoundException providerGone) {
            return names;
        } catch (AwsServiceException e) {
            throw CognitoErrors.translate(e, CognitoErrors.Call.on(DESCRIBE_PROVIDER, link));
        }
    }

    private static String stillShown(final ProviderLink link) {
        return String.format("Cognito accepted the unlink, but %s in user pool %s still showed the identity after %d seconds."
            + " Delete again; it reports NotFound once the link is gone.", link.destination().describe(), link.userPoolId(),
            READ_BACK_SECONDS);
    }

    private static LinkException stillLinked(final ProviderLink link, final Set<String> tried) {
        return LinkException.of(HandlerErrorCode.GeneralServiceException, String.format("Cannot remove the link: user pool %s still"
            + " shows this %s on %s, but Cognito answers that it isn't linked when it is named by ProviderAttributeName %s. It was"
            + " linked by another attribute, or has signed in since it was linked by one (then Cognito_Subject with the SAML NameID"
            + " or OIDC sub names it). Unlink it with: aws cognito-idp admin-disable-provider-for-user --user-pool-id %s --user"
            + " ProviderName=%s,ProviderAttributeName=<attribute>,ProviderAttributeValue=<value>; then delete again.",
            link.userPoolId(), link.source(), link.destination().describe(), String.join(", ", tried), link.userPoolId(),
            link.source().providerName()));
    }
}
