package com.custom.cognito.providerlink.local.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ProviderUserIdentifierType;
import software.amazon.cloudformation.LambdaWrapper;

/** The emulator behind the real SDK client, one attempt per call, so that every answer is seen as the service sends it. */
abstract class EmulatorClient {

    static CognitoEmulator emulator;
    static CognitoIdentityProviderClient cognito;

    @BeforeAll
    static void start() {
        try {
            emulator = CognitoEmulator.start(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cognito = CognitoIdentityProviderClient.builder()
            .endpointOverride(emulator.endpoint())
            .region(Region.EU_WEST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAEMULATORTEST", "secret")))
            .httpClient(LambdaWrapper.HTTP_CLIENT)
            .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD).retryStrategy(b -> b.maxAttempts(1)))
            .build();
    }

    @AfterAll
    static void stop() {
        cognito.close();
        emulator.close();
    }

    @BeforeEach
    void reset() {
        emulator.reset();
    }

    static AttributeType attribute(final String name, final String value) {
        return AttributeType.builder().name(name).value(value).build();
    }

    static ProviderUserIdentifierType identifier(final String provider, final String attribute, final String value) {
        return ProviderUserIdentifierType.builder().providerName(provider).providerAttributeName(attribute)
            .providerAttributeValue(value)
            .build();
    }

    static String attributeOf(final List<AttributeType> attributes, final String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).map(AttributeType::value).findFirst().orElse(null);
    }

    static void assertRefused(final Runnable call, final String type, final String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AwsServiceException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(type);
            assertThat(e.statusCode()).isEqualTo(400);
            if (message != null) {
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
            }
        });
    }
}
