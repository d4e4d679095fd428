package com.custom.cognito.providerlink.customresource;

import java.util.function.Function;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminDisableProviderForUserRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminLinkProviderForUserRequest;
import software.amazon.cloudformation.proxy.ProxyClient;

/**
 * The handlers' Cognito calls, made with the function's own credentials (the SDK's default chain: the function's
 * role). Once the answer to CloudFormation is decided ({@link #stop()}), no further call leaves: a link made after a
 * FAILED answer would have no owner. It also remembers whether a link or unlink was ever sent, which is what the
 * answer on a timeout depends on.
 */
final class FunctionClient implements ProxyClient<CognitoIdentityProviderClient> {

    private final CognitoIdentityProviderClient client;
    private volatile boolean stopped;
    private volatile boolean mutationSent;

    FunctionClient(final CognitoIdentityProviderClient client) {
        this.client = client;
    }

    @Override
    public <RequestT extends AwsRequest, ResponseT extends AwsResponse> ResponseT injectCredentialsAndInvokeV2(
        final RequestT request, final Function<RequestT, ResponseT> requestFunction) {
        if (stopped) {
            throw new Stopped();
        }
        if (request instanceof AdminLinkProviderForUserRequest || request instanceof AdminDisableProviderForUserRequest) {
            mutationSent = true;
        }
        return requestFunction.apply(request);
    }

    @Override
    public CognitoIdentityProviderClient client() {
        return client;
    }

    void stop() {
        stopped = true;
    }

    boolean mutationSent() {
        return mutationSent;
    }

    /** Thrown into a handler still running when the answer has been given. */
    static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("the answer to CloudFormation has been sent; no further Cognito call is made", null, false, false);
        }
    }
}
