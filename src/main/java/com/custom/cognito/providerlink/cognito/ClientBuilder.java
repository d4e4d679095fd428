package com.custom.cognito.providerlink.cognito;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.cloudformation.LambdaWrapper;

/**
 * One Cognito client per Region, on the plugin's shared HTTP client. The endpoint is the SDK's own choice, so the
 * standard settings ({@code AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER}, {@code AWS_ENDPOINT_URL}, or the system
 * property {@code aws.endpointUrlCognitoIdentityProvider}) point it at a local endpoint. Credentials are not set
 * here: the plugin's proxy puts the caller's on every request.
 */
public final class ClientBuilder {

    /**
     * Throttling ({@code TooManyRequestsException}) and 5xx answers are retried with jittered exponential backoff,
     * bounded so that a synchronous Read or List still answers within CloudFormation's 30 seconds. The circuit
     * breaker is off: its token bucket is shared by all invocations in a warm Lambda and would fail a fresh
     * operation because of an earlier one's retries.
     */
    static final int MAX_ATTEMPTS = 5;
    static final RetryStrategy RETRY_STRATEGY = AwsRetryStrategy.standardRetryStrategy().toBuilder()
        .maxAttempts(MAX_ATTEMPTS)
        .circuitBreakerEnabled(false)
        .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(100), Duration.ofSeconds(2)))
        .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(500), Duration.ofSeconds(4)))
        .build();
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(8);
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(25);

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
                .retryStrategy(RETRY_STRATEGY)
                .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                .apiCallTimeout(CALL_TIMEOUT))
            .build());
    }
}
