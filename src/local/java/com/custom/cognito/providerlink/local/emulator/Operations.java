package com.custom.cognito.providerlink.local.emulator;

import com.custom.cognito.providerlink.local.emulator.UserPools.Identity;
import com.custom.cognito.providerlink.local.emulator.UserPools.Pool;
import com.custom.cognito.providerlink.local.emulator.UserPools.Provider;
import com.custom.cognito.providerlink.local.emulator.UserPools.User;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Cognito user-pool operations the emulator speaks. Each request is first held to the service model
 * ({@link ServiceModel}); then the operation follows what the API reference and the field reports say, and where
 * they say nothing, a {@link Behaviour} switch.
 */
final class Operations {

    static final Set<String> SUPPORTED = Set.of("AdminLinkProviderForUser", "AdminDisableProviderForUser", "AdminGetUser",
        "ListUsers",
        "CreateUserPool", "DeleteUserPool", "DescribeUserPool", "ListUserPools", "GetUserPoolMfaConfig", "CreateIdentityProvider",
        "DescribeIdentityProvider", "DeleteIdentityProvider", "AdminCreateUser", "AdminDeleteUser");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SOCIAL = Set.of("Facebook", "Google", "LoginWithAmazon", "SignInWithApple");
    /** The attributes ListUsers can filter on (API reference, ListUsers Filter). */
    private static final Set<String> FILTERABLE = Set.of("username", "email", "phone_number", "name", "given_name", "family_name",
        "preferred_username", "cognito:user_status", "status", "sub");
    private static final Pattern FILTER = Pattern.compile("\\s*([\\w:]+)\\s*(\\^?=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*");
    private static final int MAX_LINKS = 5;
    private static final String LEGACY_ALREADY_LINKED =
        "Invalid SourceUser: Cognito users with a username/password may not be passed"
            + " in as a SourceUser, only as a DestinationUser";
    private static final String MERGE_REFUSED =
        "Merging is not currently supported, provide a SourceUser that has not been signed up"
            + " in order to link";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserPools pools;
    private final Behaviour behaviour;

    Operations(final UserPools pools, final Behaviour behaviour) {
        this.pools = pools;
        this.behaviour = behaviour;
    }

    JsonNode handle(final String operation, final JsonNode request, final String region) {
        if (!SUPPORTED.contains(operation)) {
            throw CognitoError.client("UnknownOperationException", null);
        }
        ServiceModel.validate(operation, request);
        return switch (operation) {
            case "AdminLinkProviderForUser" -> link(request);
            case "AdminDisableProviderForUser" -> disable(request);
            case "AdminGetUser" -> getUser(request);
            case "ListUsers" -> listUsers(request);
            case "CreateUserPool" -> createUserPool(request, region);
            case "DeleteUserPool" -> deleteUserPool(request);
            case "DescribeUserPool" -> describeUserPool(request, region);
            case "ListUserPools" -> listUserPools(request);
            case "GetUserPoolMfaConfig" -> mfaConfig(request);
            case "CreateIdentityProvider" -> createIdentityProvider(request);
            case "DescribeIdentityProvider" -> describeIdentityProvider(request);
            case "DeleteIdentityProvider" -> deleteIdentityProvider(request);
            case "AdminCreateUser" -> adminCreateUser(request);
            default -> adminDeleteUser(request);
        };
    }

