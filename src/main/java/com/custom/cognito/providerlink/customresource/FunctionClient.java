package com.custom.cognito.providerlink.customresource;

import com.custom.cognito.providerlink.ownership.Ownership;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.cloudformation.proxy.ProxyClient;

/**
 * The handlers' Cognito calls in the custom-resource mode, made with the function's own credentials (the SDK's
 * default chain: the function's role). No call starts once the time set aside for deciding the answer has come, nor
 * after the answer is decided ({@link #stop()}); whether a link or unlink may have landed is the operation's
 * {@link Ownership}'s to say, not this client's.
 */
final class FunctionClient implements ProxyClient<CognitoIdentityProviderClient> {

    private final CognitoIdentityProviderClient client;
    private final Supplier<Duration> timeLeft;
    private volatile boolean stopped;

    FunctionClient(final CognitoIdentityProviderClient client, final Supplier<Duration> timeLeft) {
        this.client = client;
        this.timeLeft = timeLeft;
    }

    @Override
    public <RequestT extends AwsRequest, ResponseT extends AwsResponse> ResponseT injectCredentialsAndInvokeV2(
        final RequestT request, final Function<RequestT, ResponseT> requestFunction) {
        if (stopped) {
            throw new Ownership.NotSent("the answer to CloudFormation has been decided; no further Cognito call is made");
        }
        if (timeLeft.get().compareTo(Duration.ZERO) <= 0) {
            throw new Ownership.NotSent("the time set aside for deciding the answer has come; no further Cognito call is made");
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
}
