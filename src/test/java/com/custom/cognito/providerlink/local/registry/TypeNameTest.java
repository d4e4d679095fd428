package com.custom.cognito.providerlink.local.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TypeNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"Custom::Cognito::ProviderLink", "AWS::Cognito::ProviderLink", "aws::Cognito::ProviderLink",
        "Alexa::Ab::Cd",
        "AMZN::Ab::Cd", "Amazon::Ab::Cd", "ASK::Ab::Cd", "Dev::Cognito::ProviderLink"})
    void reservedNamespacesAreRefusedSayingWhyAndWhatToUseInstead(final String name) {
        assertThatThrownBy(() -> TypeName.parse(name)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("is a reserved namespace").hasMessageContaining("Use your organisation's name instead, e.g. "
                + "Acme::");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Acme", "Acme::Cognito", "Acme::Cognito::Provider-Link", "A::Cognito::ProviderLink",
        "Acme::Cognito::ProviderLink::X"})
    void namesThatAreNotOrganizationServiceResourceAreRefused(final String name) {
        assertThatThrownBy(() -> TypeName.parse(name)).hasMessageContaining("Organization::Service::Resource");
    }

    @Test
    void noNameAtAllSaysHowToPassOne() {
        assertThatThrownBy(() -> TypeName.parse(null)).hasMessageContaining("-Dtype.name=Acme::Cognito::ProviderLink");
    }

    @Test
    void aChosenNameGivesTheCliDerivedNames() {
        final TypeName name = TypeName.parse(" Acme::Cognito::ProviderLink ");

        assertThat(name.toString()).isEqualTo("Acme::Cognito::ProviderLink");
        assertThat(name.hyphenated()).isEqualTo("acme-cognito-providerlink");
        assertThat(name.hyphenatedCaseSensitive()).isEqualTo("Acme-Cognito-ProviderLink");
        assertThat(name.publishingWarning()).isNull();
        assertThat(TypeName.parse("AWSQuickStart::Cognito::ProviderLink").publishingWarning()).contains("never published");
    }
}
