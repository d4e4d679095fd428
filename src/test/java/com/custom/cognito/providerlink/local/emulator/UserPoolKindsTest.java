package com.custom.cognito.providerlink.local.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.IdentityProviderTypeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;

/**
 * How each kind of user pool names its users, through the real SDK: email or phone usernames (a generated UUID
 * username, equal to the sub), aliases (verified email or phone, preferred_username), case-insensitive usernames.
 */
class UserPoolKindsTest extends EmulatorClient {

    @Test
    void inAnEmailUsernamePoolTheUsernameIsAGeneratedUuidEqualToTheSubAndTheEmailAnAttribute() {
        final String pool = cognito.createUserPool(r -> r.poolName("emails").usernameAttributes(UsernameAttributeType.EMAIL))
            .userPool().id();

        final UserType dave = cognito.adminCreateUser(r -> r.userPoolId(pool).username("dave@example.com")).user();

        assertThat(UUID.fromString(dave.username()).toString()).isEqualTo(dave.username());
        assertThat(attributeOf(dave.attributes(), "sub")).isEqualTo(dave.username());
        assertThat(attributeOf(dave.attributes(), "email")).isEqualTo("dave@example.com");
        for (String name : new String[]{"dave@example.com", dave.username()}) {
            assertThat(cognito.adminGetUser(r -> r.userPoolId(pool).username(name)).username()).isEqualTo(dave.username());
        }
        assertRefused(() -> cognito.adminCreateUser(r -> r.userPoolId(pool).username("dave")), "InvalidParameterException",
            "Username should be an email.");
        assertRefused(() -> cognito.adminCreateUser(r -> r.userPoolId(pool).username("dave@example.com")),
            "UsernameExistsException",
            "User account already exists");
    }

    @Test
    void aPhoneUsernamePoolTakesThePhoneNumberAsTheAttribute() {
        final String pool = cognito
            .createUserPool(r -> r.poolName("phones").usernameAttributes(UsernameAttributeType.PHONE_NUMBER))
            .userPool().id();

        final UserType pat = cognito.adminCreateUser(r -> r.userPoolId(pool).username("+15555550100")).user();

        assertThat(attributeOf(pat.attributes(), "phone_number")).isEqualTo("+15555550100");
        assertThat(cognito.adminGetUser(r -> r.userPoolId(pool).username("+15555550100")).username()).isEqualTo(pat.username());
    }

    @Test
    void inAnAliasPoolAVerifiedEmailOrAPreferredUsernameStandsForTheUserAndAnEmailCannotBeAUsername() {
        final String pool = cognito.createUserPool(r -> r.poolName("aliases")
            .aliasAttributes(AliasAttributeType.EMAIL, AliasAttributeType.PREFERRED_USERNAME)).userPool().id();
        cognito.adminCreateUser(r -> r.userPoolId(pool).username("erin").userAttributes(attribute("email", "erin@example.com"),
            attribute("email_verified", "true"), attribute("preferred_username", "e.r.i.n")));
        cognito
            .adminCreateUser(r -> r.userPoolId(pool).username("frank").userAttributes(attribute("email", "frank@example.com")));

        assertThat(cognito.adminGetUser(r -> r.userPoolId(pool).username("erin@example.com")).username()).isEqualTo("erin");
        assertThat(cognito.adminGetUser(r -> r.userPoolId(pool).username("e.r.i.n")).username()).isEqualTo("erin");
        assertRefused(() -> cognito.adminGetUser(r -> r.userPoolId(pool).username("frank@example.com")), "UserNotFoundException",
            "User does not exist.");
        assertRefused(() -> cognito.adminCreateUser(r -> r.userPoolId(pool).username("gina@example.com")),
            "InvalidParameterException",
            "Username cannot be of email format, since user pool is configured for email alias.");
        assertRefused(() -> cognito.adminCreateUser(r -> r.userPoolId(pool).username("erin2").userAttributes(
            attribute("email", "erin@example.com"), attribute("email_verified", "true"))), "AliasExistsException",
            "An account with the given email already exists.");
    }

