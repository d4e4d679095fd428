package com.custom.cognito.providerlink.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.custom.cognito.providerlink.CallbackContext;
import com.custom.cognito.providerlink.ResourceModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

class ListHandlerTest extends HandlerTestBase {

    /** A clock that moves one second on every reading, so that the time budget runs out after a few pages. */
    private final AtomicLong now = new AtomicLong();
    private final ListHandler handler = new ListHandler(CLIENTS, pause,
        () -> now.getAndAdd(Duration.ofSeconds(1).toNanos()));

    @Test
    void listReturnsOneModelPerLinkedIdentityAndNoneForAProfilesOwnIdentity() {
        when(sdk.listUsers(any(ListUsersRequest.class))).thenReturn(ListUsersResponse.builder().users(
            listed("alice", "[" + entry("Google", "g-1", false) + "," + entry("CorpSAML", "alice@example.com", false) + "]"),
            listed("Google_g-2", "[" + entry("Google", "g-2", true) + "]"),
            listed("Facebook_f-9", "[" + entry("Facebook", "f-9", true) + "," + entry("LoginWithAmazon", "amzn1.x", false) + "]"),
            listed("dave", null)).build());

        final ProgressEvent<ResourceModel, CallbackContext> event = list(null, null);

        assertThat(event.getStatus()).isEqualTo(OperationStatus.SUCCESS);
        assertThat(event.getNextToken()).isNull();
        assertThat(event.getResourceModels().stream().map(ResourceModel::getId).collect(Collectors.toList())).containsExactly(
            POOL + "|Cognito|alice|Google|g-1",
            POOL + "|Cognito|alice|CorpSAML|alice@example.com",
            POOL + "|Facebook|f-9|LoginWithAmazon|amzn1.x");
        assertThat(event.getResourceModels().get(0).getSourceUser().getProviderAttributeName()).isNull();
    }

    @Test
    void listAsksForFullPagesWithoutAttributesToGetAndContinuesFromTheGivenToken() {
        when(sdk.listUsers(any(ListUsersRequest.class))).thenReturn(ListUsersResponse.builder().users(listed("alice",
            null)).build());

        list("cognito-token-7", null);

        final ArgumentCaptor<ListUsersRequest> sent = ArgumentCaptor.forClass(ListUsersRequest.class);
        verify(sdk).listUsers(sent.capture());
        assertThat(sent.getValue().userPoolId()).isEqualTo(POOL);
        assertThat(sent.getValue().limit()).isEqualTo(60);
        assertThat(sent.getValue().paginationToken()).isEqualTo("cognito-token-7");
        assertThat(sent.getValue().hasAttributesToGet()).as("naming identities fails on any pool with an unlinked "
            + "user").isFalse();
    }

    @Test
    void listReadsPagesUntilItHasAtLeastTheLinksAskedForThenHandsBackCognitosToken() {
        final List<ListUsersResponse> pages = new ArrayList<>();
        for (int page = 0; page < 10; page++) {
            final List<UserType> users = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                users.add(listed("u" + page + "-" + i, "[" + entry("Google", "g" + page + "-" + i, false) + "]"));
            }
            pages.add(ListUsersResponse.builder().users(users).paginationToken("after-" + page).build());
        }
        when(sdk.listUsers(any(ListUsersRequest.class))).thenReturn(pages.get(0), pages.subList(1,
            10).toArray(new ListUsersResponse[0]));

        final ProgressEvent<ResourceModel, CallbackContext> event = new ListHandler(CLIENTS, pause, System::nanoTime)
            .handleRequest(
                listRequest(null, 100), new CallbackContext(), client, logger);

