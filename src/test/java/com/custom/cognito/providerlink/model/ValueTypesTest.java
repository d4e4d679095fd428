package com.custom.cognito.providerlink.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ValueTypesTest {

    @Test
    void aSourceIdentityCanNeverBeANativeUser() {
        assertThatThrownBy(() -> SourceIdentity.observed("Cognito", "alice")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SourceIdentity.declared("Cognito", "Cognito_Subject", "alice"))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void identitiesAreTheSameByProviderAndValueWhateverTheAttributeName() {
        assertThat(SourceIdentity.declared("CorpSAML", "email", "a@b.c")).isEqualTo(SourceIdentity.observed("CorpSAML", "a@b.c"))
            .hasSameHashCodeAs(SourceIdentity.observed("CorpSAML", "a@b.c"));
        assertThat(SourceIdentity.observed("Google", "1")).isNotEqualTo(SourceIdentity.observed("google", "1"));
    }

    @Test
    void aFederatedDestinationIsLookedUpByItsProviderPrefixedUsername() {
        assertThat(Destination.of("LoginWithAmazon", "amzn1.account.X").username()).isEqualTo("LoginWithAmazon_amzn1.account.X");
        assertThat(Destination.nativeUser("alice").username()).isEqualTo("alice");
        assertThat(Destination.of("Facebook", "9").describe()).isEqualTo("federated user 'Facebook_9'");
    }

    @Test
    void descriptionsForLogsNeverHoldIdentityValues() {
        final ProviderLink link = new ProviderLink("us-east-1_X", Destination.nativeUser("alice"),
            SourceIdentity.declared("Google", "Cognito_Subject", "secret-sub"));

        assertThat(link.toString()).isEqualTo("link of a Google identity to a native user in "
            + "us-east-1_X").doesNotContain("alice");
        assertThat(link.source().toString()).doesNotContain("secret-sub");
        assertThat(Destination.of("Facebook", "99").toString()).isEqualTo("Facebook user");
    }

    @Test
    void linksAreEqualByPoolDestinationAndSource() {
        final ProviderLink link = new ProviderLink("p_1", Destination.nativeUser("a"), SourceIdentity.observed("Google", "1"));

        assertThat(link).isEqualTo(new ProviderLink("p_1", Destination.nativeUser("a"), SourceIdentity.declared("Google",
            "Cognito_Subject", "1")))
            .hasSameHashCodeAs(new ProviderLink("p_1", Destination.nativeUser("a"), SourceIdentity.observed("Google", "1")))
            .isNotEqualTo(new ProviderLink("p_2", Destination.nativeUser("a"), SourceIdentity.observed("Google", "1")))
            .isNotEqualTo(new ProviderLink("p_1", Destination.nativeUser("b"), SourceIdentity.observed("Google", "1")));
        assertThat(link.withSourceAttributeName("email").source().attributeName()).isEqualTo("email");
    }
}
