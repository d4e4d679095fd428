package com.custom.cognito.providerlink.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.custom.cognito.providerlink.CallbackContext;
import com.custom.cognito.providerlink.DestinationUser;
import com.custom.cognito.providerlink.ResourceModel;
import com.custom.cognito.providerlink.SourceUser;
import com.custom.cognito.providerlink.ownership.Ownership;
import com.custom.cognito.providerlink.pacing.ThrottleSchedule;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminDisableProviderForUserRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminDisableProviderForUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DescribeIdentityProviderRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DescribeIdentityProviderResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.IdentityProviderType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.IdentityProviderTypeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;

class DeleteHandlerTest extends HandlerTestBase {

    private static final String SAML_EMAIL = "carlos@example.com";
    private static final String SAML_LINK_ID = POOL + "|Cognito|alice|CorpSAML|" + SAML_EMAIL;
    private static final String SAML_IDENTITY = "[{\"userId\":\"" + SAML_EMAIL
        + "\",\"providerName\":\"CorpSAML\",\"providerType\":\"SAML\","
        + "\"issuer\":\"urn:corp\",\"primary\":false,\"dateCreated\":1}]";
    private static final String ISNT_LINKED = "Account isn't linked to anyone else, verify that the account has been linked";

    private final DeleteHandler handler = new DeleteHandler(CLIENTS, pause);

