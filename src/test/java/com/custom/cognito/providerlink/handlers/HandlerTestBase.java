package com.custom.cognito.providerlink.handlers;

import static org.mockito.Mockito.lenient;

import com.custom.cognito.providerlink.CallbackContext;
import com.custom.cognito.providerlink.DestinationUser;
import com.custom.cognito.providerlink.ResourceModel;
import com.custom.cognito.providerlink.SourceUser;
import com.custom.cognito.providerlink.cognito.ClientBuilder;
import com.custom.cognito.providerlink.pacing.CallbackLoop;
import com.custom.cognito.providerlink.pacing.Pause;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyRequestsException;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.Credentials;
import software.amazon.cloudformation.proxy.LoggerProxy;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * A mocked SDK client under a real {@link AmazonWebServicesClientProxy}, as the plugin's own tests do: credential
 * injection is the real one; only Cognito is a mock. Pauses between retries are recorded instead of slept, and an
 * operation is driven the way CloudFormation drives it: while a handler answers IN_PROGRESS, it is invoked again
 * with the model and callback context that event carried (without waiting the callback delay).
 */
@ExtendWith(MockitoExtension.class)
abstract class HandlerTestBase {

    static final String POOL = "us-east-1_TestPool1";
    static final String USERNAME = "alice";
    static final String GOOGLE_SUB = "104578123456789012345";
    static final String LINK_ID = POOL + "|Cognito|alice|Google|" + GOOGLE_SUB;
    static final String PENDING_ID = "pending|" + LINK_ID;
    /** The clients the handlers would build behind a real proxy; these tests hand them a mocked one instead. */
    static final ClientBuilder CLIENTS = new ClientBuilder();

    @Mock
    CognitoIdentityProviderClient sdk;

    ProxyClient<CognitoIdentityProviderClient> client;
    final LoggerProxy logger = new LoggerProxy();
    /** The pauses the handlers asked for between attempts, in order. */
    final List<Duration> pauses = new ArrayList<>();
    final Pause pause = pauses::add;
    /** Every event of the last {@link #run}, in order. */
    final List<ProgressEvent<ResourceModel, CallbackContext>> events = new ArrayList<>();

    @BeforeEach
    void setUpProxy() {
        final AmazonWebServicesClientProxy proxy = new AmazonWebServicesClientProxy(logger, new Credentials("AKIATEST", "secret",
            "token"),
            () -> Duration.ofMinutes(15).toMillis());
        client = proxy.newProxy(() -> sdk);
        lenient().when(sdk.serviceName()).thenReturn("cognito-idp");
    }

    static ResourceModel declaredModel() {
        return ResourceModel.builder()
            .userPoolId(POOL)
            .sourceUser(SourceUser.builder().providerName("Google").providerAttributeName("Cognito_Subject")
                .providerAttributeValue(GOOGLE_SUB).build())
            .destinationUser(DestinationUser.builder().providerName("Cognito").providerAttributeValue(USERNAME).build())
            .build();
    }

    /** The model a read returns for the declared link: no write-only properties, the Id and the destination's username. */
    static ResourceModel readModel() {
        return ResourceModel.builder()
            .id(LINK_ID)
            .userPoolId(POOL)
            .sourceUser(SourceUser.builder().providerName("Google").providerAttributeValue(GOOGLE_SUB).build())
            .destinationUser(DestinationUser.builder().providerName("Cognito").build())
            .destinationUsername(USERNAME)
            .build();
    }

    static ResourceHandlerRequest<ResourceModel> request(final ResourceModel model) {
        return ResourceHandlerRequest.<ResourceModel>builder().desiredResourceState(model).region("us-east-1").build();
    }

    static AdminGetUserResponse userWith(final String identitiesJson) {
        return user(USERNAME, identitiesJson);
    }

    static AdminGetUserResponse user(final String username, final String identitiesJson) {
        final AdminGetUserResponse.Builder user = AdminGetUserResponse.builder().username(username);
        return identitiesJson == null
            ? user.userAttributes(AttributeType.builder().name("sub").value("uuid").build()).build()
            : user.userAttributes(AttributeType.builder().name("sub").value("uuid").build(),
                AttributeType.builder().name("identities").value(identitiesJson).build()).build();
    }

    static String googleIdentity(final String userId) {
        return "[{\"userId\":\"" + userId + "\",\"providerName\":\"Google\",\"providerType\":\"Google\",\"issuer\":null,"
            + "\"primary\":false,\"dateCreated\":1622940509457}]";
    }

    static AwsServiceException invalidParameter(final String message) {
        return serviceError(InvalidParameterException.builder(), "InvalidParameterException", message);
    }

    static AwsServiceException throttled() {
        return serviceError(TooManyRequestsException.builder(), "TooManyRequestsException", "Rate exceeded");
    }

    static AwsServiceException serviceError(final AwsServiceException.Builder builder, final String code, final String message) {
        return builder.awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).message(message)
            .build();
    }

    /** One invocation, with the given callback context (null on the first one). */
    ProgressEvent<ResourceModel, CallbackContext> invokeOnce(final BaseHandlerStd handler, final ResourceModel model,
        final CallbackContext context) {
        return handler.handleRequest(request(model), context, client, logger);
    }

    /**
     * The whole operation, through the callback loop every driver uses (without waiting the callback delays);
     * {@link #events} holds every event, and the last is returned.
     */
    ProgressEvent<ResourceModel, CallbackContext> run(final BaseHandlerStd handler, final ResourceModel model) {
        events.clear();
        final CallbackLoop.Operation<ProgressEvent<ResourceModel, CallbackContext>> operation = new CallbackLoop.Operation<>() {

            @Override
            public ProgressEvent<ResourceModel, CallbackContext> invoke(
                final ProgressEvent<ResourceModel, CallbackContext> previous) {
                final ProgressEvent<ResourceModel, CallbackContext> event = previous == null
                    ? invokeOnce(handler, model, null)
                    : invokeOnce(handler, previous.getResourceModel(), previous.getCallbackContext());
                events.add(event);
                return event;
            }

            @Override
            public Optional<Duration> callbackAfter(final ProgressEvent<ResourceModel, CallbackContext> event) {
                return event.isInProgress() ? Optional.of(Duration.ofSeconds(event.getCallbackDelaySeconds())) : Optional.empty();
            }
        };
        try {
            return CallbackLoop.drive(operation, delay -> {
            }, 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    List<ProgressEvent<ResourceModel, CallbackContext>> inProgressEvents() {
        return events.stream().filter(ProgressEvent::isInProgress).toList();
    }
}
