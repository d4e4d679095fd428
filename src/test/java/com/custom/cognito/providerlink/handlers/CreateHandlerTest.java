package com.custom.cognito.providerlink.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.custom.cognito.providerlink.CallbackContext;
import com.custom.cognito.providerlink.DestinationUser;
import com.custom.cognito.providerlink.ResourceModel;
import com.custom.cognito.providerlink.SourceUser;
import com.custom.cognito.providerlink.cognito.LinkGateway;
import com.custom.cognito.providerlink.ownership.Ownership;
import com.custom.cognito.providerlink.pacing.ThrottleSchedule;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminLinkProviderForUserRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminLinkProviderForUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InternalErrorException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;

class CreateHandlerTest extends HandlerTestBase {

    private static final String ALREADY_LINKED = "SourceUser is already linked to DestinationUser";
    private final CreateHandler handler = new CreateHandler(CLIENTS, pause);

    @Test
    void createLinksTheSourceToTheDestinationAndReturnsTheReadModel() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith(null), userWith(googleIdentity(GOOGLE_SUB)));
        when(sdk.adminLinkProviderForUser(any(AdminLinkProviderForUserRequest.class)))
            .thenReturn(AdminLinkProviderForUserResponse.builder().build());

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, declaredModel());

        assertThat(event.getStatus()).isEqualTo(OperationStatus.SUCCESS);
        assertThat(event.getResourceModel()).isEqualTo(readModel());
        final ArgumentCaptor<AdminLinkProviderForUserRequest> sent = ArgumentCaptor
            .forClass(AdminLinkProviderForUserRequest.class);
        verify(sdk).adminLinkProviderForUser(sent.capture());
        assertThat(sent.getValue().userPoolId()).isEqualTo(POOL);
        assertThat(sent.getValue().sourceUser().providerName()).isEqualTo("Google");
        assertThat(sent.getValue().sourceUser().providerAttributeName()).isEqualTo("Cognito_Subject");
        assertThat(sent.getValue().sourceUser().providerAttributeValue()).isEqualTo(GOOGLE_SUB);
        assertThat(sent.getValue().destinationUser().providerName()).isEqualTo("Cognito");
        assertThat(sent.getValue().destinationUser().providerAttributeValue()).isEqualTo(USERNAME);
        assertThat(events).as("one invocation on the normal path").hasSize(1);
        verify(sdk, times(2)).adminGetUser(any(AdminGetUserRequest.class));
        assertThat(pauses).isEmpty();
    }

    @Test
    void aDestinationGivenByEmailIsLinkedByTheUsernameCognitoResolvesAndIdentifiedByIt() {
        final String uuid = "0f6c3d8e-5b1a-4d7e-9c2f-8a1b2c3d4e5f";
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(user(uuid, null), user(uuid,
            googleIdentity(GOOGLE_SUB)));
        when(sdk.adminLinkProviderForUser(any(AdminLinkProviderForUserRequest.class)))
            .thenReturn(AdminLinkProviderForUserResponse.builder().build());
        final ResourceModel byEmail = declaredModel().toBuilder()
            .destinationUser(DestinationUser.builder().providerName("Cognito").providerAttributeValue("dave@example.com").build())
            .build();

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, byEmail);

        final ArgumentCaptor<AdminGetUserRequest> looked = ArgumentCaptor.forClass(AdminGetUserRequest.class);
        verify(sdk, times(2)).adminGetUser(looked.capture());
        assertThat(looked.getAllValues()).extracting(AdminGetUserRequest::username).containsExactly("dave@example.com", uuid);
        final ArgumentCaptor<AdminLinkProviderForUserRequest> sent = ArgumentCaptor
            .forClass(AdminLinkProviderForUserRequest.class);
        verify(sdk).adminLinkProviderForUser(sent.capture());
        assertThat(sent.getValue().destinationUser().providerAttributeValue()).isEqualTo(uuid);
        assertThat(event.getResourceModel().getId()).isEqualTo(POOL + "|Cognito|" + uuid + "|Google|" + GOOGLE_SUB);
        assertThat(event.getResourceModel().getDestinationUsername()).isEqualTo(uuid);
    }

    @Test
    void createDoesNotChangeTheRequestsModel() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith(null), userWith(googleIdentity(GOOGLE_SUB)));
        when(sdk.adminLinkProviderForUser(any(AdminLinkProviderForUserRequest.class)))
            .thenReturn(AdminLinkProviderForUserResponse.builder().build());
        final ResourceModel declared = declaredModel();

        run(handler, declared);

        assertThat(declared).isEqualTo(declaredModel());
    }

    @Test
    void aLinkThatAlreadyExistsIsRefusedAsAlreadyExistsWithoutLinking() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith(googleIdentity(GOOGLE_SUB)));

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, declaredModel());

        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.AlreadyExists);
        assertThat(event.getResourceModel()).as("no identifier, so a rollback cannot delete the existing link").isNull();
        assertThat(event.getMessage()).contains("import")
            .contains(POOL + "|Cognito|alice|Google|<SourceUser.ProviderAttributeValue>")
            .as("no identity value in a reason").doesNotContain(GOOGLE_SUB);
        verify(sdk, never()).adminLinkProviderForUser(any(AdminLinkProviderForUserRequest.class));
    }

    static Stream<Arguments> invalidDeclarations() {
        return Stream.of(
            Arguments.of("a native source", (UnaryOperator<ResourceModel>) m -> m.toBuilder()
                .sourceUser(SourceUser.builder().providerName("Cognito").providerAttributeName("Cognito_Subject")
                    .providerAttributeValue("bob").build())
                .build(),
                "SourceUser.ProviderName: is Cognito"),
            Arguments.of("a social source linked by email", (UnaryOperator<ResourceModel>) m -> m.toBuilder()
                .sourceUser(SourceUser.builder().providerName("Facebook").providerAttributeName("email")
                    .providerAttributeValue("a@b.c").build())
                .build(),
                "SourceUser.ProviderAttributeName: must be Cognito_Subject for Facebook"),
            Arguments.of("no pool", (UnaryOperator<ResourceModel>) m -> m.toBuilder().userPoolId(null).build(),
                "UserPoolId: is required"),
            Arguments.of("no source", (UnaryOperator<ResourceModel>) m -> m.toBuilder().sourceUser(null).build(),
                "SourceUser: is required"),
            Arguments.of("no destination", (UnaryOperator<ResourceModel>) m -> m.toBuilder().destinationUser(null).build(),
                "DestinationUser: is required"),
            Arguments.of("no source attribute name", (UnaryOperator<ResourceModel>) m -> m.toBuilder()
                .sourceUser(SourceUser.builder().providerName("Google").providerAttributeValue("1").build()).build(),
                "SourceUser.ProviderAttributeName: is required"),
            Arguments.of("an empty source value", (UnaryOperator<ResourceModel>) m -> m.toBuilder()
                .sourceUser(SourceUser.builder().providerName("Google").providerAttributeName("Cognito_Subject")
                    .providerAttributeValue("").build())
                .build(),
                "SourceUser.ProviderAttributeValue: is required"),
            Arguments.of("a zero-width space in the source value", (UnaryOperator<ResourceModel>) m -> m.toBuilder()
                .sourceUser(SourceUser.builder().providerName("Google").providerAttributeName("Cognito_Subject")
                    .providerAttributeValue("10\u200B45").build())
                .build(),
                "SourceUser.ProviderAttributeValue: must be printable characters only"),
            Arguments.of("a non-breaking space in the username", (UnaryOperator<ResourceModel>) m -> m.toBuilder()
                .destinationUser(DestinationUser.builder().providerName("Cognito").providerAttributeValue("ali\u00A0ce").build())
                .build(),
                "DestinationUser.ProviderAttributeValue: must be printable characters without spaces"),
            Arguments.of("a pool id with a non-ASCII letter",
                (UnaryOperator<ResourceModel>) m -> m.toBuilder().userPoolId("us-east-1_Pööl").build(),
                "UserPoolId: must be a user pool ID"),
            Arguments.of("no destination provider", (UnaryOperator<ResourceModel>) m -> m.toBuilder()
                .destinationUser(DestinationUser.builder().providerAttributeValue("alice").build()).build(),
                "DestinationUser.ProviderName: is required"),
            Arguments.of("a federated username over 128 characters", (UnaryOperator<ResourceModel>) m -> m.toBuilder()
                .destinationUser(DestinationUser.builder().providerName("LoginWithAmazon").providerAttributeValue("x".repeat(120))
                    .build())
                .build(),
                "DestinationUser.ProviderAttributeValue: makes the federated username"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDeclarations")
    void invalidDeclarationsAreRefusedBeforeAnyCognitoCallWithTheFieldAndTheFix(final String what,
        final UnaryOperator<ResourceModel> change,
        final String expected) {
        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, change.apply(declaredModel()));

        assertThat(event.getStatus()).isEqualTo(OperationStatus.FAILED);
        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.InvalidRequest);
        assertThat(event.getMessage()).startsWith(expected);
        verify(sdk, never()).adminGetUser(any(AdminGetUserRequest.class));
        verify(sdk, never()).adminLinkProviderForUser(any(AdminLinkProviderForUserRequest.class));
    }

    @Test
    void anAlreadyLinkedAnswerToAFirstAttemptIsAnotherStacksLinkAndAlreadyExistsWithoutAModel() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith(null), userWith(googleIdentity(GOOGLE_SUB)));
        when(sdk.adminLinkProviderForUser(any(AdminLinkProviderForUserRequest.class)))
            .thenThrow(invalidParameter(ALREADY_LINKED));

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, declaredModel());

        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.AlreadyExists);
        assertThat(event.getResourceModel()).as("the link is not this stack's: nothing for a rollback to delete").isNull();
        assertThat(event.getMessage()).contains("made by another stack or process").contains("user 'alice'");
    }

    @Test
    void anAlreadyLinkedAnswerAfterAnUnansweredAttemptIsOurOwnLinkAndSuccess() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith(null), userWith(googleIdentity(GOOGLE_SUB)));
        when(sdk.adminLinkProviderForUser(any(AdminLinkProviderForUserRequest.class)))
            .thenThrow(SdkClientException.create("Connection reset"))
            .thenThrow(invalidParameter(ALREADY_LINKED));

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, declaredModel());

        assertThat(event.getStatus()).isEqualTo(OperationStatus.SUCCESS);
        assertThat(event.getResourceModel()).isEqualTo(readModel());
        assertThat(pauses).as("one backoff before the second attempt").hasSize(1);
    }

    @Test
    void thePre2024AlreadyLinkedTextAfterAServerErrorIsUnderstoodToo() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith(null), userWith(googleIdentity(GOOGLE_SUB)));
        when(sdk.adminLinkProviderForUser(any(AdminLinkProviderForUserRequest.class)))
            .thenThrow(serviceError(InternalErrorException.builder(), "InternalErrorException", "Internal server error."))
            .thenThrow(invalidParameter(
                "Invalid SourceUser: Cognito users with a username/password may not be passed in as a SourceUser, only as a "
                    + "DestinationUser"));

        assertThat(run(handler, declaredModel()).getStatus()).isEqualTo(OperationStatus.SUCCESS);
    }

    @Test
    void thePre2024TextToAFirstAttemptIsNeverClaimedEvenWhenTheLinkShowsAfterwards() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith(null), userWith(googleIdentity(GOOGLE_SUB)));
        when(sdk.adminLinkProviderForUser(any(AdminLinkProviderForUserRequest.class))).thenThrow(invalidParameter(
            "Invalid SourceUser: Cognito users with a username/password may not be passed in as a SourceUser, only as a "
                + "DestinationUser"));

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, declaredModel());

        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.AlreadyExists);
        assertThat(event.getResourceModel()).as("it may be another stack's: nothing for a rollback to delete").isNull();
        assertThat(event.getMessage()).contains("Cognito refused this create's link call").contains("import it")
            .contains("admin-disable-provider-for-user");
        verify(sdk, times(1)).adminLinkProviderForUser(any(AdminLinkProviderForUserRequest.class));
    }

    @Test
    void thePre2024TextForALinkOnAnotherUserIsAlreadyExistsNamingThatUserBySub() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith(null));
        when(sdk.adminLinkProviderForUser(any(AdminLinkProviderForUserRequest.class))).thenThrow(invalidParameter(
            "Invalid SourceUser: Cognito users with a username/password may not be passed in as a SourceUser, only as a "
                + "DestinationUser"));
        when(sdk.listUsers(any(ListUsersRequest.class))).thenReturn(
            ListUsersResponse.builder().users(listedUser("bob", googleIdentity(GOOGLE_SUB))).build());

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, declaredModel());

        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.AlreadyExists);
        assertThat(event.getMessage()).contains("already linked to another user of the pool, whose sub is sub-of-bob")
            .doesNotContain("bob@example.com").doesNotContain("'bob'");
        assertThat(event.getResourceModel()).isNull();
    }

    @Test
    void aReInvocationWhoseContextRecordsAnUnansweredAttemptClaimsTheLinkThatAttemptMadeWithoutLinkingAgain() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith(googleIdentity(GOOGLE_SUB)));
        final CallbackContext recorded = new CallbackContext();
        recorded.setDestinationUsername(USERNAME);
        recorded.setOwnership(Ownership.resume(Ownership.State.IN_DOUBT));

        final ProgressEvent<ResourceModel, CallbackContext> event = invokeOnce(handler, declaredModel(), recorded);

        assertThat(event.getStatus()).isEqualTo(OperationStatus.SUCCESS);
        assertThat(event.getResourceModel()).isEqualTo(readModel());
        verify(sdk, never()).adminLinkProviderForUser(any(AdminLinkProviderForUserRequest.class));
    }

    @Test
    void aReInvocationAfterTheLinkTookEffectOnlyReadsItBack() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith(googleIdentity(GOOGLE_SUB)));
        final CallbackContext recorded = new CallbackContext();
        recorded.setDestinationUsername(USERNAME);
        recorded.setOwnership(Ownership.resume(Ownership.State.TOOK_EFFECT));

        final ProgressEvent<ResourceModel, CallbackContext> event = invokeOnce(handler, declaredModel(), recorded);

        assertThat(event.getStatus()).isEqualTo(OperationStatus.SUCCESS);
        verify(sdk, times(1)).adminGetUser(any(AdminGetUserRequest.class));
        verify(sdk, never()).adminLinkProviderForUser(any(AdminLinkProviderForUserRequest.class));
    }

    @Test
    void anIdentityLinkedToAnotherUserIsAlreadyExistsNamingThatUserBySubAndTheFix() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith(null));
        when(sdk.adminLinkProviderForUser(any(AdminLinkProviderForUserRequest.class)))
            .thenThrow(invalidParameter(ALREADY_LINKED));
        when(sdk.listUsers(any(ListUsersRequest.class))).thenReturn(
            ListUsersResponse.builder().users(listedUser("carol", null)).paginationToken("page2").build(),
            ListUsersResponse.builder().users(listedUser("bob", googleIdentity(GOOGLE_SUB))).build());

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, declaredModel());

        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.AlreadyExists);
        assertThat(event.getResourceModel()).isNull();
        assertThat(event.getMessage()).contains("whose sub is sub-of-bob")
            .contains("list-users --user-pool-id " + POOL + " --filter 'sub = \"sub-of-bob\"'")
            .contains("make that user the DestinationUser").doesNotContain("bob@example.com").doesNotContain("'bob'");
    }

    @Test
    void anIdentityLinkedBeyondTheSearchedUsersIsStillAlreadyExists() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith(null));
        when(sdk.adminLinkProviderForUser(any(AdminLinkProviderForUserRequest.class)))
            .thenThrow(invalidParameter(ALREADY_LINKED));
        when(sdk.listUsers(any(ListUsersRequest.class))).thenReturn(
            ListUsersResponse.builder().users(listedUser("carol", null)).paginationToken("more").build());

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, declaredModel());

        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.AlreadyExists);
        assertThat(event.getMessage()).contains("another user of the pool (not among the first 1200 users searched)");
        verify(sdk, times(LinkGateway.HOLDER_SEARCH_PAGES)).listUsers(any(ListUsersRequest.class));
    }

    @Test
    void aDestinationWithFiveLinksIsServiceLimitExceededAndLeavesNothingToRollBack() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith(null));
        when(sdk.adminLinkProviderForUser(any(AdminLinkProviderForUserRequest.class)))
            .thenThrow(serviceError(LimitExceededException.builder(), "LimitExceededException", "limit"));

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, declaredModel());

        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.ServiceLimitExceeded);
        assertThat(event.getMessage()).contains("5 linked identities").contains("user 'alice'");
        assertThat(event.getResourceModel()).isNull();
    }

    @Test
    void aSourceThatAlreadySignedInIsAnInvalidRequestThatSaysToDeleteItsProfileOnceARead() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith(null));
        when(sdk.adminLinkProviderForUser(any(AdminLinkProviderForUserRequest.class))).thenThrow(invalidParameter(
            "Merging is not currently supported, provide a SourceUser that has not been signed up in order to link"));

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, declaredModel());

        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.InvalidRequest);
        assertThat(event.getMessage()).startsWith("SourceUser:").contains("Google_<ProviderAttributeValue>")
            .contains("AdminDeleteUser")
            .doesNotContain(GOOGLE_SUB);
        verify(sdk, times(2)).adminGetUser(any(AdminGetUserRequest.class));
        assertThat(event.getResourceModel()).isNull();
    }

    @Test
    void aRefusalThatLinkedAnywayIsReportedWithHowToImportItButNotClaimed() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith(null), userWith(googleIdentity(GOOGLE_SUB)));
        when(sdk.adminLinkProviderForUser(any(AdminLinkProviderForUserRequest.class))).thenThrow(invalidParameter(
            "Merging is not currently supported, provide a SourceUser that has not been signed up in order to link"));

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, declaredModel());

        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.AlreadyExists);
        assertThat(event.getResourceModel()).as("not claimed: it may be another stack's").isNull();
        assertThat(event.getMessage()).contains("Merging is not currently supported").contains("import it")
            .contains("Either Cognito made the link while answering an error");
    }

    @Test
    void anUnknownProviderNameIsAnInvalidRequestThatMentionsCase() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith(null));
        when(sdk.adminLinkProviderForUser(any(AdminLinkProviderForUserRequest.class)))
            .thenThrow(invalidParameter("The provider Google does not exist for User Pool " + POOL));

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, declaredModel());

        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.InvalidRequest);
        assertThat(event.getMessage()).startsWith("SourceUser.ProviderName:").contains("case-sensitive");
    }

    @Test
    void aMissingDestinationUserIsNotFoundNamingTheDestination() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class)))
            .thenThrow(serviceError(UserNotFoundException.builder(), "UserNotFoundException", "User does not exist."));

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, declaredModel());

        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.NotFound);
        assertThat(event.getMessage()).startsWith("DestinationUser:").contains("user 'alice'").contains("Create the user first");
        verify(sdk, never()).adminLinkProviderForUser(any(AdminLinkProviderForUserRequest.class));
    }

    @Test
    void aLinkNotVisibleAtOnceIsAwaitedThroughCallbacksCarryingTheIdBeforeSuccess() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class)))
            .thenReturn(userWith(null), userWith(null), userWith(null), userWith(googleIdentity(GOOGLE_SUB)));
        when(sdk.adminLinkProviderForUser(any(AdminLinkProviderForUserRequest.class)))
            .thenReturn(AdminLinkProviderForUserResponse.builder().build());

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, declaredModel());

        assertThat(event.getStatus()).isEqualTo(OperationStatus.SUCCESS);
        verify(sdk, times(1)).adminLinkProviderForUser(any(AdminLinkProviderForUserRequest.class));
        verify(sdk, times(4)).adminGetUser(any(AdminGetUserRequest.class));
        assertThat(inProgressEvents()).hasSize(2).allSatisfy(e -> {
            assertThat(e.getCallbackDelaySeconds()).isEqualTo(LinkChangeHandler.VISIBILITY_DELAY_SECONDS);
            assertThat(e.getResourceModel().getId()).as("the link is ours: a rollback may remove it").isEqualTo(LINK_ID);
            assertThat(e.getResourceModel().getSourceUser().getProviderAttributeName()).as("write-only values "
                + "kept").isEqualTo("Cognito_Subject");
        });
    }

    @Test
    void aLinkThatNeverShowsFailsNotStabilizedAndKeepsTheModelForRollback() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith(null));
        when(sdk.adminLinkProviderForUser(any(AdminLinkProviderForUserRequest.class)))
            .thenReturn(AdminLinkProviderForUserResponse.builder().build());

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, declaredModel());

        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.NotStabilized);
        assertThat(event.getMessage()).contains("did not show it within 120 seconds");
        assertThat(event.getResourceModel().getId()).isEqualTo(LINK_ID);
        assertThat(inProgressEvents()).hasSize(LinkChangeHandler.VISIBILITY_BUDGET_SECONDS /
            LinkChangeHandler.VISIBILITY_DELAY_SECONDS);
    }

    @Test
    void aLinkCallThatFailsInsideCognitoOnEveryAttemptKeepsTheModelSoARollbackCanDeleteWhatMayExist() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith(null));
        when(sdk.adminLinkProviderForUser(any(AdminLinkProviderForUserRequest.class)))
            .thenThrow(serviceError(InternalErrorException.builder(), "InternalErrorException", "Internal server error."));

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, declaredModel());

        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.ServiceInternalError);
        assertThat(event.getResourceModel().getId()).isEqualTo(LINK_ID);
        verify(sdk, times(5)).adminLinkProviderForUser(any(AdminLinkProviderForUserRequest.class));
        assertThat(pauses).hasSize(4);
    }

    static Stream<Arguments> readBackFailures() {
        return Stream.of(
            Arguments.of(serviceError(NotAuthorizedException.builder(), "NotAuthorizedException", "Not authorized."),
                HandlerErrorCode.AccessDenied),
            Arguments.of(serviceError(InternalErrorException.builder(), "InternalErrorException", "Internal server error."),
                HandlerErrorCode.ServiceInternalError));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("readBackFailures")
    void aReadBackFailureAfterASuccessfulLinkKeepsTheModelAndNamesAdminGetUser(final AwsServiceException failure,
        final HandlerErrorCode code) {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith(null)).thenThrow(failure);
        when(sdk.adminLinkProviderForUser(any(AdminLinkProviderForUserRequest.class)))
            .thenReturn(AdminLinkProviderForUserResponse.builder().build());

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, declaredModel());

        assertThat(event.getErrorCode()).isEqualTo(code);
        assertThat(event.getMessage()).contains("cognito-idp:AdminGetUser").doesNotContain("AdminLinkProviderForUser");
        assertThat(event.getResourceModel().getId()).as("the link exists: the rollback must remove it").isEqualTo(LINK_ID);
    }

    @Test
    void anUnreadableIdentitiesAttributeAfterASuccessfulLinkKeepsTheModel() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith(null), userWith("not json"));
        when(sdk.adminLinkProviderForUser(any(AdminLinkProviderForUserRequest.class)))
            .thenReturn(AdminLinkProviderForUserResponse.builder().build());

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, declaredModel());

        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.ServiceInternalError);
        assertThat(event.getResourceModel().getId()).isEqualTo(LINK_ID);
    }

    @Test
    void aThrottledReadBackAfterASuccessfulLinkWaitsWithTheIdAndDoesNotLinkAgain() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith(null)).thenThrow(throttled())
            .thenReturn(userWith(googleIdentity(GOOGLE_SUB)));
        when(sdk.adminLinkProviderForUser(any(AdminLinkProviderForUserRequest.class)))
            .thenReturn(AdminLinkProviderForUserResponse.builder().build());

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, declaredModel());

        assertThat(event.getStatus()).isEqualTo(OperationStatus.SUCCESS);
        assertThat(inProgressEvents()).singleElement()
            .satisfies(e -> assertThat(e.getResourceModel().getId()).isEqualTo(LINK_ID));
        verify(sdk, times(1)).adminLinkProviderForUser(any(AdminLinkProviderForUserRequest.class));
    }

    @Test
    void aThrottledLinkWaitsThroughAJitteredCallbackWithThePendingIdThenReadsTheDestinationAgainBeforeLinking() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith(null), userWith(null),
            userWith(googleIdentity(GOOGLE_SUB)));
        when(sdk.adminLinkProviderForUser(any(AdminLinkProviderForUserRequest.class))).thenThrow(throttled())
            .thenReturn(AdminLinkProviderForUserResponse.builder().build());

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, declaredModel());

        assertThat(event.getStatus()).isEqualTo(OperationStatus.SUCCESS);
        assertThat(inProgressEvents()).singleElement().satisfies(e -> {
            assertThat(e.getCallbackDelaySeconds()).isBetween(1, ThrottleSchedule.FIRST_WINDOW_SECONDS);
            assertThat(e.getResourceModel().getId()).as("not yet this stack's link").isEqualTo(PENDING_ID);
        });
        verify(sdk, times(2)).adminLinkProviderForUser(any(AdminLinkProviderForUserRequest.class));
        verify(sdk, times(3)).adminGetUser(any(AdminGetUserRequest.class));
    }

    @Test
    void throttlingThatOutlastsTheOperationsBudgetFailsAsThrottlingWithNothingToRollBack() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenThrow(throttled());

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, declaredModel());

        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.Throttling);
        assertThat(event.getResourceModel()).isNull();
        assertThat(event.getMessage()).contains("cognito-idp:AdminGetUser").contains("UserRead (120 requests per "
            + "second)").contains("waited");
        final int waited = inProgressEvents().stream().mapToInt(ProgressEvent::getCallbackDelaySeconds).sum();
        assertThat(waited).isPositive().isLessThanOrEqualTo(LinkChangeHandler.THROTTLED_BUDGET_SECONDS);
        assertThat(inProgressEvents()).allSatisfy(e -> assertThat(e.getResourceModel().getId()).isEqualTo(PENDING_ID));
        verify(sdk, never()).adminLinkProviderForUser(any(AdminLinkProviderForUserRequest.class));
    }

    private static UserType listedUser(final String username, final String identities) {
        final UserType.Builder user = UserType.builder().username(username).userStatus("CONFIRMED");
        final AttributeType sub = AttributeType.builder().name("sub").value("sub-of-" + username).build();
        final AttributeType email = AttributeType.builder().name("email").value(username + "@example.com").build();
        return identities == null
            ? user.attributes(sub, email).build()
            : user.attributes(sub, email, AttributeType.builder().name("identities").value(identities).build()).build();
    }
}
