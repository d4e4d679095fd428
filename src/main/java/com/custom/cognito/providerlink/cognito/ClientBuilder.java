package com.custom.cognito.providerlink.cognito;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClientBuilder;
import software.amazon.cloudformation.LambdaWrapper;

/**
 * The Cognito clients of one entry point, one per Region, on the plugin's shared HTTP client; an entry point makes
 * one and hands it to its handlers, so tests and the local tools pass one of their own. The endpoint is the SDK's
 * own choice ({@code AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER}, {@code AWS_ENDPOINT_URL}, or the system property
 * {@code aws.endpointUrlCognitoIdentityProvider}, read when a client is first built) unless one is given. Credentials
 * are not set here: the plugin's proxy puts the caller's on every request (in the custom-resource mode, the function's
 * own come from the SDK's default chain).
 *
 * <p>Not final: a test or an entry point may hand its handlers clients of its own.
 *
 * <p>The client makes exactly one attempt per call: {@link Attempts} retries, because it must see every attempt of a
 * link or unlink to report it to the operation's ownership.
 */
public class ClientBuilder {

    /** One attempt's limit; a call that hangs longer may still have reached Cognito, and is recorded so. */
    public static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(8);

    private final URI endpoint;
    private final Map<String, CognitoIdentityProviderClient> byRegion = new ConcurrentHashMap<>();

    /** Clients on the endpoint the SDK resolves (the real service, unless the environment names another). */
    public ClientBuilder() {
        this(null);
    }

    protected ClientBuilder(final URI endpoint) {
        this.endpoint = endpoint;
    }

    /** Clients on a given endpoint, such as a local emulator. */
    public static ClientBuilder at(final URI endpoint) {
        return new ClientBuilder(endpoint);
    }

    /** The client for a Region, built on first use. */
    public CognitoIdentityProviderClient client(final String region) {
        return byRegion.computeIfAbsent(region, r -> builder(r).build());
    }

    /**
     * How a Region's client is built: a subclass may add to it (the local tools observe what a handler reads), and a
     * client made from it is configured as the handlers' (the custom resource primes the SDK's request path with one).
     */
    public CognitoIdentityProviderClientBuilder builder(final String region) {
        final CognitoIdentityProviderClientBuilder builder = CognitoIdentityProviderClient.builder()
            .region(Region.of(region))
            .httpClient(LambdaWrapper.HTTP_CLIENT)
            .overrideConfiguration(c -> c
                .retryStrategy(AwsRetryStrategy.doNotRetry())
                .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                .apiCallTimeout(ATTEMPT_TIMEOUT));
        return endpoint == null ? builder : builder.endpointOverride(endpoint);
    }
}
