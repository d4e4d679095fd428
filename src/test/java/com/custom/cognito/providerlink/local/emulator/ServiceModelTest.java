package com.custom.cognito.providerlink.local.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.local.emulator.Faults.Kind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminCreateUserRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DescribeIdentityProviderResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.IdentityProviderTypeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;

/**
 * The emulator held to the Cognito service model: its input rules (cross-checked against botocore's copy of the
 * model where the machine has one), its answers' shapes (every member the SDK's model class declares), and the
 * documented ListUsers filter, all through the real SDK client.
 */
class ServiceModelTest extends EmulatorClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private String pool() {
        final String pool = cognito.createUserPool(r -> r.poolName("model")).userPool().id();
        cognito
            .createIdentityProvider(r -> r.userPoolId(pool).providerName("Google").providerType(IdentityProviderTypeType.GOOGLE)
                .providerDetails(Map.of("client_id", "c", "client_secret", "s", "authorize_scopes", "openid")));
        cognito.adminCreateUser(r -> r.userPoolId(pool).username("alice").userAttributes(attribute("email", "alice@example.com"),
            attribute("given_name", "Alice"), attribute("family_name", "O'Hara")));
        cognito.adminCreateUser(r -> r.userPoolId(pool).username("alan").userAttributes(attribute("email", "ALAN@example.com")));
        return pool;
    }

    @Test
    void aMissingRequiredMemberIsRefusedBeforeAnyLookupWithTheServicesValidationText() {
        assertRefused(() -> cognito.adminGetUser(r -> r.userPoolId("us-east-1_Nowhere")), "InvalidParameterException",
            "1 validation error detected: Value null at 'username' failed to satisfy constraint: Member must not be null");
        assertRefused(
            () -> cognito.adminLinkProviderForUser(r -> r.userPoolId("us-east-1_Nowhere").sourceUser(identifier("Google", null,
                "1"))),
            "InvalidParameterException",
            "1 validation error detected: Value null at 'destinationUser' failed to satisfy constraint: Member must not be null");
        assertThat(emulator.requests().entries()).extracting(e -> e.errorType()).containsOnly("InvalidParameterException");
    }

    @Test
    void lengthsPatternsAndRangesAreCheckedTogetherAndASensitiveValueIsNeverQuoted() {
        assertRefused(() -> cognito.adminGetUser(r -> r.userPoolId("pool").username("has space")), "InvalidParameterException",
            "2 validation errors detected: Value 'pool' at 'userPoolId' failed to satisfy constraint: Member must satisfy "
                + "regular expression"
                + " pattern: [\\w-]+_[0-9a-zA-Z]+; Value at 'username' failed to satisfy constraint: Member must satisfy "
                + "regular expression"
                + " pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");
        assertRefused(() -> cognito.listUsers(r -> r.userPoolId("us-east-1_X").limit(61)), "InvalidParameterException",
            "1 validation error detected: Value '61' at 'limit' failed to satisfy constraint: Member must have value less than "
                + "or equal to 60");
        assertRefused(() -> cognito.adminGetUser(r -> r.userPoolId("us-east-1_X").username("x".repeat(129))),
            "InvalidParameterException",
            "1 validation error detected: Value at 'username' failed to satisfy constraint: Member must have length less than "
                + "or equal to 128");
        assertRefused(
            () -> cognito.adminLinkProviderForUser(r -> r.userPoolId("p").destinationUser(identifier("Cognito", null, "a"))
                .sourceUser(identifier("G".repeat(33), null, "1"))),
            "InvalidParameterException",
            "1 validation error detected: Value '" + "G".repeat(33)
                + "' at 'sourceUser.providerName' failed to satisfy constraint: Member must"
                + " have length less than or equal to 32");
    }

    @Test
    void aMemberOfTheWrongTypeIsASerializationError() throws Exception {
        final HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest
            .newBuilder(emulator.endpoint()).header("X-Amz-Target", "AWSCognitoIdentityProviderService.ListUsers")
            .header("Content-Type", "application/x-amz-json-1.1")
            .POST(HttpRequest.BodyPublishers.ofString("{\"UserPoolId\": \"us-east-1_X\", \"Limit\": \"ten\"}")).build(),
            HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(answer.body()).path("__type").asText()).isEqualTo("SerializationException");
        assertThat(JSON.readTree(answer.body()).path("message").asText()).contains("'Limit'");
    }

    @Test
    void everyMemberTheModelDeclaresForAUserIsAnsweredWithItsTypeExceptMfaSettingsOfAUserWithoutMfa() {
        final String pool = pool();

        final AdminGetUserResponse user = cognito.adminGetUser(r -> r.userPoolId(pool).username("alice"));
        final ListUsersResponse listed = cognito.listUsers(r -> r.userPoolId(pool));
        final DescribeIdentityProviderResponse provider = cognito
            .describeIdentityProvider(r -> r.userPoolId(pool).providerName("Google"));
        final UserPoolType described = cognito.describeUserPool(r -> r.userPoolId(pool)).userPool();

        assertThat(unset(user, Set.of("MFAOptions", "PreferredMfaSetting", "UserMFASettingList"))).isEmpty();
        assertThat(unset(listed.users().get(0), Set.of("MFAOptions"))).isEmpty();
        assertThat(unset(provider.identityProvider(), Set.of())).isEmpty();
        // settings a pool created with defaults does not have, and features the emulator does not model
        assertThat(unset(described, Set.of("SmsVerificationMessage", "EmailVerificationMessage", "EmailVerificationSubject",
            "SmsAuthenticationMessage", "UserAttributeUpdateSettings", "DeviceConfiguration", "SmsConfiguration",
            "SmsConfigurationFailure",
            "EmailConfigurationFailure", "Domain", "CustomDomain", "UserPoolAddOns", "Status", "KeyConfiguration",
            "IssuerConfiguration"))).isEmpty();
        assertThat(user.userCreateDate()).isNotNull().isBeforeOrEqualTo(user.userLastModifiedDate());
        assertThat(user.enabled()).isTrue();
        assertThat(user.userStatusAsString()).isEqualTo("FORCE_CHANGE_PASSWORD");
    }

    /** The members of an answer the SDK's model class declares but the answer left unset, except those expected to be. */
    private static List<String> unset(final SdkPojo answer, final Set<String> absentWhenUnset) {
        final List<String> missing = new ArrayList<>();
        for (SdkField<?> field : answer.sdkFields()) {
            if (!absentWhenUnset.contains(field.locationName()) && field.getValueOrDefault(answer) == null) {
                missing.add(field.locationName());
            }
        }
        return missing;
    }

    @Test
    void listUsersFiltersExactlyAndByPrefixOnTheDocumentedAttributesWithTheirCaseRules() {
        final String pool = pool();

        assertThat(usernames(pool, "username = \"alice\"")).containsExactly("alice");
        assertThat(usernames(pool, "username = \"ALICE\"")).as("username is case-sensitive").isEmpty();
        assertThat(usernames(pool, "username ^= \"al\"")).containsExactly("alice", "alan");
        assertThat(usernames(pool, "family_name = \"O'Hara\"")).containsExactly("alice");
        assertThat(usernames(pool, "given_name=\"Alice\"")).as("spaces around = are optional").containsExactly("alice");
        assertThat(usernames(pool, "email ^= \"alan\"")).as("other attributes compare as stored").isEmpty();
        assertThat(usernames(pool, "cognito:user_status = \"force_change_password\"")).as("case-insensitive").hasSize(2);
        assertThat(usernames(pool, "status = \"Enabled\"")).hasSize(2);
        assertThat(usernames(pool, "")).hasSize(2);
        emulator.behaviour().filterIgnoresCase = true;
        assertThat(usernames(pool, "email ^= \"alan\"")).containsExactly("alan");
        assertRefused(() -> usernames(pool, "identities = \"x\""), "InvalidParameterException", "Invalid search attribute");
        assertRefused(() -> usernames(pool, "custom:tenant = \"x\""), "InvalidParameterException", "Invalid search attribute");
        assertRefused(() -> usernames(pool, "email == alice"), "InvalidParameterException", "Error while parsing filter.");
    }

    @Test
    void aQuoteInAFilterValueIsEscapedWithABackslash() {
        final String pool = pool();
        cognito.adminCreateUser(r -> r.userPoolId(pool).username("quoted").userAttributes(attribute("name", "say \"hi\"")));

        assertThat(usernames(pool, "name = \"say \\\"hi\\\"\"")).containsExactly("quoted");
    }

    private static List<String> usernames(final String pool, final String filter) {
        return cognito.listUsers(r -> r.userPoolId(pool).filter(filter)).users().stream().map(u -> u.username()).toList();
    }

    @Test
    void aLinkCanBeMadeAlthoughCognitoAnswersAMergeRefusalWhenThatSwitchIsOn() {
        final String pool = pool();
        emulator.pools().pool(pool).addFederatedProfile("Google", "signed-in");
        emulator.behaviour().linkDespiteMergeRefusal = true;

        assertRefused(() -> link(pool, "signed-in"), "InvalidParameterException",
            "Merging is not currently supported, provide a SourceUser that has not been signed up in order to link");

        assertThat(emulator.pools().pool(pool).holdersOf("Google", "signed-in")).as("linked anyway").hasSize(1);
    }

    @Test
    void aLinkCanBeAnsweredWithThePre2024RefusalWhenThatSwitchIsOn() {
        final String pool = pool();
        emulator.behaviour().linkAnsweredWithLegacyRefusal = true;

        assertRefused(() -> link(pool, "g-9"), "InvalidParameterException",
            "Invalid SourceUser: Cognito users with a username/password may not be passed in as a SourceUser, only as a "
                + "DestinationUser");

        assertThat(emulator.pools().pool(pool).holdersOf("Google", "g-9")).hasSize(1);
    }

    @Test
    void anAnswerDroppedByAFaultStillLeavesTheLinkAndTheRequestLogSaysWhatHappened() {
        final String pool = pool();
        emulator.faults().on("AdminLinkProviderForUser").times(1).inject(Kind.APPLY_THEN_RESET);

        Assertions.assertThatThrownBy(() -> link(pool, "g-1"));

        assertThat(emulator.pools().pool(pool).holdersOf("Google", "g-1")).hasSize(1);
        assertThat(emulator.requests().entries()).filteredOn(e -> e.operation().equals("AdminLinkProviderForUser"))
            .singleElement().satisfies(e -> assertThat(e.isWrite()).isTrue());
    }

    private static void link(final String pool, final String subject) {
        cognito.adminLinkProviderForUser(r -> r.userPoolId(pool).destinationUser(identifier("Cognito", null, "alice"))
            .sourceUser(identifier("Google", "Cognito_Subject", subject)));
    }

    /**
     * The emulator's table of input rules is the service model's: every required member, length, pattern and enum it
     * checks for an operation is what botocore's copy of the model says. Skipped where the machine has no botocore.
     */
    @Test
    void theInputRulesAreTheServiceModelsWhereverTheMachineHasACopyOfIt() throws Exception {
        final JsonNode model = botocoreModel();
        Assumptions.assumeTrue(model != null,
            "botocore's cognito-idp model is not on this machine (python3 with botocore, as the AWS CLI"
                + " installs it)");
        final Map<String, List<ServiceModel.Member>> rules = ServiceModel.inputs();
        int checked = 0;
        for (Map.Entry<String, List<ServiceModel.Member>> operation : rules.entrySet()) {
            final JsonNode input = model.path("shapes").path(model.path("operations").path(operation.getKey()).path("input")
                .path("shape").asText());
            assertThat(input.isMissingNode()).as(operation.getKey()).isFalse();
            for (ServiceModel.Member rule : operation.getValue()) {
                final String path = rule.path();
                final JsonNode shape = shapeAt(model, input, path);
                assertThat(shape).as(operation.getKey() + " " + path).isNotNull();
                assertThat(rule.required()).as(operation.getKey() + " " + path + " required")
                    .isEqualTo(requiredIn(model, input, path));
                assertThat(rule.min()).as(path + " min").isEqualTo(shape.has("min")
                    ? shape.get("min")
                        .asInt()
                    : null);
                assertThat(rule.max()).as(path + " max").isEqualTo(shape.has("max")
                    ? shape.get("max")
                        .asInt()
                    : null);
                assertThat(rule.pattern()).as(path
                    + " pattern").isEqualTo(shape.path("pattern").asText(null));
                assertThat(rule.sensitive()).as(path
                    + " sensitive").isEqualTo(shape.path("sensitive")
                        .asBoolean(false));
                checked++;
            }
            for (JsonNode required : input.path("required")) {
                assertThat(operation.getValue().stream().map(ServiceModel.Member::path)).as(operation.getKey() + " requires "
                    + required)
                    .contains(required.asText());
            }
        }
        assertThat(checked).isGreaterThan(30);
        assertThat(AdminCreateUserRequest.builder().build().sdkFields()).isNotEmpty();
    }

    private static JsonNode shapeAt(final JsonNode model, final JsonNode input, final String path) {
        JsonNode shape = input;
        for (String part : path.split("\\.")) {
            final JsonNode member = shape.path("members").path(part);
            if (member.isMissingNode()) {
                return null;
            }
            shape = model.path("shapes").path(member.path("shape").asText());
        }
        return shape;
    }

    private static boolean requiredIn(final JsonNode model, final JsonNode input, final String path) {
        final int dot = path.lastIndexOf('.');
        final JsonNode parent = dot < 0 ? input : shapeAt(model, input, path.substring(0, dot));
        for (JsonNode required : parent.path("required")) {
            if (required.asText().equals(path.substring(dot + 1))) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode botocoreModel() {
        try {
            final Process python = new ProcessBuilder("python3", "-c",
                "import botocore, os; print(os.path.dirname(botocore.__file__))")
                .redirectErrorStream(true).start();
            final String dir = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!python.waitFor(30, TimeUnit.SECONDS) || python.exitValue() != 0) {
                return null;
            }
            final Path model = Path.of(dir, "data", "cognito-idp", "2016-04-18", "service-2.json.gz");
            if (!Files.isRegularFile(model)) {
                return null;
            }
            try (InputStream in = new GZIPInputStream(Files.newInputStream(model))) {
                return JSON.readTree(in);
            }
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
