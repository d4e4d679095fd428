package com.custom.cognito.providerlink.cognito;

import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.model.Destination;
import com.custom.cognito.providerlink.model.ProviderLink;
import com.custom.cognito.providerlink.model.SourceIdentity;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminLinkProviderForUserRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersRequest;

class CognitoRequestsTest {

    @Test
    void theLinkRequestNamesTheFederatedDestinationByProviderAndId() {
        final AdminLinkProviderForUserRequest request = CognitoRequests.link(new ProviderLink("p_1", Destination.of("Facebook",
            "99"),
            SourceIdentity.declared("CorpSAML", "email", "a@b.c")));

        assertThat(request.destinationUser().providerName()).isEqualTo("Facebook");
        assertThat(request.destinationUser().providerAttributeValue()).isEqualTo("99");
        assertThat(request.sourceUser().providerAttributeName()).isEqualTo("email");
        assertThat(CognitoRequests.getUser(new ProviderLink("p_1", Destination.of("Facebook", "99"),
            SourceIdentity.declared("CorpSAML", "email", "a@b.c"))).username()).isEqualTo("Facebook_99");
    }

    @Test
    void listUsersAsksForTheLargestPageAndEveryAttribute() {
        final ListUsersRequest request = CognitoRequests.listUsers("p_1", null);

        assertThat(request.limit()).isEqualTo(60);
        assertThat(request.hasAttributesToGet()).isFalse();
        assertThat(request.filter()).isNull();
    }

    @Test
    void theDescribeRequestNamesThePoolAndProvider() {
        assertThat(CognitoRequests.describeProvider("p_1", "CorpSAML").providerName()).isEqualTo("CorpSAML");
    }
}
