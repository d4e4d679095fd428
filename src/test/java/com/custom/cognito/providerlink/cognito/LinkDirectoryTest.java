package com.custom.cognito.providerlink.cognito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.Credentials;
import software.amazon.cloudformation.proxy.LoggerProxy;
import software.amazon.cloudformation.proxy.ProxyClient;

class LinkDirectoryTest {

    @Test
    void collectHandsBackATokenOnceItsTimeIsUpWhateverItFound() {
        // the clock advances 4 s per reading: pages end at 4, 8 and 12 s, and the 10 s budget is spent after the third
        final CognitoIdentityProviderClient sdk = mock(CognitoIdentityProviderClient.class);
        when(sdk.listUsers(any(ListUsersRequest.class)))
            .thenReturn(ListUsersResponse.builder().users(UserType.builder().username("u").build()).paginationToken("next").build());
        final ProxyClient<CognitoIdentityProviderClient> client = new AmazonWebServicesClientProxy(new LoggerProxy(),
            new Credentials("a", "b", "c"), () -> 60_000L).newProxy(() -> sdk);
        final AtomicLong clock = new AtomicLong();
        final LinkDirectory.Budget budget = new LinkDirectory.Budget(100, 1000, Duration.ofSeconds(10));

        final LinkDirectory.Page page = LinkDirectory.collect(client, CognitoRequests.listUsers("p_1", null), budget,
            () -> clock.getAndAdd(Duration.ofSeconds(4).toNanos()));

        assertThat(page.links()).isEmpty();
        assertThat(page.nextToken()).isEqualTo("next");
        verify(sdk, times(3)).listUsers(any(ListUsersRequest.class));
    }
}
