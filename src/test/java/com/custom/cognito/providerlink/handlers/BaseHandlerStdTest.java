package com.custom.cognito.providerlink.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import com.custom.cognito.providerlink.CallbackContext;
import com.custom.cognito.providerlink.ResourceModel;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserRequest;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.ProgressEvent;

class BaseHandlerStdTest extends HandlerTestBase {

    @Test
    void aRequestWithoutCallerCredentialsFailsAsInvalidCredentialsInsteadOfCrashing() {
        final ProgressEvent<ResourceModel, CallbackContext> event = new ReadHandler().handleRequest(null, request(readModel()),
            null, logger);

        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.InvalidCredentials);
        assertThat(event.getMessage()).contains("callerCredentials");
    }

    @Test
    void aFirstInvocationWithoutCallbackContextStartsItsOwnAndHandsItBack() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenThrow(throttled());

        final ProgressEvent<ResourceModel, CallbackContext> event = invokeOnce(new CreateHandler(CLIENTS, pause), declaredModel(),
            null);

        assertThat(event.isInProgress()).isTrue();
        assertThat(event.getCallbackContext()).as("a context the next invocation gets back").isNotNull();
        assertThat(event.getCallbackContext().getThrottles()).isEqualTo(1);
        assertThat(event.getCallbackContext().getThrottledSeconds()).isEqualTo(event.getCallbackDelaySeconds());
    }

    @Test
    void theSubSecondPartOfAThrottlingDelayIsPausedAtTheStartOfTheNextInvocation() {
        when(sdk.adminGetUser(any(AdminGetUserRequest.class))).thenReturn(userWith(googleIdentity(GOOGLE_SUB)));
        final CallbackContext context = new CallbackContext();
        context.setPauseMillis(640);

        invokeOnce(new ReadHandler(CLIENTS, pause), readModel(), context);

        assertThat(pauses).containsExactly(Duration.ofMillis(640));
        assertThat(context.getPauseMillis()).isZero();
    }
}
