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
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Cognito user-pool operations the emulator speaks, with the validation, exception types and messages recorded
 * in {@code cognito-semantics.md} (its emulator section). Texts marked there as unverified are the research's best
 * guess; behaviours it could not settle are switches in {@link Behaviour}.
 */
final class Operations {

    static final Set<String> SUPPORTED = Set.of("AdminLinkProviderForUser", "AdminDisableProviderForUser", "AdminGetUser",
        "ListUsers",
        "CreateUserPool", "DeleteUserPool", "CreateIdentityProvider", "DescribeIdentityProvider", "AdminCreateUser",
            "AdminDeleteUser");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern POOL_ID = Pattern.compile("[\\w-]+_[0-9a-zA-Z]+");
    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");
    private static final Pattern PROVIDER_NAME_V2 = Pattern.compile("[^_\\p{Z}][\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}][^_\\p{Z}]+");
    private static final Set<String> PROVIDER_TYPES = Set.of("SAML", "Facebook", "Google", "LoginWithAmazon", "SignInWithApple",
        "OIDC");
    private static final Set<String> SOCIAL = Set.of("Facebook", "Google", "LoginWithAmazon", "SignInWithApple");
    private static final Set<String> FILTERABLE = Set.of("username", "email", "phone_number", "name", "given_name", "family_name",
        "preferred_username", "cognito:user_status", "status", "sub");
    private static final Pattern FILTER = Pattern.compile("\\s*([\\w:]+)\\s*(\\^?=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*");
    private static final int MAX_LINKS = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserPools pools;
    private final Behaviour behaviour;

    Operations(final UserPools pools, final Behaviour behaviour) {
        this.pools = pools;
        this.behaviour = behaviour;
    }

    JsonNode handle(final String operation, final JsonNode request, final String region) {
        return switch (operation) {
            case "AdminLinkProviderForUser" -> link(request);
            case "AdminDisableProviderForUser" -> disable(request);
            case "AdminGetUser" -> getUser(request);
            case "ListUsers" -> listUsers(request);
            case "CreateUserPool" -> createUserPool(request, region);
            case "DeleteUserPool" -> deleteUserPool(request);
            case "CreateIdentityProvider" -> createIdentityProvider(request);
            case "DescribeIdentityProvider" -> describeIdentityProvider(request);
            case "AdminCreateUser" -> adminCreateUser(request);
            case "AdminDeleteUser" -> adminDeleteUser(request);
            default -> throw CognitoError.client("UnknownOperationException", null);
        };
    }

    // AdminLinkProviderForUser: the checks in the research's order, with the one uncertain step behind a switch.
    private JsonNode link(final JsonNode request) {
        final Pool pool = linkPool(request);
        final JsonNode destination = request.path("DestinationUser");
        final JsonNode source = request.path("SourceUser");
        final String sourceProvider = source.path("ProviderName").asText("");
        final String sourceValue = source.path("ProviderAttributeValue").asText("");
        if ("Cognito".equals(sourceProvider)) {
            throw CognitoError.invalidParameter("Invalid SourceUser: Cognito users with a username/password may not be passed "
                + "in as a"
                + " SourceUser, only as a DestinationUser");
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
            throw CognitoError.invalidParameter(behaviour.legacyAlreadyLinkedMessage
                ? "Invalid SourceUser: Cognito users with a username/password may not be passed in as a SourceUser, only as a "
                + "DestinationUser"
                : "SourceUser is already linked to DestinationUser");
        }
        if (pool.user(sourceProvider + "_" + sourceValue) != null) {
            throw CognitoError.invalidParameter("Merging is not currently supported, provide a SourceUser that has not been "
                + "signed up in"
                + " order to link");
        }
        if (target.linkCount() >= MAX_LINKS) {
            throw CognitoError.client("LimitExceededException", "A user can have a maximum of 5 linked identities.");
        }
        if (behaviour.federatedUsernameLimit && sourceProvider.length() + 1 + sourceValue.length() > 128) {
            throw CognitoError.invalidParameter("1 validation error detected: SourceUser is too long.");
        }
        final String linkedBy = source.path("ProviderAttributeName").asText("Cognito_Subject");
        target.changeIdentities(()
            -> target.addIdentity(new Identity(sourceProvider, sourceValue, provider.type(), provider.issuer(),
            false, System.currentTimeMillis(), linkedBy)), behaviour.readLagCalls);
        return JSON.createObjectNode();
    }

