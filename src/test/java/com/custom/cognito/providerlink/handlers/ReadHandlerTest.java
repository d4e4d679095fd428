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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;

class ReadHandlerTest extends HandlerTestBase {

    private final ReadHandler handler = new ReadHandler(CLIENTS, pause);

    @Test
    void readOfALinkedIdentityReturnsTheFullReadableModelFromTheIdAlone() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith(googleIdentity(GOOGLE_SUB)));

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, ResourceModel.builder().id(LINK_ID).build());

        assertThat(event.getStatus()).isEqualTo(OperationStatus.SUCCESS);
        assertThat(event.getResourceModel()).isEqualTo(readModel());
        assertThat(event.getCallbackDelaySeconds()).isZero();
        final ArgumentCaptor<AdminGetUserRequest> sent = ArgumentCaptor.forClass(AdminGetUserRequest.class);
        verify(sdk).adminGetUser(sent.capture());
        assertThat(sent.getValue().userPoolId()).isEqualTo(POOL);
        assertThat(sent.getValue().username()).isEqualTo(USERNAME);
        assertThat(sent.getValue().overrideConfiguration()).as("caller credentials injected by the proxy").isPresent();
    }

    @ParameterizedTest(name = "identities attribute {0}")
    @NullSource
    @ValueSource(strings = {"[]",
        "[{\"userId\":\"other-subject\",\"providerName\":\"Google\",\"providerType\":\"Google\",\"issuer\":null,"
            + "\"primary\":false,\"dateCreated\":1}]",
        "[{\"userId\":\"104578123456789012345\",\"providerName\":\"google\",\"providerType\":\"Google\",\"issuer\":null,"
            + "\"primary\":false,\"dateCreated\":1}]"})
    void readIsNotFoundWhenTheAttributeIsAbsentEmptyOrHoldsNoMatchingEntry(final String identities) {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith(identities));

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, ResourceModel.builder().id(LINK_ID).build());

        assertThat(event.getStatus()).isEqualTo(OperationStatus.FAILED);
        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.NotFound);
        assertThat(event.getResourceModel()).isNull();
        assertThat(event.getMessage()).contains("No such link").doesNotContain(GOOGLE_SUB);
    }

    @Test
    void aFederatedProfilesOwnPrimaryIdentityIsNotALink() {
        final String federatedDestinationId = POOL + "|Facebook|99|Google|" + GOOGLE_SUB;
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith(
            "[{\"userId\":\"" + GOOGLE_SUB
                + "\",\"providerName\":\"Google\",\"providerType\":\"Google\",\"issuer\":null,\"primary\":true,"
                + "\"dateCreated\":1}]"));

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler,
            ResourceModel.builder().id(federatedDestinationId).build());

        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.NotFound);
        final ArgumentCaptor<AdminGetUserRequest> sent = ArgumentCaptor.forClass(AdminGetUserRequest.class);
        verify(sdk).adminGetUser(sent.capture());
        assertThat(sent.getValue().username()).as("a federated user's username is <Provider>_<id>").isEqualTo("Facebook_99");
    }

    @Test
    void readWithoutIdReadsTheLinkTheDeclaredPropertiesName() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith(googleIdentity(GOOGLE_SUB)));

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, declaredModel());

        assertThat(event.getResourceModel()).isEqualTo(readModel());
    }

    @Test
    void readOfAPercentEscapedIdLooksUpTheUnescapedUsername() {
        final String id = POOL + "|Cognito|a%7Cb%25c|Google|" + GOOGLE_SUB;
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(user("a|b%c", googleIdentity(GOOGLE_SUB)));

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, ResourceModel.builder().id(id).build());

        final ArgumentCaptor<AdminGetUserRequest> sent = ArgumentCaptor.forClass(AdminGetUserRequest.class);
        verify(sdk).adminGetUser(sent.capture());
        assertThat(sent.getValue().username()).isEqualTo("a|b%c");
        assertThat(event.getResourceModel().getId()).isEqualTo(id);
        assertThat(event.getResourceModel().getDestinationUsername()).isEqualTo("a|b%c");
    }

    @ParameterizedTest(name = "Id {0}")
    @ValueSource(strings = {"garbage", "a|b|c|d", "us-east-1_X|Cognito|alice|Cognito|bob", "us-east-1_X|Cognito||Google|1",
        "p_1|Cognito|a%zz|Google|1"})
    void aMalformedIdIsAnInvalidRequestNamingIdAndCallsNothing(final String id) {
        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, ResourceModel.builder().id(id).build());

        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.InvalidRequest);
        assertThat(event.getMessage()).startsWith("Id: ").contains("%7C");
        verify(sdk, never()).adminGetUser(any(AdminGetUserRequest.class));
    }

    static Stream<Arguments> idsThatCouldForgeLogs() {
        return Stream.of(
            Arguments.of("a newline in the username", "us-east-1_X|Cognito|ali\nce|Google|1", "destination user part"),
            Arguments.of("an ANSI escape in the source value", "us-east-1_X|Cognito|alice|Google|1\u001B[31m",
                "source value part"),
            Arguments.of("a forged log line in the pool", "us-east-1_X\nlog: Handler returned SUCCESS|Cognito|alice|Google|1",
                "user pool part"),
            Arguments.of("a space in the username", "us-east-1_X|Cognito|ali ce|Google|1", "destination user part"),
            Arguments.of("a provider name over 32 characters", "us-east-1_X|Cognito|alice|" + "G".repeat(33)
                + "|1", "source provider part"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("idsThatCouldForgeLogs")
    void anIdWhosePartsCognitoWouldRefuseIsAnInvalidRequestNamingThePartBeforeAnyCall(final String what, final String id,
        final String part) {
        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, ResourceModel.builder().id(id).build());

        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.InvalidRequest);
        assertThat(event.getMessage()).startsWith("Id: its " + part).doesNotContain("\n").doesNotContain("\u001B");
        verify(sdk, never()).adminGetUser(any(AdminGetUserRequest.class));
    }

    @Test
    void thePendingIdOfACreateThatNeverLinkedIsNotFoundWithoutACall() {
        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, ResourceModel.builder().id(PENDING_ID).build());

        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.NotFound);
        assertThat(event.getMessage()).contains("pending identifier");
        verify(sdk, never()).adminGetUser(any(AdminGetUserRequest.class));
    }

    @Test
    void readWithNeitherIdNorPropertiesIsAnInvalidRequestNamingId() {
        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, ResourceModel.builder().build());

        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.InvalidRequest);
        assertThat(event.getMessage()).startsWith("Id: is required");
    }

    @Test
    void aDeletedDestinationUserMeansTheLinkIsNotFound() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class)))
            .thenThrow(serviceError(UserNotFoundException.builder(), "UserNotFoundException", "User does not exist."));

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, ResourceModel.builder().id(LINK_ID).build());

        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.NotFound);
        assertThat(event.getMessage()).contains("no longer has user 'alice'").contains(POOL);
    }

    @Test
    void aDeletedPoolMeansTheLinkIsNotFound() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class)))
            .thenThrow(serviceError(ResourceNotFoundException.builder(), "ResourceNotFoundException", "User pool " + POOL
                + " does not exist."));

        assertThat(run(handler, ResourceModel.builder().id(LINK_ID).build()).getErrorCode()).isEqualTo(HandlerErrorCode.NotFound);
    }

    @Test
    void throttlingOnEveryAttemptIsRetriedFiveTimesWithGrowingBackoffThenEndsAsThrottlingNotInvalidRequest() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenThrow(throttled());

        final ProgressEvent<ResourceModel, CallbackContext> event = run(handler, ResourceModel.builder().id(LINK_ID).build());

        assertThat(event.getStatus()).isEqualTo(OperationStatus.FAILED);
        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.Throttling);
        assertThat(event.getMessage()).contains("tried 5 times").contains("UserRead");
        verify(sdk, times(5)).adminGetUser(any(AdminGetUserRequest.class));
        assertThat(pauses).hasSize(4);
        for (int i = 0; i < pauses.size(); i++) {
            final long ceiling = Math.min(4000, 500L << i);
            assertThat(pauses.get(i).toMillis()).as("pause " + i).isBetween(ceiling / 2, ceiling);
        }
    }

    @Test
    void throttlingThatPassesWithinTheAttemptsIsARead() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenThrow(throttled())
            .thenReturn(userWith(googleIdentity(GOOGLE_SUB)));

        assertThat(run(handler, ResourceModel.builder().id(LINK_ID).build()).getResourceModel()).isEqualTo(readModel());
        assertThat(pauses).hasSize(1);
    }

    @Test
    void readEchoesTheProviderNameCaseAndValueItWasGiven() {
        final ResourceModel model = ResourceModel.builder().id(POOL + "|Cognito|Alice|CorpSAML|Alice@Example.com").build();
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(user("Alice",
            "[{\"userId\":\"Alice@Example.com\",\"providerName\":\"CorpSAML\",\"providerType\":\"SAML\",\"issuer\":\"urn:x\","
                + "\"primary\":false,\"dateCreated\":1}]"));

        final ResourceModel read = run(handler, model).getResourceModel();

        assertThat(read).isEqualTo(ResourceModel.builder().id(model.getId()).userPoolId(POOL)
            .sourceUser(SourceUser.builder().providerName("CorpSAML").providerAttributeValue("Alice@Example.com").build())
            .destinationUser(DestinationUser.builder().providerName("Cognito").build())
            .destinationUsername("Alice")
            .build());
    }
}
