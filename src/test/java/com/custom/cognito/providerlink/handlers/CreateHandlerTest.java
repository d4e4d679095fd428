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
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminLinkProviderForUserRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminLinkProviderForUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InternalErrorException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyRequestsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;

class CreateHandlerTest extends HandlerTestBase {

    private final CreateHandler handler = new CreateHandler();

    @Test
    void createLinksTheSourceToTheDestinationAndReturnsTheReadModel() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith(null), userWith(googleIdentity(GOOGLE_SUB)));
        when(sdk.adminLinkProviderForUser(any(AdminLinkProviderForUserRequest.class))).thenReturn(AdminLinkProviderForUserResponse.builder().build());

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, declaredModel());

        assertThat(event.getStatus()).isEqualTo(OperationStatus.SUCCESS);
        assertThat(event.getResourceModel()).isEqualTo(readModel());
        final ArgumentCaptor<AdminLinkProviderForUserRequest> sent = ArgumentCaptor.forClass(AdminLinkProviderForUserRequest.class);
        verify(sdk).adminLinkProviderForUser(sent.capture());
        assertThat(sent.getValue().userPoolId()).isEqualTo(POOL);
        assertThat(sent.getValue().sourceUser().providerName()).isEqualTo("Google");
        assertThat(sent.getValue().sourceUser().providerAttributeName()).isEqualTo("Cognito_Subject");
        assertThat(sent.getValue().sourceUser().providerAttributeValue()).isEqualTo(GOOGLE_SUB);
        assertThat(sent.getValue().destinationUser().providerName()).isEqualTo("Cognito");
        assertThat(sent.getValue().destinationUser().providerAttributeValue()).isEqualTo(USERNAME);
        verify(sdk, times(2)).adminGetUser(any(AdminGetUserRequest.class));
    }

    @Test
    void createDoesNotChangeTheRequestsModel() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith(null), userWith(googleIdentity(GOOGLE_SUB)));
        when(sdk.adminLinkProviderForUser(any(AdminLinkProviderForUserRequest.class))).thenReturn(AdminLinkProviderForUserResponse.builder().build());
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
        assertThat(event.getMessage()).contains("import").contains(LINK_ID);
        verify(sdk, never()).adminLinkProviderForUser(any(AdminLinkProviderForUserRequest.class));
    }

    static Stream<Arguments> invalidDeclarations() {
        return Stream.of(
            Arguments.of("a native source", (UnaryOperator<ResourceModel>) m -> m.toBuilder()
                .sourceUser(SourceUser.builder().providerName("Cognito").providerAttributeName("Cognito_Subject").providerAttributeValue("bob").build()).build(),
                "SourceUser.ProviderName: is Cognito"),
            Arguments.of("a social source linked by email", (UnaryOperator<ResourceModel>) m -> m.toBuilder()
                .sourceUser(SourceUser.builder().providerName("Facebook").providerAttributeName("email").providerAttributeValue("a@b.c").build()).build(),
                "SourceUser.ProviderAttributeName: must be Cognito_Subject for Facebook"),
            Arguments.of("no pool", (UnaryOperator<ResourceModel>) m -> m.toBuilder().userPoolId(null).build(), "UserPoolId: is required"),
            Arguments.of("no source", (UnaryOperator<ResourceModel>) m -> m.toBuilder().sourceUser(null).build(), "SourceUser: is required"),
            Arguments.of("no destination", (UnaryOperator<ResourceModel>) m -> m.toBuilder().destinationUser(null).build(), "DestinationUser: is required"),
            Arguments.of("no source attribute name", (UnaryOperator<ResourceModel>) m -> m.toBuilder()
                .sourceUser(SourceUser.builder().providerName("Google").providerAttributeValue("1").build()).build(),
                "SourceUser.ProviderAttributeName: is required"),
            Arguments.of("an empty source value", (UnaryOperator<ResourceModel>) m -> m.toBuilder()
                .sourceUser(SourceUser.builder().providerName("Google").providerAttributeName("Cognito_Subject").providerAttributeValue("").build()).build(),
                "SourceUser.ProviderAttributeValue: is required"),
            Arguments.of("no destination provider", (UnaryOperator<ResourceModel>) m -> m.toBuilder()
                .destinationUser(DestinationUser.builder().providerAttributeValue("alice").build()).build(),
                "DestinationUser.ProviderName: is required"),
            Arguments.of("a federated username over 128 characters", (UnaryOperator<ResourceModel>) m -> m.toBuilder()
                .destinationUser(DestinationUser.builder().providerName("LoginWithAmazon").providerAttributeValue("x".repeat(120)).build()).build(),
                "DestinationUser.ProviderAttributeValue: makes the federated username"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDeclarations")
    void invalidDeclarationsAreRefusedBeforeAnyCognitoCallWithTheFieldAndTheFix(final String what, final UnaryOperator<ResourceModel> change,
                                                                                 final String expected) {
        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, change.apply(declaredModel()));

        assertThat(event.getStatus()).isEqualTo(OperationStatus.FAILED);
        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.InvalidRequest);
        assertThat(event.getMessage()).startsWith(expected);
        verify(sdk, never()).adminGetUser(any(AdminGetUserRequest.class));
        verify(sdk, never()).adminLinkProviderForUser(any(AdminLinkProviderForUserRequest.class));
    }

    @Test
    void anAlreadyLinkedAnswerToOurOwnRetriedCallIsSuccess() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith(null), userWith(googleIdentity(GOOGLE_SUB)));
        when(sdk.adminLinkProviderForUser(any(AdminLinkProviderForUserRequest.class)))
            .thenThrow(invalidParameter("SourceUser is already linked to DestinationUser"));

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, declaredModel());

        assertThat(event.getStatus()).isEqualTo(OperationStatus.SUCCESS);
        assertThat(event.getResourceModel()).isEqualTo(readModel());
    }

    @Test
    void thePre2024AlreadyLinkedTextIsUnderstoodToo() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith(null), userWith(googleIdentity(GOOGLE_SUB)));
        when(sdk.adminLinkProviderForUser(any(AdminLinkProviderForUserRequest.class))).thenThrow(invalidParameter(
            "Invalid SourceUser: Cognito users with a username/password may not be passed in as a SourceUser, only as a DestinationUser"));

        assertThat(run(handler, declaredModel()).getStatus()).isEqualTo(OperationStatus.SUCCESS);
    }

    @Test
    void anIdentityLinkedToAnotherUserIsAlreadyExistsNamingThatUserAndTheFix() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith(null));
        when(sdk.adminLinkProviderForUser(any(AdminLinkProviderForUserRequest.class)))
            .thenThrow(invalidParameter("SourceUser is already linked to DestinationUser"));
        when(sdk.listUsers(any(ListUsersRequest.class))).thenReturn(
            ListUsersResponse.builder().users(listedUser("carol", null)).paginationToken("page2").build(),
            ListUsersResponse.builder().users(listedUser("bob", googleIdentity(GOOGLE_SUB))).build());

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, declaredModel());

        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.AlreadyExists);
        assertThat(event.getResourceModel()).isNull();
        assertThat(event.getMessage()).contains("already linked to user 'bob'").contains("make user 'bob' the DestinationUser");
    }

    @Test
    void anIdentityLinkedBeyondTheSearchedUsersIsStillAlreadyExists() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith(null));
        when(sdk.adminLinkProviderForUser(any(AdminLinkProviderForUserRequest.class)))
            .thenThrow(invalidParameter("SourceUser is already linked to DestinationUser"));
        when(sdk.listUsers(any(ListUsersRequest.class))).thenReturn(
            ListUsersResponse.builder().users(listedUser("carol", null)).paginationToken("more").build());

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, declaredModel());

        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.AlreadyExists);
        assertThat(event.getMessage()).contains("another user (not among the first 1200 users searched)");
        verify(sdk, times(CreateHandler.HOLDER_SEARCH_PAGES)).listUsers(any(ListUsersRequest.class));
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
    void aSourceThatAlreadySignedInIsAnInvalidRequestThatSaysToDeleteItsProfile() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith(null));
        when(sdk.adminLinkProviderForUser(any(AdminLinkProviderForUserRequest.class))).thenThrow(invalidParameter(
            "Merging is not currently supported, provide a SourceUser that has not been signed up in order to link"));

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, declaredModel());

        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.InvalidRequest);
        assertThat(event.getMessage()).startsWith("SourceUser:").contains("Google_<ProviderAttributeValue>").contains("AdminDeleteUser")
            .doesNotContain(GOOGLE_SUB);
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
    void aLinkNotVisibleAtOnceIsAwaitedBeforeSuccess() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class)))
            .thenReturn(userWith(null), userWith(null), userWith(null), userWith(googleIdentity(GOOGLE_SUB)));
        when(sdk.adminLinkProviderForUser(any(AdminLinkProviderForUserRequest.class))).thenReturn(AdminLinkProviderForUserResponse.builder().build());

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, declaredModel());

        assertThat(event.getStatus()).isEqualTo(OperationStatus.SUCCESS);
        verify(sdk, times(1)).adminLinkProviderForUser(any(AdminLinkProviderForUserRequest.class));
        verify(sdk, times(4)).adminGetUser(any(AdminGetUserRequest.class));
    }

    @Test
    void aLinkThatNeverShowsFailsNotStabilizedAndKeepsTheModelForRollback() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith(null));
        when(sdk.adminLinkProviderForUser(any(AdminLinkProviderForUserRequest.class))).thenReturn(AdminLinkProviderForUserResponse.builder().build());

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, declaredModel());

        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.NotStabilized);
        assertThat(event.getMessage()).contains("did not show it within 120 seconds");
        assertThat(event.getResourceModel().getId()).isEqualTo(LINK_ID);
    }

    @Test
    void aLinkCallThatFailsInsideCognitoKeepsTheModelSoARollbackCanDeleteWhatMayExist() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith(null));
        when(sdk.adminLinkProviderForUser(any(AdminLinkProviderForUserRequest.class)))
            .thenThrow(serviceError(InternalErrorException.builder(), "InternalErrorException", "Internal server error."));

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, declaredModel());

        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.ServiceInternalError);
        assertThat(event.getResourceModel().getId()).isEqualTo(LINK_ID);
    }

    @Test
    void aReadBackThatFailsAfterAnAlreadyLinkedAnswerKeepsTheModel() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith(null))
            .thenThrow(serviceError(TooManyRequestsException.builder(), "TooManyRequestsException", "Rate exceeded"));
        when(sdk.adminLinkProviderForUser(any(AdminLinkProviderForUserRequest.class)))
            .thenThrow(invalidParameter("SourceUser is already linked to DestinationUser"));

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, declaredModel());

        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.Throttling);
        assertThat(event.getResourceModel().getId()).isEqualTo(LINK_ID);
    }

    @Test
    void throttlingBeforeTheLinkIsThrottlingWithNothingToRollBack() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class)))
            .thenThrow(serviceError(TooManyRequestsException.builder(), "TooManyRequestsException", "Rate exceeded"));

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, declaredModel());

        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.Throttling);
        assertThat(event.getResourceModel()).isNull();
        assertThat(event.getMessage()).contains("UserRead (120 requests per second)");
    }

    private static UserType listedUser(final String username, final String identities) {
        final UserType.Builder user = UserType.builder().username(username).userStatus("CONFIRMED");
        return identities == null ? user.attributes(AttributeType.builder().name("sub").value("s").build()).build()
            : user.attributes(AttributeType.builder().name("identities").value(identities).build()).build();
    }
}