    // AdminLinkProviderForUser: the checks in the order field reports show them, with the uncertain ones behind switches.
    private JsonNode link(final JsonNode request) {
        final Pool pool = pool(request);
        final JsonNode destination = request.path("DestinationUser");
        final JsonNode source = request.path("SourceUser");
        final String sourceProvider = source.path("ProviderName").asText("");
        final String sourceValue = source.path("ProviderAttributeValue").asText("");
        if ("Cognito".equals(sourceProvider)) {
            throw CognitoError.invalidParameter(LEGACY_ALREADY_LINKED);
        }
        final User target;
        final Provider provider;
        if (behaviour.providerCheckedBeforeDestination) {
            provider = requireProvider(pool, sourceProvider);
            target = destinationOf(pool, destination);
        } else {
            target = destinationOf(pool, destination);
            provider = requireProvider(pool, sourceProvider);
        }
        for (String attribute : pool.immutableAttributes()) {
            if (target.attributes().containsKey(attribute)) {
                throw CognitoError.invalidParameter("All attributes in the DestinationUser profile must be mutable");
            }
        }
        if (!pool.holdersOf(sourceProvider, sourceValue).isEmpty()) {
            if (behaviour.alreadyLinkedAnsweredAsAliasExists && !pool.holdersOf(sourceProvider, sourceValue).contains(target)) {
                throw CognitoError.client("AliasExistsException",
                    "Source identity is already linked to a user in this user pool");
            }
            throw CognitoError.invalidParameter(behaviour.legacyAlreadyLinkedMessage
                ? LEGACY_ALREADY_LINKED
                : "SourceUser is already linked to DestinationUser");
        }
        final boolean hasOwnProfile = pool.user(sourceProvider + "_" + sourceValue) != null;
        if (hasOwnProfile && !behaviour.linkDespiteMergeRefusal) {
            throw CognitoError.invalidParameter(MERGE_REFUSED);
        }
        if (target.linkCount() >= MAX_LINKS) {
            throw CognitoError.client("LimitExceededException", "A user can have a maximum of 5 linked identities.");
        }
        if (behaviour.federatedUsernameLimit && sourceProvider.length() + 1 + sourceValue.length() > 128) {
            throw CognitoError.invalidParameter("1 validation error detected: SourceUser is too long.");
        }
        final String linkedBy = source.path("ProviderAttributeName").asText("Cognito_Subject");
        target.changeIdentities(
            () -> target.addIdentity(new Identity(sourceProvider, sourceValue, provider.type(), provider.issuer(),
                false, System.currentTimeMillis(), linkedBy)),
            behaviour.readLagCalls);
        if (hasOwnProfile) {
            throw CognitoError.invalidParameter(MERGE_REFUSED);
        }
        if (behaviour.linkAnsweredWithLegacyRefusal) {
            throw CognitoError.invalidParameter(LEGACY_ALREADY_LINKED);
        }
        return JSON.createObjectNode();
    }

    /**
     * AdminDisableProviderForUser names only the source identity. With provider {@code Cognito} it unlinks nothing:
     * it stops that native user from signing in with a password (API reference).
     */
    private JsonNode disable(final JsonNode request) {
        final Pool pool = pool(request);
        final JsonNode user = request.path("User");
        final String provider = user.path("ProviderName").asText("");
        final String attribute = user.path("ProviderAttributeName").asText("");
        final String value = user.path("ProviderAttributeValue").asText("");
        if ("Cognito".equals(provider)) {
            final User nativeUser = pool.user(value);
            if (nativeUser == null) {
                throw CognitoError.userNotFound();
            }
            nativeUser.disablePasswordSignIn();
            return JSON.createObjectNode();
        }
        for (User holder : pool.holdersOf(provider, value)) {
            final Identity identity = holder.linkedIdentity(provider, value);
            // Until its first sign-in, an identity linked by an attribute is named by that same attribute (API reference).
            if (identity.linkedBy().equals(attribute)) {
                holder.changeIdentities(() -> holder.removeIdentity(identity), behaviour.readLagCalls);
                return JSON.createObjectNode();
            }
        }
        throw CognitoError.invalidParameter("Account isn't linked to anyone else, verify that the account has been linked");
    }

    private JsonNode getUser(final JsonNode request) {
        final User user = pool(request).resolve(text(request, "Username"));
        if (user == null) {
            throw CognitoError.userNotFound();
        }
        final ObjectNode response = JSON.createObjectNode();
        response.put("Username", user.username());
        response.set("UserAttributes", user.renderAttributes(behaviour.emptyIdentitiesKeptAsEmptyArray));
        dates(response, user);
        response.put("Enabled", true);
        response.put("UserStatus", user.status());
        return response;
    }

