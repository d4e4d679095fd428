package com.custom.cognito.providerlink.cognito;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

class LinkDirectoryTest {

    @Test
    void collectHandsBackATokenOnceItsTimeIsUpWhateverItFound() {
        // the clock advances 4 s per reading: pages end at 4, 8 and 12 s, and the 10 s budget is spent after the third
        final List<ListUsersRequest> asked = new ArrayList<>();
        final AtomicLong clock = new AtomicLong();

        final LinkDirectory.Page page = LinkDirectory.collect(request -> {
            asked.add(request);
            return ListUsersResponse.builder().users(UserType.builder().username("u").build()).paginationToken("next-"
                + asked.size()).build();
        }, CognitoRequests.listUsers("p_1", null), new LinkDirectory.Budget(100, Duration.ofSeconds(10)),
            () -> clock.getAndAdd(Duration.ofSeconds(4).toNanos()));

        assertThat(page.links()).isEmpty();
        assertThat(page.nextToken()).isEqualTo("next-3");
        assertThat(asked).extracting(ListUsersRequest::paginationToken).containsExactly(null, "next-1", "next-2");
    }
}
