package com.custom.cognito.providerlink.cognito;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.cloudformation.LambdaWrapper;

/**
 * One Cognito client per Region, on the plugin's shared HTTP client. The endpoint is the SDK's own choice, so the
 * standard settings ({@code AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER}, {@code AWS_ENDPOINT_URL}, or the system
 * property {@code aws.endpointUrlCognitoIdentityProvider}) point it at a local endpoint. Credentials are not set
 * here: the plugin's proxy puts the caller's on every request (the custom-resource mode's proxy, the function's own).
 *
 * <p>The client makes exactly one attempt per call: {@link Attempts} retries, because it must see every attempt of a
 * link or unlink to know whether one may have taken effect.
 */
public final class ClientBuilder {

    /** One attempt's limit; a call that hangs longer may still have reached Cognito, and is recorded so. */
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(8);

    private static final Map<String, CognitoIdentityProviderClient> CLIENTS = new ConcurrentHashMap<>();

    private ClientBuilder() {
    }

    /**
     * The client for a Region. The SDK resolves the endpoint when it builds a client, so the key also holds the two
     * endpoint system properties, which (unlike the environment) can change while the JVM runs.
     */
    public static CognitoIdentityProviderClient getClient(final String region) {
        final String key = region + "|" + System.getProperty("aws.endpointUrlCognitoIdentityProvider", "")
            + "|" + System.getProperty("aws.endpointUrl", "");
        return CLIENTS.computeIfAbsent(key, k -> CognitoIdentityProviderClient.builder()
            .region(Region.of(region))
            .httpClient(LambdaWrapper.HTTP_CLIENT)
            .overrideConfiguration(c -> c
                .retryStrategy(AwsRetryStrategy.doNotRetry())
                .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                .apiCallTimeout(ATTEMPT_TIMEOUT))
            .build());
    }
}