    private JsonNode listUsers(final JsonNode request) {
        final Pool pool = pool(request);
        final int limit = request.hasNonNull("Limit") ? request.get("Limit").asInt() : 60;
        final long after = request.hasNonNull("PaginationToken") ? decodeToken(pool, request.get("PaginationToken").asText()) : 0;
        final Predicate<User> filter = filterOf(request.path("Filter").asText(""), pool);
        final List<User> matching = new ArrayList<>();
        for (User user : pool.users()) {
            if (user.sequence() > after && filter.test(user)) {
                matching.add(user);
            }
        }
        final List<User> page = matching.subList(0, Math.min(limit == 0 ? 60 : limit, matching.size()));
        final ObjectNode response = JSON.createObjectNode();
        final ArrayNode users = response.putArray("Users");
        final List<String> wanted = new ArrayList<>();
        request.path("AttributesToGet").forEach(a -> wanted.add(a.asText()));
        for (User user : page) {
            final ObjectNode entry = users.addObject();
            entry.put("Username", user.username());
            ArrayNode attributes = user.renderAttributes(behaviour.emptyIdentitiesKeptAsEmptyArray);
            if (!wanted.isEmpty()) {
                attributes = only(attributes, wanted);
            }
            entry.set("Attributes", attributes);
            dates(entry, user);
            entry.put("Enabled", true);
            entry.put("UserStatus", user.status());
        }
        if (page.size() < matching.size()) {
            response.put("PaginationToken", encodeToken(pool, page.get(page.size() - 1).sequence()));
        }
        return response;
    }

    private JsonNode createUserPool(final JsonNode request, final String region) {
        if (!request.path("AliasAttributes").isEmpty() && !request.path("UsernameAttributes").isEmpty()) {
            throw CognitoError.invalidParameter("Only one of the aliasAttributes or usernameAttributes can be set in a User "
                + "Pool.");
        }
        final Pool pool = pools.createPool(region + "_" + randomId(9), text(request, "PoolName"));
        request.path("AliasAttributes").forEach(a -> pool.aliasAttribute(a.asText()));
        request.path("UsernameAttributes").forEach(a -> pool.usernameAttribute(a.asText()));
        pool.caseSensitive(request.path("UsernameConfiguration").path("CaseSensitive").asBoolean(true));
        request.path("UserPoolTags").fields().forEachRemaining(tag -> pool.tags().put(tag.getKey(), tag.getValue().asText()));
        for (JsonNode attribute : request.path("Schema")) {
            if (!attribute.path("Mutable").asBoolean(true)) {
                pool.immutableAttribute("custom:" + attribute.path("Name").asText());
            }
        }
        final ObjectNode response = JSON.createObjectNode();
        response.set("UserPool", userPool(pool, region));
        return response;
    }

    private JsonNode deleteUserPool(final JsonNode request) {
        final String id = text(request, "UserPoolId");
        if (!pools.removePool(id)) {
            throw CognitoError.poolNotFound(id);
        }
        return JSON.createObjectNode();
    }

    private JsonNode describeUserPool(final JsonNode request, final String region) {
        final ObjectNode response = JSON.createObjectNode();
        response.set("UserPool", userPool(pool(request), region));
        return response;
    }

