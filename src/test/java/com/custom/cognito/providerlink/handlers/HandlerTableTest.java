package com.custom.cognito.providerlink.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.custom.cognito.providerlink.BaseConfiguration;
import com.custom.cognito.providerlink.CallbackContext;
import com.custom.cognito.providerlink.ResourceModel;
import com.custom.cognito.providerlink.cognito.ClientBuilder;
import com.custom.cognito.providerlink.cognito.CognitoAction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.pagination.sync.SdkIterable;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

class HandlerTableTest {

    private final HandlerTable handlers = new HandlerTable(new ClientBuilder());

    @Test
    void anErrorThatEscapesAHandlerIsAnsweredAsInternalFailureWithOneEscapedLogLine() {
        final List<String> log = new ArrayList<>();

        final ProgressEvent<ResourceModel, CallbackContext> event = handlers.run(Action.READ, failing(new StackOverflowError()),
            ResourceHandlerRequest.<ResourceModel>builder().region("us-east-1")
                .desiredResourceState(ResourceModel.builder().id("us-east-1_X|Cognito|alice|Google|1").build()).build(),
            null, log::add);

        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.InternalFailure);
        assertThat(event.getMessage()).contains("StackOverflowError").doesNotContain("\tat ");
        assertThat(log)
            .anySatisfy(line -> assertThat(line).isEqualTo("READ failed: InternalFailure (java.lang.StackOverflowError)"));
    }

    @Test
    void anActionWithoutAHandlerIsNotUpdatableAndNeedsNoPermissions() {
        final ProgressEvent<ResourceModel, CallbackContext> event = handlers.run(Action.UPDATE,
            failing(new AssertionError("never called")), ResourceHandlerRequest.<ResourceModel>builder().region("us-east-1")
                .build(),
            null, message -> {
            });

        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.NotUpdatable);
        assertThat(handlers.actionsOf(Action.UPDATE)).isEmpty();
        assertThat(handlers.actionsOf(Action.CREATE)).contains(CognitoAction.LINK);
    }

    @Test
    void aSchemaThatIsNotOnTheClasspathIsAClearStartupError() {
        final BaseConfiguration missing = new BaseConfiguration("no-such-schema.json") {
        };

        assertThatThrownBy(missing::resourceSchemaJSONObject).hasMessage("no-such-schema.json is not on the classpath root");
    }

    /** A client through which every call throws {@code failure}. */
    private static ProxyClient<CognitoIdentityProviderClient> failing(final Throwable failure) {
        return new ProxyClient<>() {

            @Override
            public <RequestT extends AwsRequest, ResponseT extends AwsResponse> ResponseT injectCredentialsAndInvokeV2(
                final RequestT request, final Function<RequestT, ResponseT> requestFunction) {
                if (failure instanceof Error) {
                    throw (Error) failure;
                }
                throw new IllegalStateException(failure);
            }

            @Override
            public <RequestT extends AwsRequest, ResponseT extends AwsResponse> CompletableFuture<
                ResponseT> injectCredentialsAndInvokeV2Async(
                    final RequestT request, final Function<RequestT, CompletableFuture<ResponseT>> call) {
                throw new UnsupportedOperationException();
            }

            @Override
            public <RequestT extends AwsRequest, ResponseT extends AwsResponse, IterableT extends SdkIterable<
                ResponseT>> IterableT injectCredentialsAndInvokeIterableV2(
                    final RequestT request, final Function<RequestT, IterableT> call) {
                throw new UnsupportedOperationException();
            }

            @Override
            public <RequestT extends AwsRequest, ResponseT extends AwsResponse> ResponseInputStream<
                ResponseT> injectCredentialsAndInvokeV2InputStream(
                    final RequestT request,
                    final Function<RequestT, ResponseInputStream<ResponseT>> call) {
                throw new UnsupportedOperationException();
            }

            @Override
            public <RequestT extends AwsRequest, ResponseT extends AwsResponse> ResponseBytes<
                ResponseT> injectCredentialsAndInvokeV2Bytes(
                    final RequestT request, final Function<RequestT, ResponseBytes<ResponseT>> call) {
                throw new UnsupportedOperationException();
            }

            @Override
            public CognitoIdentityProviderClient client() {
                return Mockito.mock(CognitoIdentityProviderClient.class);
            }
        };
    }
}
