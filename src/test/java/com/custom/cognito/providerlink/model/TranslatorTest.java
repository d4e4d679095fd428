package com.custom.cognito.providerlink.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.custom.cognito.providerlink.DestinationUser;
import com.custom.cognito.providerlink.ResourceModel;
import com.custom.cognito.providerlink.SourceUser;
import org.junit.jupiter.api.Test;
import software.amazon.cloudformation.proxy.HandlerErrorCode;

class TranslatorTest {

    private static final ResourceModel SAML_BY_EMAIL = ResourceModel.builder()
        .userPoolId("us-east-1_X")
        .sourceUser(SourceUser.builder().providerName("CorpSAML").providerAttributeName("email").providerAttributeValue("a@b.c")
            .build())
        .destinationUser(DestinationUser.builder().providerName("Cognito").providerAttributeValue("alice")
            .providerAttributeName("ignored").build())
        .build();

    @Test
    void aDeclaredLinkKeepsTheSourceAttributeNameForTheLinkCall() {
        final ProviderLink link = Translator.toDeclaredLink(SAML_BY_EMAIL);

        assertThat(link.source().attributeName()).isEqualTo("email");
        assertThat(link.id()).isEqualTo("us-east-1_X|Cognito|alice|CorpSAML|a@b.c");
    }

    @Test
    void theReadableModelHasEveryReadablePropertyAndNoWriteOnlyOne() {
        final ResourceModel model = Translator.toModel(Translator.toDeclaredLink(SAML_BY_EMAIL));

        assertThat(model).isEqualTo(ResourceModel.builder()
            .id("us-east-1_X|Cognito|alice|CorpSAML|a@b.c")
            .userPoolId("us-east-1_X")
            .sourceUser(SourceUser.builder().providerName("CorpSAML").providerAttributeValue("a@b.c").build())
            .destinationUser(DestinationUser.builder().providerName("Cognito").build())
            .destinationUsername("alice")
            .build());
    }

    @Test
    void anIdentifiedLinkTakesTheAttributeNameFromPropertiesThatNameTheSameIdentity() {
        final ResourceModel withId = SAML_BY_EMAIL.toBuilder().id("us-east-1_X|Cognito|alice|CorpSAML|a@b.c").build();

        assertThat(Translator.toIdentifiedLink(withId).source().attributeName()).isEqualTo("email");
    }

    @Test
    void anIdentifiedLinkIgnoresAnAttributeNameOfADifferentIdentity() {
        final ResourceModel otherIdentity = SAML_BY_EMAIL.toBuilder().id("us-east-1_X|Cognito|alice|CorpSAML|other@b.c").build();

        final ProviderLink link = Translator.toIdentifiedLink(otherIdentity);

        assertThat(link.source().value()).as("the Id wins").isEqualTo("other@b.c");
        assertThat(link.source().attributeName()).isNull();
    }

    @Test
    void listNeedsAUserPoolId() {
        assertThatThrownBy(() -> Translator.toUserPoolId(null))
            .isInstanceOfSatisfying(LinkException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo(HandlerErrorCode.InvalidRequest))
            .hasMessageStartingWith("UserPoolId: is required");
        assertThat(Translator.toUserPoolId(ResourceModel.builder().userPoolId("us-east-1_X").build())).isEqualTo("us-east-1_X");
    }

    @Test
    void createWithNoPropertiesAtAllSaysWhichToDeclare() {
        assertThatThrownBy(() -> Translator.toDeclaredLink(null))
            .hasMessageContaining("declare UserPoolId, SourceUser and DestinationUser");
    }

    @Test
    void withIdCopiesTheModelAndLeavesTheOriginalAlone() {
        final ProviderLink link = Translator.toDeclaredLink(SAML_BY_EMAIL);

        final ResourceModel withId = Translator.withId(SAML_BY_EMAIL, link.id());

        assertThat(withId.getId()).isEqualTo(link.id());
        assertThat(withId.getSourceUser().getProviderAttributeName()).isEqualTo("email");
        assertThat(SAML_BY_EMAIL.getId()).isNull();
    }
}