    @Test
    void deleteUnlinksTheSourceIdentityBySubjectAndSucceedsWithoutAModel() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith(googleIdentity(GOOGLE_SUB)), userWith("[]"));
        when(sdk.adminDisableProviderForUser(any(AdminDisableProviderForUserRequest.class)))
            .thenReturn(AdminDisableProviderForUserResponse.builder().build());

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, ResourceModel.builder().id(LINK_ID).build());

        assertThat(event.getStatus()).isEqualTo(OperationStatus.SUCCESS);
        assertThat(event.getResourceModel()).isNull();
        assertThat(event.getResourceModels()).isNull();
        final ArgumentCaptor<AdminDisableProviderForUserRequest> sent = ArgumentCaptor
            .forClass(AdminDisableProviderForUserRequest.class);
        verify(sdk).adminDisableProviderForUser(sent.capture());
        assertThat(sent.getValue().userPoolId()).isEqualTo(POOL);
        assertThat(sent.getValue().user().providerName()).isEqualTo("Google");
        assertThat(sent.getValue().user().providerAttributeName()).isEqualTo("Cognito_Subject");
        assertThat(sent.getValue().user().providerAttributeValue()).isEqualTo(GOOGLE_SUB);
    }

    @Test
    void deleteOfALinkThatIsGoneIsNotFoundAndUnlinksNothing() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith("[]"));

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, ResourceModel.builder().id(LINK_ID).build());

        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.NotFound);
        verify(sdk, never()).adminDisableProviderForUser(any(AdminDisableProviderForUserRequest.class));
    }

    @Test
    void deleteUnlinksASamlLinkByTheAttributeTheTemplateDeclared() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith(SAML_IDENTITY), userWith(null));
        when(sdk.adminDisableProviderForUser(any(AdminDisableProviderForUserRequest.class)))
            .thenReturn(AdminDisableProviderForUserResponse.builder().build());
        final ResourceModel model = ResourceModel.builder().id(SAML_LINK_ID).userPoolId(POOL)
            .sourceUser(SourceUser.builder().providerName("CorpSAML").providerAttributeName("email")
                .providerAttributeValue(SAML_EMAIL).build())
            .destinationUser(DestinationUser.builder().providerName("Cognito").providerAttributeValue(USERNAME).build()).build();

        assertThat(run(handler, model).getStatus()).isEqualTo(OperationStatus.SUCCESS);

        assertThat(disableAttributeNames()).containsExactly("email");
    }

    @Test
    void deleteFromTheIdAloneFindsTheSamlAttributeAmongTheProvidersMappings() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith(SAML_IDENTITY), userWith(SAML_IDENTITY),
            userWith(SAML_IDENTITY), userWith(null));
        when(sdk.adminDisableProviderForUser(any(AdminDisableProviderForUserRequest.class)))
            .thenThrow(invalidParameter(ISNT_LINKED))
            .thenThrow(invalidParameter(ISNT_LINKED))
            .thenReturn(AdminDisableProviderForUserResponse.builder().build());
        when(sdk.describeIdentityProvider(any(DescribeIdentityProviderRequest.class))).thenReturn(samlProvider(Map.of(
            "custom:department", "dept", "email", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress")));

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler,
            ResourceModel.builder().id(SAML_LINK_ID).build());

        assertThat(event.getStatus()).isEqualTo(OperationStatus.SUCCESS);
        assertThat(disableAttributeNames()).containsExactly("Cognito_Subject", "custom:department", "email");
        verify(sdk, times(4)).adminGetUser(any(AdminGetUserRequest.class));
    }

    @Test
    void whenNoAttributeNameWorksDeleteFailsWithTheCommandThatUnlinksByHand() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith(SAML_IDENTITY));
        when(sdk.adminDisableProviderForUser(any(AdminDisableProviderForUserRequest.class)))
            .thenThrow(invalidParameter(ISNT_LINKED));
        when(sdk.describeIdentityProvider(any(DescribeIdentityProviderRequest.class))).thenReturn(samlProvider(Map.of("email",
            "mail")));

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler,
            ResourceModel.builder().id(SAML_LINK_ID).build());

        assertThat(event.getStatus()).isEqualTo(OperationStatus.FAILED);
        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.GeneralServiceException);
        assertThat(event.getMessage()).contains("Cognito_Subject, "
            + "email").contains("admin-disable-provider-for-user").doesNotContain(SAML_EMAIL);
    }

    @Test
    void anIsntLinkedAnswerToAFirstAttemptForALinkThatIsGoneByThenIsNotFoundBecauseSomeoneElseRemovedIt() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith(googleIdentity(GOOGLE_SUB)), userWith("[]"));
        when(sdk.adminDisableProviderForUser(any(AdminDisableProviderForUserRequest.class)))
            .thenThrow(invalidParameter(ISNT_LINKED));

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, ResourceModel.builder().id(LINK_ID).build());

        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.NotFound);
        assertThat(event.getMessage()).contains("another stack or process removed it");
        verify(sdk, never()).describeIdentityProvider(any(DescribeIdentityProviderRequest.class));
    }

    @Test
    void anIsntLinkedAnswerAfterAnUnansweredAttemptMeansOurUnlinkTookEffect() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith(googleIdentity(GOOGLE_SUB)), userWith("[]"));
        when(sdk.adminDisableProviderForUser(any(AdminDisableProviderForUserRequest.class)))
            .thenThrow(SdkClientException.create("Read timed out"))
            .thenThrow(invalidParameter(ISNT_LINKED));

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, ResourceModel.builder().id(LINK_ID).build());

        assertThat(event.getStatus()).isEqualTo(OperationStatus.SUCCESS);
        assertThat(event.getResourceModel()).isNull();
    }

    @Test
    void aReInvocationWhoseContextRecordsAnUnansweredUnlinkSucceedsOnceTheLinkIsGoneWithoutUnlinkingAgain() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith("[]"));
        final CallbackContext recorded = new CallbackContext();
        recorded.setDestinationUsername(USERNAME);
        recorded.setOwnership(Ownership.resume(Ownership.State.IN_DOUBT));

        final ProgressEvent<ResourceModel, CallbackContext> event = invokeOnce(handler,
            ResourceModel.builder().id(LINK_ID).build(), recorded);

        assertThat(event.getStatus()).isEqualTo(OperationStatus.SUCCESS);
        verify(sdk, never()).adminDisableProviderForUser(any(AdminDisableProviderForUserRequest.class));
    }

    @Test
    void deleteAfterTheDestinationUserWasDeletedSaysTheUserAndItsLinksAreGone() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class)))
            .thenThrow(serviceError(UserNotFoundException.builder(), "UserNotFoundException", "User does not exist."));

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, ResourceModel.builder().id(LINK_ID).build());

        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.NotFound);
        assertThat(event.getMessage()).contains("no longer has user 'alice'").contains("links went with "
            + "it").doesNotContain("Create the user");
        verify(sdk, never()).adminDisableProviderForUser(any(AdminDisableProviderForUserRequest.class));
    }

    @Test
    void aPendingIdOfACreateThatNeverLinkedIsNotFoundWithoutAnyCall() {
        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, ResourceModel.builder().id(PENDING_ID).build());

        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.NotFound);
        verify(sdk, never()).adminGetUser(any(AdminGetUserRequest.class));
        verify(sdk, never()).adminDisableProviderForUser(any(AdminDisableProviderForUserRequest.class));
    }

    @Test
    void aSocialIdentityIsNeverRetriedWithMappedAttributes() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith(googleIdentity(GOOGLE_SUB)));
        when(sdk.adminDisableProviderForUser(any(AdminDisableProviderForUserRequest.class)))
            .thenThrow(invalidParameter(ISNT_LINKED));

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, ResourceModel.builder().id(LINK_ID).build());

        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.GeneralServiceException);
        verify(sdk, never()).describeIdentityProvider(any(DescribeIdentityProviderRequest.class));
        assertThat(disableAttributeNames()).as("the subject once in each invocation, until a change could have shown")
            .containsOnly("Cognito_Subject").hasSize(events.size());
    }

    @Test
    void aDeletedIdentityProviderLeavesOnlyTheSubjectToTry() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith(SAML_IDENTITY));
        when(sdk.adminDisableProviderForUser(any(AdminDisableProviderForUserRequest.class)))
            .thenThrow(invalidParameter(ISNT_LINKED));
        when(sdk.describeIdentityProvider(any(DescribeIdentityProviderRequest.class)))
            .thenThrow(serviceError(ResourceNotFoundException.builder(), "ResourceNotFoundException",
                "Identity provider CorpSAML does not exist."));

        assertThat(run(handler,
            ResourceModel.builder().id(SAML_LINK_ID).build()).getErrorCode()).isEqualTo(HandlerErrorCode.GeneralServiceException);
        assertThat(disableAttributeNames()).containsOnly("Cognito_Subject").hasSize(events.size());
    }

    @Test
    void aDescribeProviderDenialIsReportedAsAccessDeniedForThatAction() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith(SAML_IDENTITY));
        when(sdk.adminDisableProviderForUser(any(AdminDisableProviderForUserRequest.class)))
            .thenThrow(invalidParameter(ISNT_LINKED));
        when(sdk.describeIdentityProvider(any(DescribeIdentityProviderRequest.class)))
            .thenThrow(serviceError(NotAuthorizedException.builder(), "NotAuthorizedException", "Not authorized."));

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler,
            ResourceModel.builder().id(SAML_LINK_ID).build());

        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.AccessDenied);
        assertThat(event.getMessage()).contains("cognito-idp:DescribeIdentityProvider");
    }

    static Stream<ResourceModel> waysToNameANativeSource() {
        return Stream.of(
            ResourceModel.builder().id(POOL + "|Cognito|alice|Cognito|alice").build(),
            ResourceModel.builder().userPoolId(POOL)
                .sourceUser(SourceUser.builder().providerName("Cognito").providerAttributeName("Cognito_Subject")
                    .providerAttributeValue("alice").build())
                .destinationUser(DestinationUser.builder().providerName("Cognito").providerAttributeValue("alice").build())
                .build());
    }

    @ParameterizedTest
    @MethodSource("waysToNameANativeSource")
    void deleteCanNeverDisableANativeUsersPasswordSignIn(final ResourceModel model) {
        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, model);

        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.InvalidRequest);
        verify(sdk, never()).adminDisableProviderForUser(any(AdminDisableProviderForUserRequest.class));
        verify(sdk, never()).adminGetUser(any(AdminGetUserRequest.class));
    }

    @Test
    void aReInvocationAfterAThrottledUnlinkReadsTheDestinationAgainAndLeavesAnIdentityThatMovedToAnotherUserAlone() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith(googleIdentity(GOOGLE_SUB)), userWith("[]"));
        when(sdk.adminDisableProviderForUser(any(AdminDisableProviderForUserRequest.class))).thenThrow(throttled());

        final ProgressEvent<ResourceModel, CallbackContext> throttledOnce = invokeOnce(handler,
            ResourceModel.builder().id(LINK_ID).build(), null);
        final ProgressEvent<ResourceModel, CallbackContext> reinvoked = invokeOnce(handler, throttledOnce.getResourceModel(),
            throttledOnce.getCallbackContext());

        assertThat(throttledOnce.isInProgress()).isTrue();
        assertThat(reinvoked.getErrorCode()).as("the identity left alice meanwhile: not this delete's to remove")
            .isEqualTo(HandlerErrorCode.NotFound);
        verify(sdk, times(1)).adminDisableProviderForUser(any(AdminDisableProviderForUserRequest.class));
        verify(sdk, times(2)).adminGetUser(any(AdminGetUserRequest.class));
    }

    @Test
    void aThrottledUnlinkWaitsThroughACallbackCarryingTheIdThenReadsTheDestinationAgainAndUnlinksOnce() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith(googleIdentity(GOOGLE_SUB)),
            userWith(googleIdentity(GOOGLE_SUB)), userWith("[]"));
        when(sdk.adminDisableProviderForUser(any(AdminDisableProviderForUserRequest.class))).thenThrow(throttled())
            .thenReturn(AdminDisableProviderForUserResponse.builder().build());

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, ResourceModel.builder().id(LINK_ID).build());

        assertThat(event.getStatus()).isEqualTo(OperationStatus.SUCCESS);
        assertThat(inProgressEvents()).singleElement().satisfies(e -> {
            assertThat(e.getCallbackDelaySeconds()).isBetween(1, ThrottleSchedule.FIRST_WINDOW_SECONDS);
            assertThat(e.getResourceModel().getId()).isEqualTo(LINK_ID);
        });
        verify(sdk, times(3)).adminGetUser(any(AdminGetUserRequest.class));
    }

    @Test
    void throttlingOfTheUnlinkBeyondTheBudgetIsThrottlingNamingTheUnlinkAndItsQuota() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith(googleIdentity(GOOGLE_SUB)));
        when(sdk.adminDisableProviderForUser(any(AdminDisableProviderForUserRequest.class))).thenThrow(throttled());

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, ResourceModel.builder().id(LINK_ID).build());

        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.Throttling);
        assertThat(event.getMessage()).contains("cognito-idp:AdminDisableProviderForUser").contains("UserUpdate")
            .contains("waited");
        verify(sdk, atLeastOnce()).adminGetUser(any(AdminGetUserRequest.class));
        final List<String> calls = mockingDetails(sdk).getInvocations().stream().map(i -> i.getMethod().getName())
            .filter(name -> !name.equals("serviceName")).toList();
        assertThat(calls).as("every unlink attempt, in every invocation, comes right after a read of the destination")
            .hasSizeGreaterThan(2);
        for (int i = 0; i < calls.size(); i += 2) {
            assertThat(calls.subList(i, i + 2)).containsExactly("adminGetUser", "adminDisableProviderForUser");
        }
    }

    @Test
    void aReadBackFailureAfterTheUnlinkNamesAdminGetUser() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith(googleIdentity(GOOGLE_SUB)))
            .thenThrow(serviceError(NotAuthorizedException.builder(), "NotAuthorizedException", "Not authorized."));
        when(sdk.adminDisableProviderForUser(any(AdminDisableProviderForUserRequest.class)))
            .thenReturn(AdminDisableProviderForUserResponse.builder().build());

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, ResourceModel.builder().id(LINK_ID).build());

        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.AccessDenied);
        assertThat(event.getMessage()).contains("cognito-idp:AdminGetUser").doesNotContain("AdminDisableProviderForUser");
    }

    @Test
    void anUnlinkThatNeverShowsFailsNotStabilizedWithAnExplanation() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith(googleIdentity(GOOGLE_SUB)));
        when(sdk.adminDisableProviderForUser(any(AdminDisableProviderForUserRequest.class)))
            .thenReturn(AdminDisableProviderForUserResponse.builder().build());

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, ResourceModel.builder().id(LINK_ID).build());

        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.NotStabilized);
        assertThat(event.getMessage()).contains("still showed the identity");
    }

    private List<String> disableAttributeNames() {
        final ArgumentCaptor<AdminDisableProviderForUserRequest> sent = ArgumentCaptor
            .forClass(AdminDisableProviderForUserRequest.class);
        verify(sdk, Mockito.atLeastOnce()).adminDisableProviderForUser(sent.capture());
        sent.getAllValues().forEach(r -> assertThat(r.user().providerName()).isNotEqualTo("Cognito"));
        return sent.getAllValues().stream().map(r -> r.user().providerAttributeName()).collect(Collectors.toList());
    }

    private static DescribeIdentityProviderResponse samlProvider(final Map<String, String> mapping) {
        return DescribeIdentityProviderResponse.builder().identityProvider(IdentityProviderType.builder()
            .providerName("CorpSAML").providerType(IdentityProviderTypeType.SAML).attributeMapping(mapping).build()).build();
    }
}
