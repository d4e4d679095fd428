package com.custom.cognito.providerlink.local.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.custom.cognito.providerlink.local.emulator.Faults.Kind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.IdentityProviderTypeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/**
 * The emulator speaks Cognito's AWS JSON 1.1 protocol to the real SDK client, with the validation, exception types
 * and messages the research records. Retries are off here, so each fault is seen as the service sends it.
 */
class CognitoEmulatorTest extends EmulatorClient {

    private String pool;

    @BeforeEach
    void pool() {
        emulator.reset();
        pool = cognito
            .createUserPool(r -> r.poolName("test").aliasAttributesWithStrings("email").schema(SchemaAttributeType.builder()
                .name("tenant").attributeDataType(AttributeDataType.STRING).mutable(false).build()))
            .userPool().id();
        cognito
            .createIdentityProvider(r -> r.userPoolId(pool).providerName("Google").providerType(IdentityProviderTypeType.GOOGLE)
                .providerDetails(Map.of("client_id", "id", "client_secret", "secret", "authorize_scopes", "openid")));
        cognito
            .createIdentityProvider(r -> r.userPoolId(pool).providerName("CorpSAML").providerType(IdentityProviderTypeType.SAML)
                .providerDetails(Map.of("MetadataURL", "https://idp.example.com/metadata"))
                .attributeMapping(Map.of("email", "mail")));
        cognito.adminCreateUser(r -> r.userPoolId(pool).username("alice").userAttributes(attribute("email", "alice@example.com"),
            attribute("email_verified", "true")));
    }

    @Test
    void poolIdsCarryTheRegionTheRequestWasSignedFor() {
        assertThat(pool).matches("eu-west-1_[0-9a-zA-Z]{9}");
        assertThat(emulator.requests().entries()).allSatisfy(e -> assertThat(e.accessKeyId()).isEqualTo("AKIAEMULATORTEST"));
    }

    @Test
    void aLinkShowsAsACompactIdentitiesEntryOnTheDestinationAtOnce() {
        link("Google", "Cognito_Subject", "g-1", "alice");

        final AdminGetUserResponse alice = cognito.adminGetUser(r -> r.userPoolId(pool).username("alice"));

        assertThat(attributeOf(alice.userAttributes(), "identities")).matches(
            "\\[\\{\"userId\":\"g-1\",\"providerName\":\"Google\",\"providerType\":\"Google\",\"issuer\":null,"
                + "\"primary\":false,\"dateCreated\":\\d+}]");
    }

    @Test
    void aDestinationIsFoundByUsernameAliasOrSub() {
        final String sub = cognito.adminGetUser(r -> r.userPoolId(pool).username("alice")).userAttributes().stream()
            .filter(a -> a.name().equals("sub")).findFirst().orElseThrow().value();

        assertThat(cognito.adminGetUser(r -> r.userPoolId(pool).username("alice@example.com")).username()).isEqualTo("alice");
        assertThat(cognito.adminGetUser(r -> r.userPoolId(pool).username(sub)).username()).isEqualTo("alice");
    }

    @Test
    void linkRefusesEachCaseWithTheServicesExceptionAndText() {
        cognito.adminCreateUser(r -> r.userPoolId(pool).username("bob"));
        emulator.pools().pool(pool).addFederatedProfile("Google", "signed-in");
        cognito.adminCreateUser(r -> r.userPoolId(pool).username("tina").userAttributes(attribute("custom:tenant", "t1")));
        link("Google", "Cognito_Subject", "g-1", "alice");

        assertRefused(() -> link("Cognito", "Cognito_Subject", "bob", "alice"), "InvalidParameterException",
            "Invalid SourceUser: Cognito users with a username/password may not be passed in as a SourceUser, only as a "
                + "DestinationUser");
        assertRefused(() -> link("Google", "Cognito_Subject", "g-2", "nobody"), "UserNotFoundException", "User does not exist.");
        assertRefused(() -> link("google", "Cognito_Subject", "g-2", "alice"), "InvalidParameterException",
            "The provider google does not exist for User Pool " + pool);
        assertRefused(() -> link("Google", "Cognito_Subject", "g-1", "bob"), "InvalidParameterException",
            "SourceUser is already linked to DestinationUser");
        assertRefused(() -> link("Google", "Cognito_Subject", "signed-in", "bob"), "InvalidParameterException",
            "Merging is not currently supported, provide a SourceUser that has not been signed up in order to link");
        assertRefused(() -> link("Google", "Cognito_Subject", "g-3", "tina"), "InvalidParameterException",
            "All attributes in the DestinationUser profile must be mutable");
        assertRefused(() -> cognito.adminLinkProviderForUser(r -> r.userPoolId("us-east-1_Missing")
            .destinationUser(identifier("Cognito", null, "alice")).sourceUser(identifier("Google", null, "g-4"))),
            "ResourceNotFoundException", "User pool us-east-1_Missing does not exist.");
    }

