package com.custom.cognito.providerlink.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.CallbackContext;
import com.custom.cognito.providerlink.ResourceModel;
import org.junit.jupiter.api.Test;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.ProgressEvent;

class BaseHandlerStdTest extends HandlerTestBase {

    @Test
    void aRequestWithoutCallerCredentialsFailsAsInvalidCredentialsInsteadOfCrashing() {
        final ProgressEvent<ResourceModel, CallbackContext> event = new ReadHandler().handleRequest(null, request(readModel()), null, logger);

        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.InvalidCredentials);
        assertThat(event.getMessage()).contains("callerCredentials");
    }

    @Test
    void aFirstInvocationWithoutCallbackContextStartsItsOwn() {
        final ProgressEvent<ResourceModel, CallbackContext> event = new ReadHandler().handleRequest(proxy,
            request(ResourceModel.builder().id("not an id").build()), null, logger);

        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.InvalidRequest);
    }
}