    @Test
    void forcingAnAliasMovesItToTheNewUser() {
        final String pool = cognito.createUserPool(r -> r.poolName("aliases").aliasAttributes(AliasAttributeType.EMAIL))
            .userPool().id();
        cognito.adminCreateUser(r -> r.userPoolId(pool).username("erin").userAttributes(attribute("email", "erin@example.com"),
            attribute("email_verified", "true")));

        cognito.adminCreateUser(r -> r.userPoolId(pool).username("erin2").forceAliasCreation(true).userAttributes(
            attribute("email", "erin@example.com"), attribute("email_verified", "true")));

        assertThat(cognito.adminGetUser(r -> r.userPoolId(pool).username("erin@example.com")).username()).isEqualTo("erin2");
    }

    @Test
    void anUnverifiedAliasResolvesWhenTheSwitchSaysAliasesNeedNoVerification() {
        emulator.behaviour().aliasNeedsVerification = false;
        final String pool = cognito.createUserPool(r -> r.poolName("aliases").aliasAttributes(AliasAttributeType.EMAIL))
            .userPool().id();
        cognito
            .adminCreateUser(r -> r.userPoolId(pool).username("frank").userAttributes(attribute("email", "frank@example.com")));

        assertThat(cognito.adminGetUser(r -> r.userPoolId(pool).username("frank@example.com")).username()).isEqualTo("frank");
    }

    @Test
    void aCaseInsensitivePoolFindsUsernamesAndEmailAliasesInAnyCaseAndKeepsTheStoredSpelling() {
        final String pool = cognito.createUserPool(r -> r.poolName("folded").aliasAttributes(AliasAttributeType.EMAIL)
            .usernameConfiguration(c -> c.caseSensitive(false))).userPool().id();
        cognito.adminCreateUser(r -> r.userPoolId(pool).username("Alice").userAttributes(attribute("email", "Alice@Example.com"),
            attribute("email_verified", "true")));

        for (String name : new String[]{"alice", "ALICE", "alice@example.com"}) {
            final AdminGetUserResponse found = cognito.adminGetUser(r -> r.userPoolId(pool).username(name));
            assertThat(found.username()).isEqualTo("Alice");
        }
        assertRefused(() -> cognito.adminCreateUser(r -> r.userPoolId(pool).username("aLiCe")), "UsernameExistsException",
            "User account already exists");
    }

    @Test
    void aCaseSensitivePoolTellsUsernamesApartByCase() {
        final String pool = cognito.createUserPool(r -> r.poolName("exact")).userPool().id();
        cognito.adminCreateUser(r -> r.userPoolId(pool).username("alice"));

        cognito.adminCreateUser(r -> r.userPoolId(pool).username("Alice"));

        assertRefused(() -> cognito.adminGetUser(r -> r.userPoolId(pool).username("ALICE")), "UserNotFoundException",
            "User does not exist.");
    }

    @Test
    void aPoolCannotHaveBothAliasesAndUsernameAttributes() {
        assertRefused(() -> cognito.createUserPool(r -> r.poolName("both").aliasAttributes(AliasAttributeType.EMAIL)
            .usernameAttributes(UsernameAttributeType.EMAIL)), "InvalidParameterException",
            "Only one of the aliasAttributes or usernameAttributes can be set in a User Pool.");
    }

    @Test
    void linkingFindsANativeDestinationByAliasOnlyWhileTheSwitchSaysSo() {
        final String pool = cognito.createUserPool(r -> r.poolName("aliases").aliasAttributes(AliasAttributeType.EMAIL))
            .userPool().id();
        cognito
            .createIdentityProvider(r -> r.userPoolId(pool).providerName("Google").providerType(IdentityProviderTypeType.GOOGLE)
                .providerDetails(Map.of("client_id", "c", "client_secret", "s", "authorize_scopes", "openid")));
        cognito.adminCreateUser(r -> r.userPoolId(pool).username("erin").userAttributes(attribute("email", "erin@example.com"),
            attribute("email_verified", "true")));

        cognito.adminLinkProviderForUser(r -> r.userPoolId(pool).destinationUser(identifier("Cognito", null, "erin@example.com"))
            .sourceUser(identifier("Google", "Cognito_Subject", "g-1")));
        emulator.behaviour().linkFindsDestinationByAlias = false;

        assertRefused(() -> cognito.adminLinkProviderForUser(r -> r.userPoolId(pool).destinationUser(identifier("Cognito", null,
            "erin@example.com")).sourceUser(identifier("Google", "Cognito_Subject", "g-2"))), "UserNotFoundException",
            "User does not exist.");
        assertThat(attributeOf(cognito.adminGetUser(r -> r.userPoolId(pool).username("erin")).userAttributes(), "identities"))
            .contains("g-1");
    }
}