    @Test
    void aUserHoldsAtMostFiveLinks() {
        for (int i = 0; i < 5; i++) {
            link("Google", "Cognito_Subject", "g-" + i, "alice");
        }

        assertRefused(() -> link("Google", "Cognito_Subject", "g-5", "alice"), "LimitExceededException", null);
    }

    @Test
    void disableRemovesTheLinkAndAnswersIsntLinkedOtherwise() {
        link("CorpSAML", "email", "alice@example.com", "alice");

        assertRefused(() -> disable("CorpSAML", "Cognito_Subject", "alice@example.com"), "InvalidParameterException",
            "Account isn't linked to anyone else, verify that the account has been linked");
        disable("CorpSAML", "email", "alice@example.com");

        assertThat(attributeOf(cognito.adminGetUser(r -> r.userPoolId(pool).username("alice")).userAttributes(), "identities"))
            .isEqualTo("[]");
        assertRefused(() -> disable("CorpSAML", "email", "alice@example.com"), "InvalidParameterException",
            "Account isn't linked to anyone else, verify that the account has been linked");
    }

    @Test
    void disableWithProviderCognitoDisablesPasswordSignInAndUnlinksNothing() {
        link("Google", "Cognito_Subject", "g-1", "alice");

        disable("Cognito", "Cognito_Subject", "alice");

        assertThat(emulator.pools().pool(pool).user("alice").passwordSignInDisabled()).isTrue();
        assertThat(emulator.pools().pool(pool).holdersOf("Google", "g-1")).hasSize(1);
    }

    @Test
    void listUsersPagesWithoutDuplicatesWithinItsLimitBounds() {
        for (int i = 0; i < 130; i++) {
            final String name = "user" + i;
            cognito.adminCreateUser(r -> r.userPoolId(pool).username(name));
        }
        final Set<String> seen = new HashSet<>();
        final List<Integer> sizes = new ArrayList<>();
        String token = null;
        do {
            final String current = token;
            final ListUsersResponse page = cognito.listUsers(r -> r.userPoolId(pool).limit(60).paginationToken(current));
            sizes.add(page.users().size());
            page.users().forEach(u -> assertThat(seen.add(u.username())).isTrue());
            token = page.paginationToken();
        } while (token != null);

        assertThat(seen).hasSize(131);
        assertThat(sizes).containsExactly(60, 60, 11);
        assertRefused(() -> cognito.listUsers(r -> r.userPoolId(pool).limit(61)), "InvalidParameterException", null);
        assertRefused(() -> cognito.listUsers(r -> r.userPoolId(pool).paginationToken("bogus")), "InvalidParameterException",
            "Invalid pagination token");
    }

    @Test
    void listUsersFiltersOnlyOnSearchableAttributesAndAttributesToGetFailsOnUnsetOnes() {
        cognito.adminCreateUser(r -> r.userPoolId(pool).username("bob"));
        link("Google", "Cognito_Subject", "g-1", "alice");

        assertThat(cognito.listUsers(r -> r.userPoolId(pool).filter("username ^= \"ali\"")).users())
            .extracting(UserType::username)
            .containsExactly("alice");
        assertRefused(() -> cognito.listUsers(r -> r.userPoolId(pool).filter("identities = \"x\"")), "InvalidParameterException",
            "Invalid search attribute");
        assertRefused(() -> cognito.listUsers(r -> r.userPoolId(pool).attributesToGet("identities")), "InvalidParameterException",
            null);
    }

    @Test
    void malformedPoolIdsAreRefusedByTheReadOperationsAndNotFoundByLink() {
        assertRefused(() -> cognito.adminGetUser(r -> r.userPoolId("bad pool").username("alice")), "InvalidParameterException",
            null);
        assertRefused(() -> link("Google", "Cognito_Subject", "g-1", "alice", "bad pool"), "ResourceNotFoundException", null);
    }