    /** UserPoolType, as DescribeUserPool answers it for a pool created with defaults and this pool's settings. */
    private static ObjectNode userPool(final Pool pool, final String region) {
        final ObjectNode type = JSON.createObjectNode().put("Id", pool.id()).put("Name", pool.name());
        type.putObject("Policies").putObject("PasswordPolicy").put("MinimumLength", 8).put("RequireUppercase", true)
            .put("RequireLowercase", true).put("RequireNumbers", true).put("RequireSymbols", true)
            .put("TemporaryPasswordValidityDays", 7);
        type.put("DeletionProtection", "INACTIVE");
        type.putObject("LambdaConfig");
        type.put("LastModifiedDate", pool.createdMillis() / 1000.0).put("CreationDate", pool.createdMillis() / 1000.0);
        final ArrayNode schema = type.putArray("SchemaAttributes");
        schema.addObject().put("Name", "sub").put("AttributeDataType", "String").put("DeveloperOnlyAttribute",
            false).put("Mutable", false)
            .put("Required", true).putObject("StringAttributeConstraints").put("MinLength", "1").put("MaxLength", "2048");
        for (String name : List.of("email", "phone_number", "preferred_username", "name", "given_name", "family_name")) {
            schema.addObject().put("Name", name).put("AttributeDataType", "String").put("DeveloperOnlyAttribute",
                false).put("Mutable", true)
                .put("Required", false).putObject("StringAttributeConstraints").put("MinLength", "0").put("MaxLength", "2048");
        }
        type.putArray("AutoVerifiedAttributes");
        final ArrayNode aliases = type.putArray("AliasAttributes");
        pool.aliasAttributes().forEach(aliases::add);
        final ArrayNode usernames = type.putArray("UsernameAttributes");
        pool.usernameAttributes().forEach(usernames::add);
        type.putObject("VerificationMessageTemplate").put("DefaultEmailOption", "CONFIRM_WITH_CODE");
        type.put("MfaConfiguration", "OFF");
        type.put("EstimatedNumberOfUsers", pool.users().size());
        type.putObject("EmailConfiguration").put("EmailSendingAccount", "COGNITO_DEFAULT");
        final ObjectNode tags = type.putObject("UserPoolTags");
        pool.tags().forEach(tags::put);
        type.putObject("AdminCreateUserConfig").put("AllowAdminCreateUserOnly", false).put("UnusedAccountValidityDays", 7);
        type.putObject("UsernameConfiguration").put("CaseSensitive", pool.caseSensitive());
        type.put("Arn", "arn:aws:cognito-idp:" + region + ":000000000000:userpool/" + pool.id());
        type.putObject("AccountRecoverySetting").putArray("RecoveryMechanisms").addObject().put("Priority", 1).put("Name",
            "verified_email");
        type.put("UserPoolTier", "ESSENTIALS");
        return type;
    }