    /**
     * AdminDisableProviderForUser names only the source identity. With provider {@code Cognito} it unlinks nothing:
     * it stops that native user from signing in with a password (API reference).
     */
    private JsonNode disable(final JsonNode request) {
        final Pool pool = linkPool(request);
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
        final Pool pool = readPool(request);
        final String username = username(request);
        final User user = pool.resolve(username);
        if (user == null) {
            throw CognitoError.userNotFound();
        }
        final ObjectNode response = JSON.createObjectNode();
        response.put("Username", user.username());
        response.set("UserAttributes", user.renderAttributes(behaviour.emptyIdentitiesKeptAsEmptyArray));
        response.put("UserCreateDate", user.createdMillis() / 1000.0);
        response.put("UserLastModifiedDate", user.modifiedMillis() / 1000.0);
        response.put("Enabled", true);
        response.put("UserStatus", user.status());
        return response;
    }

    private JsonNode listUsers(final JsonNode request) {
        final Pool pool = readPool(request);
        final int limit = request.hasNonNull("Limit") ? request.get("Limit").asInt() : 60;
        if (limit < 0 || limit > 60) {
            throw CognitoError.invalidParameter("1 validation error detected: Value '" + limit + "' at 'limit' failed to satisfy"
                + " constraint: Member must have value less than or equal to 60");
        }
        final long after = request.hasNonNull("PaginationToken") ? decodeToken(pool, request.get("PaginationToken").asText()) : 0;
        final Predicate<User> filter = filterOf(request.path("Filter").asText(""));
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
            entry.put("UserCreateDate", user.createdMillis() / 1000.0);
            entry.put("UserLastModifiedDate", user.modifiedMillis() / 1000.0);
            entry.put("Enabled", true);
            entry.put("UserStatus", user.status());
        }
        if (page.size() < matching.size()) {
            response.put("PaginationToken", encodeToken(pool, page.get(page.size() - 1).sequence()));
        }
        return response;
    }

    private JsonNode createUserPool(final JsonNode request, final String region) {
        final String name = text(request, "PoolName");
        if (name.isEmpty()) {
            throw CognitoError.invalidParameter("1 validation error detected: Value at 'poolName' failed to satisfy "
                + "constraint: Member must"
                + " have length greater than or equal to 1");
        }
        final Pool pool = pools.createPool(region + "_" + randomId(9), name);
        request.path("AliasAttributes").forEach(a -> pool.aliasAttribute(a.asText()));
        for (JsonNode attribute : request.path("Schema")) {
            if (!attribute.path("Mutable").asBoolean(true)) {
                pool.immutableAttribute("custom:" + attribute.path("Name").asText());
            }
        }
        final ObjectNode response = JSON.createObjectNode();
        response.putObject("UserPool").put("Id", pool.id()).put("Name", name)
            .put("Arn", "arn:aws:cognito-idp:" + region + ":000000000000:userpool/" + pool.id());
        return response;
    }

    private JsonNode deleteUserPool(final JsonNode request) {
        final String id = text(request, "UserPoolId");
        if (!pools.removePool(id)) {
            throw CognitoError.poolNotFound(id);
        }
        return JSON.createObjectNode();
    }

    private JsonNode createIdentityProvider(final JsonNode request) {
        final Pool pool = readPool(request);
        final String name = text(request, "ProviderName");
        final String type = text(request, "ProviderType");
        if (name.length() > 32 || !PROVIDER_NAME_V2.matcher(name).matches()) {
            throw CognitoError.invalidParameter("1 validation error detected: Value at 'providerName' failed to satisfy "
                + "constraint: Member"
                + " must satisfy regular expression pattern: [^_\\p{Z}][\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}][^_\\p{Z}]+");
        }
        if (!PROVIDER_TYPES.contains(type)) {
            throw CognitoError.invalidParameter("1 validation error detected: Value at 'providerType' failed to satisfy "
                + "constraint: Member"
                + " must satisfy enum value set: [SAML, Facebook, Google, LoginWithAmazon, SignInWithApple, OIDC]");
        }
        if (SOCIAL.contains(type) && !name.equals(type)) {
            throw CognitoError.invalidParameter("Provider name for " + type + " must be " + type);
        }
        if (pool.provider(name) != null) {
            throw CognitoError.client("DuplicateProviderException", "A provider with the name " + name
                + " already exists in this pool.");
        }
        final Map<String, String> mapping = new LinkedHashMap<>();
        request.path("AttributeMapping").fields().forEachRemaining(e -> mapping.put(e.getKey(), e.getValue().asText()));
        pool.addProvider(name, type, mapping);
        return describe(pool, pool.provider(name));
    }

    private JsonNode describeIdentityProvider(final JsonNode request) {
        final Pool pool = readPool(request);
        final String name = text(request, "ProviderName");
        final Provider provider = pool.provider(name);
        if (provider == null) {
            throw CognitoError.client("ResourceNotFoundException", "Identity provider " + name + " does not exist.");
        }
        return describe(pool, provider);
    }

    private JsonNode adminCreateUser(final JsonNode request) {
        final Pool pool = readPool(request);
        final String username = username(request);
        if (pool.user(username) != null) {
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
        final User user = pool.addUser(username, attributes);
        final ObjectNode response = JSON.createObjectNode();
        final ObjectNode created = response.putObject("User");
        created.put("Username", user.username());
        created.set("Attributes", user.renderAttributes(behaviour.emptyIdentitiesKeptAsEmptyArray));
        created.put("Enabled", true);
        created.put("UserStatus", user.status());
        return response;
    }

    private JsonNode adminDeleteUser(final JsonNode request) {
        final Pool pool = readPool(request);
        final User user = pool.resolve(text(request, "Username"));
        if (user == null) {
            throw CognitoError.userNotFound();
        }
        pool.removeUser(user.username());
        return JSON.createObjectNode();
    }

    /** Link and disable type UserPoolId as a plain string (no pattern); an unknown or malformed one is simply not found. */
    private Pool linkPool(final JsonNode request) {
        final String id = text(request, "UserPoolId");
        final Pool pool = pools.pool(id);
        if (pool == null) {
            throw CognitoError.poolNotFound(id);
        }
        return pool;
    }

    /** The read operations type UserPoolId as UserPoolIdType: 1-55 characters matching {@code [\w-]+_[0-9a-zA-Z]+}. */
    private Pool readPool(final JsonNode request) {
        final String id = text(request, "UserPoolId");
        if (id.isEmpty() || id.length() > 55 || !POOL_ID.matcher(id).matches()) {
            throw CognitoError.invalidParameter("1 validation error detected: Value '" + id
                + "' at 'userPoolId' failed to satisfy"
                + " constraint: Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+");
        }
        return linkPool(request);
    }

    /** The destination: a native user by username, alias or sub; otherwise the federated profile {@code <Provider>_<value>}. */
    private static User destinationOf(final Pool pool, final JsonNode destination) {
        final String provider = destination.path("ProviderName").asText("");
        final String value = destination.path("ProviderAttributeValue").asText("");
        final User user = "Cognito".equals(provider) ? pool.resolve(value) : pool.user(provider + "_" + value);
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

    private static Predicate<User> filterOf(final String filter) {
        if (filter.isBlank()) {
            return user -> true;
        }
        final Matcher matcher = FILTER.matcher(filter);
        if (!matcher.matches() || !FILTERABLE.contains(matcher.group(1))) {
            throw CognitoError.invalidParameter("Invalid search attribute");
        }
        final String attribute = matcher.group(1);
        final boolean prefix = matcher.group(2).equals("^=");
        final String value = matcher.group(3).replaceAll("\\\\(.)", "$1");
        return user -> {
            final String actual = switch (attribute) {
                case "username" -> user.username();
                case "sub" -> user.sub();
                case "status", "cognito:user_status" -> user.status();
                default -> user.attributes().get(attribute);
            };
            return actual != null && (prefix ? actual.startsWith(value) : actual.equals(value));
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
        described.putObject("ProviderDetails");
        final ObjectNode mapping = described.putObject("AttributeMapping");
        provider.attributeMapping().forEach(mapping::put);
        described.putArray("IdpIdentifiers");
        return response;
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

    /** UsernameType: 1-128 characters matching its pattern; the value is sensitive, so the message does not quote it. */
    private static String username(final JsonNode request) {
        final String username = text(request, "Username");
        if (username.isEmpty() || username.length() > 128 || !USERNAME.matcher(username).matches()) {
            throw CognitoError.invalidParameter("1 validation error detected: Value at 'username' failed to satisfy constraint:"
                + " Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");
        }
        return username;
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
