package com.custom.cognito.providerlink.handlers;

import static org.mockito.Mockito.lenient;

import com.custom.cognito.providerlink.CallbackContext;
import com.custom.cognito.providerlink.DestinationUser;
import com.custom.cognito.providerlink.ResourceModel;
import com.custom.cognito.providerlink.SourceUser;
import java.time.Duration;
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
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.Credentials;
import software.amazon.cloudformation.proxy.LoggerProxy;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;
import software.amazon.cloudformation.proxy.delay.Constant;

/**
 * A mocked SDK client under a real {@link AmazonWebServicesClientProxy}, as the plugin's own tests do: the call
 * chain, memoization and credential injection are the real ones; only Cognito is a mock. Stabilization waits are
 * shortened to zero seconds, five attempts.
 */
@ExtendWith(MockitoExtension.class)
abstract class HandlerTestBase {

    static final String POOL = "us-east-1_TestPool1";
    static final String USERNAME = "alice";
    static final String GOOGLE_SUB = "104578123456789012345";
    static final String LINK_ID = POOL + "|Cognito|alice|Google|" + GOOGLE_SUB;

    @Mock
    CognitoIdentityProviderClient sdk;

    AmazonWebServicesClientProxy proxy;
    ProxyClient<CognitoIdentityProviderClient> client;
    final LoggerProxy logger = new LoggerProxy();

    @BeforeEach
    void setUpProxy() {
        proxy = new AmazonWebServicesClientProxy(logger, new Credentials("AKIATEST", "secret", "token"),
            () -> Duration.ofMinutes(15).toMillis(),
            (callGraph, delay) -> Constant.of().delay(Duration.ofMillis(1)).timeout(Duration.ofMillis(5)).build());
        client = proxy.newProxy(() -> sdk);
        lenient().when(sdk.serviceName()).thenReturn("cognito-idp");
    }

    static ResourceModel declaredModel() {
        return ResourceModel.builder()
            .userPoolId(POOL)
            .sourceUser(SourceUser.builder().providerName("Google").providerAttributeName("Cognito_Subject").providerAttributeValue(GOOGLE_SUB).build())
            .destinationUser(DestinationUser.builder().providerName("Cognito").providerAttributeValue(USERNAME).build())
            .build();
    }

    /** The model a read returns for the declared link: no write-only properties, and the Id. */
    static ResourceModel readModel() {
        return ResourceModel.builder()
            .id(LINK_ID)
            .userPoolId(POOL)
            .sourceUser(SourceUser.builder().providerName("Google").providerAttributeValue(GOOGLE_SUB).build())
            .destinationUser(DestinationUser.builder().providerName("Cognito").providerAttributeValue(USERNAME).build())
            .build();
    }

    static ResourceHandlerRequest<ResourceModel> request(final ResourceModel model) {
        return ResourceHandlerRequest.<ResourceModel>builder().desiredResourceState(model).region("us-east-1").build();
    }

    static AdminGetUserResponse userWith(final String identitiesJson) {
        final AdminGetUserResponse.Builder user = AdminGetUserResponse.builder().username(USERNAME);
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
        return InvalidParameterException.builder()
            .awsErrorDetails(AwsErrorDetails.builder().errorCode("InvalidParameterException").errorMessage(message).build())
            .message(message).build();
    }

    static AwsServiceException serviceError(final AwsServiceException.Builder builder, final String code, final String message) {
        return builder.awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).message(message).build();
    }

    ProgressEvent<ResourceModel, CallbackContext> run(final BaseHandlerStd handler, final ResourceModel model) {
        return handler.handleRequest(proxy, request(model), new CallbackContext(), client, logger);
    }
}