        assertThat(event.getResourceModels()).as("whole pages: at least 100").hasSize(120);
        assertThat(event.getNextToken()).isEqualTo("after-3");
        verify(sdk, times(4)).listUsers(any(ListUsersRequest.class));
    }

    @Test
    void listStopsOnceItsTimeIsSpentEvenWhenPagesHoldNoLinksAndHandsBackTheToken() {
        when(sdk.listUsers(any(ListUsersRequest.class))).thenReturn(ListUsersResponse.builder().users(listed("x",
            null)).paginationToken("more").build());

        final ProgressEvent<ResourceModel, CallbackContext> event = list(null, null);

        assertThat(event.getResourceModels()).isEmpty();
        assertThat(event.getNextToken()).isEqualTo("more");
        verify(sdk, times((int) ListHandler.TIME_PER_PAGE.toSeconds())).listUsers(any(ListUsersRequest.class));
    }

    @Test
    void aPageHoldsAtMostAboutAThousandLinksWithoutMaxResults() {
        final List<UserType> users = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            users.add(listed("u" + i, "[" + entry("Google", "a" + i, false) + "," + entry("Facebook", "b" + i, false) + "]"));
        }
        when(sdk.listUsers(any(ListUsersRequest.class))).thenReturn(ListUsersResponse.builder().users(users)
            .paginationToken("more").build());

        final ProgressEvent<ResourceModel, CallbackContext> event = new ListHandler(CLIENTS, pause, System::nanoTime)
            .handleRequest(
                listRequest(null, null), new CallbackContext(), client, logger);

        assertThat(event.getResourceModels()).hasSize(1080);
        verify(sdk, times(9)).listUsers(any(ListUsersRequest.class));
    }

    @Test
    void aGarbageNextTokenSaysTheTokenIsInvalidAndToRestartTheListing() {
        when(sdk.listUsers(any(ListUsersRequest.class))).thenThrow(invalidParameter("Invalid pagination token"));

        final ProgressEvent<ResourceModel, CallbackContext> event = list("garbage", null);

        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.InvalidRequest);
        assertThat(event.getMessage()).startsWith("nextToken:").contains("invalid or has expired").contains("Restart the listing")
            .doesNotContain("Check the property");
    }

    @Test
    void maxResultsLowersTheNumberOfLinksAPageWaitsFor() {
        when(sdk.listUsers(any(ListUsersRequest.class))).thenReturn(
            ListUsersResponse.builder().users(listed("a", "[" + entry("Google", "1", false) + "]")).paginationToken("t1").build(),
            ListUsersResponse.builder().users(listed("b", "[" + entry("Google", "2", false) + "]")).build());

        final ProgressEvent<ResourceModel, CallbackContext> event = list(null, 1);

        assertThat(event.getResourceModels()).hasSize(1);
        assertThat(event.getNextToken()).isEqualTo("t1");
    }

    @Test
    void listWithoutUserPoolIdIsAnInvalidRequestNamingIt() {
        final ProgressEvent<ResourceModel, CallbackContext> event = handler.handleRequest(
            ResourceHandlerRequest.<ResourceModel>builder().desiredResourceState(ResourceModel.builder().build())
                .region("us-east-1").build(),
            new CallbackContext(), client, logger);

        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.InvalidRequest);
        assertThat(event.getMessage()).startsWith("UserPoolId: is required");
        verify(sdk, never()).listUsers(any(ListUsersRequest.class));
    }

    @Test
    void listOfAMissingPoolIsNotFound() {
        when(sdk.listUsers(any(ListUsersRequest.class)))
            .thenThrow(serviceError(ResourceNotFoundException.builder(), "ResourceNotFoundException",
                "User pool does not exist."));

        assertThat(list(null, null).getErrorCode()).isEqualTo(HandlerErrorCode.NotFound);
    }

    private ProgressEvent<ResourceModel, CallbackContext> list(final String nextToken, final Integer maxResults) {
        return handler.handleRequest(listRequest(nextToken, maxResults), new CallbackContext(), client, logger);
    }

    private static ResourceHandlerRequest<ResourceModel> listRequest(final String nextToken, final Integer maxResults) {
        return ResourceHandlerRequest.<ResourceModel>builder().desiredResourceState(ResourceModel.builder().userPoolId(POOL)
            .build())
            .nextToken(nextToken).maxResults(maxResults).region("us-east-1").build();
    }

    private static UserType listed(final String username, final String identities) {
        final List<AttributeType> attributes = new ArrayList<>(List.of(AttributeType.builder().name("sub").value("s-"
            + username).build()));
        if (identities != null) {
            attributes.add(AttributeType.builder().name("identities").value(identities).build());
        }
        return UserType.builder().username(username).attributes(attributes).build();
    }

    private static String entry(final String provider, final String userId, final boolean primary) {
        return "{\"userId\":\"" + userId + "\",\"providerName\":\"" + provider + "\",\"providerType\":\"" + provider
            + "\",\"issuer\":null,\"primary\":" + primary + ",\"dateCreated\":1}";
    }
}