    @Test
    void anUnknownOperationAnswersAsTheServiceDoes() throws Exception {
        final HttpResponse<String> response = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(emulator.endpoint() + "/"))
                .header("X-Amz-Target", "AWSCognitoIdentityProviderService.NoSuchThing").header("Content-Type",
                    "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"__type\":\"UnknownOperationException\"}");
    }

    @Test
    void injectedFaultsLookLikeTheServices() {
        emulator.faults().on("AdminGetUser").times(1).inject(Kind.THROTTLE);
        emulator.faults().on("AdminGetUser").times(1).inject(Kind.INTERNAL_ERROR);
        emulator.faults().on("AdminGetUser").times(1).inject(Kind.NOT_AUTHORIZED);
        emulator.faults().on("AdminGetUser").times(1).inject(Kind.ACCESS_DENIED);
        emulator.faults().on("AdminGetUser").times(1).inject(Kind.CONNECTION_RESET);

        assertThatThrownBy(this::getAlice).isInstanceOfSatisfying(AwsServiceException.class, e -> {
            assertThat(e.statusCode()).as("Cognito throttles with 400, not 429").isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("TooManyRequestsException");
            assertThat(e.isThrottlingException()).isTrue();
        });
        assertThatThrownBy(this::getAlice).isInstanceOfSatisfying(AwsServiceException.class,
            e -> assertThat(e.statusCode()).isEqualTo(500));
        assertRefused(this::getAlice, "NotAuthorizedException", null);
        assertRefused(this::getAlice, "AccessDeniedException", null);
        assertThatThrownBy(this::getAlice).isInstanceOf(SdkClientException.class);
        assertThat(getAlice().username()).isEqualTo("alice");
    }

    @Test
    void anAnswerLostAfterTheLinkStillLeavesTheLink() {
        emulator.faults().on("AdminLinkProviderForUser").times(1).inject(Kind.APPLY_THEN_RESET);

        assertThatThrownBy(() -> link("Google", "Cognito_Subject", "g-1", "alice")).isInstanceOf(SdkClientException.class);

        assertThat(emulator.pools().pool(pool).holdersOf("Google", "g-1")).hasSize(1);
    }

    @Test
    void theUnverifiedBehavioursFollowTheirSwitches() {
        final Behaviour behaviour = emulator.behaviour();
        behaviour.legacyAlreadyLinkedMessage = true;
        behaviour.emptyIdentitiesKeptAsEmptyArray = false;
        behaviour.federatedUsernameLimit = true;
        behaviour.readLagCalls = 1;
        link("Google", "Cognito_Subject", "g-1", "alice");

        assertThat(attributeOf(getAlice().userAttributes(), "identities")).as("one stale read").isNull();
        assertThat(attributeOf(getAlice().userAttributes(), "identities")).contains("g-1");
        assertRefused(() -> link("Google", "Cognito_Subject", "g-1", "alice"), "InvalidParameterException",
            "Invalid SourceUser: Cognito users with a username/password may not be passed in as a SourceUser, only as a"
                + " DestinationUser");
        assertRefused(() -> link("Google", "Cognito_Subject", "x".repeat(125), "alice"), "InvalidParameterException", null);
        disable("Google", "Cognito_Subject", "g-1");
        getAlice();
        assertThat(attributeOf(getAlice().userAttributes(), "identities")).as("removed, not []").isNull();
        behaviour.providerCheckedBeforeDestination = true;
        assertRefused(() -> link("google", "Cognito_Subject", "g-2", "nobody"), "InvalidParameterException",
            "The provider google does not exist for User Pool " + pool);
    }

    @Test
    void theQuotaLetsACategoryBurstOneSecondsWorthThenThrottlesUntilItRefills() {
        final long[] now = {0};
        emulator.quotas().clock(() -> now[0]);
        emulator.quotas().enable();
        for (int i = 0; i < 120; i++) {
            getAlice();
        }

        assertRefused(this::getAlice, "TooManyRequestsException", "Rate exceeded");
        assertThat(cognito.listUsers(r -> r.userPoolId(pool)).users()).as("UserList has its own bucket").isNotEmpty();

        now[0] += 100_000_000L;
        for (int i = 0; i < 12; i++) {
            getAlice();
        }
        assertRefused(this::getAlice, "TooManyRequestsException", "Rate exceeded");
    }

    private AdminGetUserResponse getAlice() {
        return cognito.adminGetUser(r -> r.userPoolId(pool).username("alice"));
    }

    private void link(final String provider, final String attribute, final String value, final String username) {
        link(provider, attribute, value, username, pool);
    }

    private void link(final String provider, final String attribute, final String value, final String username,
        final String poolId) {
        cognito.adminLinkProviderForUser(r -> r.userPoolId(poolId).destinationUser(identifier("Cognito", null, username))
            .sourceUser(identifier(provider, attribute, value)));
    }

    private void disable(final String provider, final String attribute, final String value) {
        cognito.adminDisableProviderForUser(r -> r.userPoolId(pool).user(identifier(provider, attribute, value)));
    }
}