    private JsonNode listUserPools(final JsonNode request) {
        final int max = request.path("MaxResults").asInt(60);
        final List<Pool> all = new ArrayList<>(pools.pools());
        int start = 0;
        if (request.hasNonNull("NextToken")) {
            start = -1;
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).id().equals(request.get("NextToken").asText())) {
                    start = i;
                }
            }
            if (start < 0) {
                throw CognitoError.invalidParameter("Invalid pagination token");
            }
        }
        final ObjectNode response = JSON.createObjectNode();
        final ArrayNode listed = response.putArray("UserPools");
        for (Pool pool : all.subList(start, Math.min(all.size(), start + max))) {
            listed.addObject().put("Id", pool.id()).put("Name", pool.name()).put("LastModifiedDate",
                pool.createdMillis() / 1000.0)
                .put("CreationDate", pool.createdMillis() / 1000.0).putObject("LambdaConfig");
        }
        if (start + max < all.size()) {
            response.put("NextToken", all.get(start + max).id());
        }
        return response;
    }

    private JsonNode mfaConfig(final JsonNode request) {
        pool(request);
        return JSON.createObjectNode().put("MfaConfiguration", "OFF");
    }

    private JsonNode createIdentityProvider(final JsonNode request) {
        final Pool pool = pool(request);
        final String name = text(request, "ProviderName");
        final String type = text(request, "ProviderType");
        if (SOCIAL.contains(type) && !name.equals(type)) {
            throw CognitoError.invalidParameter("Provider name for " + type + " must be " + type);
        }
        if (pool.provider(name) != null) {
            throw CognitoError.client("DuplicateProviderException", "A provider with the name " + name
                + " already exists in this pool.");
        }
        final Map<String, String> mapping = new LinkedHashMap<>();
        request.path("AttributeMapping").fields().forEachRemaining(e -> mapping.put(e.getKey(), e.getValue().asText()));
        final Map<String, String> details = new LinkedHashMap<>();
        request.path("ProviderDetails").fields().forEachRemaining(e -> details.put(e.getKey(), e.getValue().asText()));
        pool.addProvider(name, type, mapping, details);
        return describe(pool, pool.provider(name));
    }

    private JsonNode describeIdentityProvider(final JsonNode request) {
        final Pool pool = pool(request);
        final String name = text(request, "ProviderName");
        final Provider provider = pool.provider(name);
        if (provider == null) {
            throw CognitoError.client("ResourceNotFoundException", "Identity provider " + name + " does not exist.");
        }
        return describe(pool, provider);
    }

    private JsonNode deleteIdentityProvider(final JsonNode request) {
        final Pool pool = pool(request);
        final String name = text(request, "ProviderName");
        if (!pool.removeProvider(name)) {
            throw CognitoError.client("ResourceNotFoundException", "Identity provider " + name + " does not exist.");
        }
        return JSON.createObjectNode();
    }

    private JsonNode adminCreateUser(final JsonNode request) {
        final Pool pool = pool(request);
        final String username = text(request, "Username");
        if (!pool.usernameAttributes().isEmpty()) {
            final boolean email = pool.usernameAttributes().contains("email") && username.contains("@");
            final boolean phone = pool.usernameAttributes().contains("phone_number") && username.matches("\\+[0-9]{4,}");
            if (!email && !phone) {
                throw CognitoError.invalidParameter("Username should be " + (pool.usernameAttributes().size() > 1
                    ? "either an email or a"
                        + " phone number."
                    : pool.usernameAttributes().contains("email") ? "an email." : "a phone number."));
            }
        } else if (pool.aliasAttributes().contains("email") && username.contains("@")) {
            throw CognitoError.invalidParameter("Username cannot be of email format, since user pool is configured for email "
                + "alias.");
        }
        final boolean taken = pool.usernameAttributes().isEmpty() ? pool.user(username) != null : pool.resolve(username) != null;
        if (taken) {
            throw CognitoError.client("UsernameExistsException", "User account already exists");
        }
        final Map<String, String> attributes = new LinkedHashMap<>();
        for (JsonNode attribute : request.path("UserAttributes")) {
            final String name = attribute.path("Name").asText();
            if (name.equals("identities") || name.equals("sub")) {
                throw CognitoError.invalidParameter("Cannot modify the non-mutable attribute " + name);
            }
            attributes.put(name, attribute.path("Value").asText());
        }
        for (String alias : List.of("email", "phone_number")) {
            if (pool.aliasAttributes().contains(alias) && "true".equals(attributes.get(alias + "_verified"))) {
                final User holder = pool.aliasHolder(alias, attributes.get(alias), null);
                if (holder != null && !request.path("ForceAliasCreation").asBoolean(false)) {
                    throw CognitoError.client("AliasExistsException", "An account with the given " + alias.replace('_', ' ')
                        + " already exists.");
                }
                if (holder != null) {
                    holder.attributes().put(alias + "_verified", "false");
                }
            }
        }
        final User user = pool.signUp(username, attributes);
        final ObjectNode response = JSON.createObjectNode();
        final ObjectNode created = response.putObject("User");
        created.put("Username", user.username());
        created.set("Attributes", user.renderAttributes(behaviour.emptyIdentitiesKeptAsEmptyArray));
        dates(created, user);
        created.put("Enabled", true);
        created.put("UserStatus", user.status());
        return response;
    }

    private JsonNode adminDeleteUser(final JsonNode request) {
        final Pool pool = pool(request);
        final User user = pool.resolve(text(request, "Username"));
        if (user == null) {
            throw CognitoError.userNotFound();
        }
        pool.removeUser(user);
        return JSON.createObjectNode();
    }

    private Pool pool(final JsonNode request) {
        final String id = text(request, "UserPoolId");
        final Pool pool = pools.pool(id);
        if (pool == null) {
            throw CognitoError.poolNotFound(id);
        }
        return pool;
    }

    /** The destination: a native user (by username, or as AdminGetUser finds one); otherwise the federated profile {@code
     * <Provider>_<value>}. */
    private User destinationOf(final Pool pool, final JsonNode destination) {
        final String provider = destination.path("ProviderName").asText("");
        final String value = destination.path("ProviderAttributeValue").asText("");
        final User user = !"Cognito".equals(provider)
            ? pool.user(provider + "_" + value)
            : behaviour.linkFindsDestinationByAlias ? pool.resolve(value) : pool.user(value);
        if (user == null) {
            throw CognitoError.userNotFound();
        }
        return user;
    }

    /** Provider names are case-sensitive: {@code google} is not {@code Google}. */
    private static Provider requireProvider(final Pool pool, final String providerName) {
        final Provider provider = pool.provider(providerName);
        if (provider == null) {
            throw CognitoError.invalidParameter("The provider " + providerName + " does not exist for User Pool " + pool.id());
        }
        return provider;
    }

    /**
     * ListUsers' Filter: one attribute, {@code =} (exact) or {@code ^=} (prefix), the value in double quotes with
     * backslash escapes. {@code username} and {@code status} compare case-sensitively, {@code cognito:user_status}
     * case-insensitively (API reference); case for the others is a {@link Behaviour} switch.
     */
    private Predicate<User> filterOf(final String filter, final Pool pool) {
        if (filter.isBlank()) {
            return user -> true;
        }
        final Matcher matcher = FILTER.matcher(filter);
        if (!matcher.matches()) {
            throw CognitoError.invalidParameter("Error while parsing filter.");
        }
        final String attribute = matcher.group(1);
        if (!FILTERABLE.contains(attribute)) {
            throw CognitoError.invalidParameter("Invalid search attribute");
        }
        final boolean prefix = matcher.group(2).equals("^=");
        final String value = matcher.group(3).replaceAll("\\\\(.)", "$1");
        final boolean ignoreCase = attribute.equals("cognito:user_status")
            || !Set.of("username", "status", "sub").contains(attribute) && behaviour.filterIgnoresCase;
        return user -> {
            final String actual = switch (attribute) {
                case "username" -> user.username();
                case "sub" -> user.sub();
                case "cognito:user_status" -> user.status();
                case "status" -> "Enabled";
                default -> user.attributes().get(attribute);
            };
            if (actual == null) {
                return false;
            }
            final String left = ignoreCase ? actual.toLowerCase(Locale.ROOT) : actual;
            final String right = ignoreCase ? value.toLowerCase(Locale.ROOT) : value;
            return prefix ? left.startsWith(right) : left.equals(right);
        };
    }

    /** AttributesToGet fails when any returned user lacks a requested attribute (ListUsers API reference). */
    private static ArrayNode only(final ArrayNode attributes, final List<String> wanted) {
        final ArrayNode kept = JSON.createArrayNode();
        for (String name : wanted) {
            JsonNode found = null;
            for (JsonNode attribute : attributes) {
                if (attribute.path("Name").asText().equals(name)) {
                    found = attribute;
                }
            }
            if (found == null) {
                throw CognitoError.invalidParameter("One or more requested attributes do not exist for the user: " + name);
            }
            kept.add(found);
        }
        return kept;
    }

    private static JsonNode describe(final Pool pool, final Provider provider) {
        final ObjectNode response = JSON.createObjectNode();
        final ObjectNode described = response.putObject("IdentityProvider");
        described.put("UserPoolId", pool.id());
        described.put("ProviderName", provider.name());
        described.put("ProviderType", provider.type());
        final ObjectNode details = described.putObject("ProviderDetails");
        provider.details().forEach(details::put);
        final ObjectNode mapping = described.putObject("AttributeMapping");
        provider.attributeMapping().forEach(mapping::put);
        described.putArray("IdpIdentifiers");
        described.put("LastModifiedDate", provider.created() / 1000.0).put("CreationDate", provider.created() / 1000.0);
        return response;
    }

    /** Dates are epoch seconds with a fraction, as the JSON protocol writes timestamps. */
    private static void dates(final ObjectNode user, final User of) {
        user.put("UserCreateDate", of.createdMillis() / 1000.0);
        user.put("UserLastModifiedDate", of.modifiedMillis() / 1000.0);
    }

    private static String encodeToken(final Pool pool, final long lastSequence) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((pool.id() + ":"
            + lastSequence).getBytes(StandardCharsets.UTF_8));
    }

    private static long decodeToken(final Pool pool, final String token) {
        try {
            final String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            final int colon = decoded.lastIndexOf(':');
            if (colon < 0 || !decoded.substring(0, colon).equals(pool.id())) {
                throw CognitoError.invalidParameter("Invalid pagination token");
            }
            return Long.parseLong(decoded.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw CognitoError.invalidParameter("Invalid pagination token");
        }
    }

    private static String text(final JsonNode request, final String field) {
        return request.path(field).asText("");
    }

    private static String randomId(final int length) {
        final String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        final StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return id.toString();
    }
}
