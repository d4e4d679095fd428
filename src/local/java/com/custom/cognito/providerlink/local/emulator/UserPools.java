package com.custom.cognito.providerlink.local.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The emulator's state: user pools with their sign-in configuration, their users and identity providers, and each
 * user's linked identities. Tests and tools seed it directly (a 10,000-user pool in milliseconds); the HTTP
 * operations go through {@link Operations}. Every method is called under the emulator's lock.
 */
public final class UserPools {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, Pool> pools = new LinkedHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final Behaviour behaviour;

    /** One entry of a user's {@code identities}; {@code linkedBy} is the attribute name used to link, which Cognito keeps to
     * itself. */
    public record Identity(String providerName, String userId, String providerType, String issuer, boolean primary,
        long dateCreated, String linkedBy) {
    }

    /** An identity provider configured in a pool. */
    public record Provider(String name, String type, Map<String, String> attributeMapping, Map<String, String> details,
        String issuer,
        long created) {
    }

    public UserPools(final Behaviour behaviour) {
        this.behaviour = behaviour;
    }

    public Pool createPool(final String id, final String name) {
        final Pool pool = new Pool(id, name);
        pools.put(id, pool);
        return pool;
    }

    public Pool pool(final String id) {
        return pools.get(id);
    }

    public boolean removePool(final String id) {
        return pools.remove(id) != null;
    }

    public Collection<Pool> pools() {
        return pools.values();
    }

    void clear() {
        pools.clear();
    }

    /**
     * A user pool: users in creation order (ListUsers pages follow it), providers by exact name, and how users sign
     * in. {@code UsernameAttributes} (email, phone_number) make Cognito generate each username (a UUID, the user's
     * {@code sub}) and take the given value as that attribute; {@code AliasAttributes} let a verified email or phone
     * number, or a preferred_username, stand for the username; the two exclude each other. Usernames are
     * case-sensitive unless {@code UsernameConfiguration.CaseSensitive} is false, which also makes the email and
     * preferred_username aliases case-insensitive (API reference, UsernameConfigurationType).
     */
    public final class Pool {

        private final String id;
        private final String name;
        private final long created = System.currentTimeMillis();
        private final Map<String, User> users = new LinkedHashMap<>();
        private final Map<String, Provider> providers = new LinkedHashMap<>();
        private final Set<String> usernameAttributes = new LinkedHashSet<>();
        private final Set<String> aliasAttributes = new LinkedHashSet<>();
        private final Set<String> immutableAttributes = new LinkedHashSet<>();
        private final Map<String, String> tags = new LinkedHashMap<>();
        private boolean caseSensitive = true;

        private Pool(final String id, final String name) {
            this.id = id;
            this.name = name;
        }

        public String id() {
            return id;
        }

        public String name() {
            return name;
        }

        long createdMillis() {
            return created;
        }

        public Pool usernameAttribute(final String attribute) {
            usernameAttributes.add(attribute);
            return this;
        }

        public Pool aliasAttribute(final String attribute) {
            aliasAttributes.add(attribute);
            return this;
        }

        public Pool caseSensitive(final boolean sensitive) {
            this.caseSensitive = sensitive;
            return this;
        }

        public Set<String> usernameAttributes() {
            return usernameAttributes;
        }

        public Set<String> aliasAttributes() {
            return aliasAttributes;
        }

        public boolean caseSensitive() {
            return caseSensitive;
        }

        public Map<String, String> tags() {
            return tags;
        }

        /** A custom attribute declared with {@code Mutable: false}: a user holding it cannot be a link destination. */
        public Pool immutableAttribute(final String attribute) {
            immutableAttributes.add(attribute);
            return this;
        }

        public Set<String> immutableAttributes() {
            return immutableAttributes;
        }

        public Pool addProvider(final String providerName, final String type, final Map<String, String> attributeMapping) {
            return addProvider(providerName, type, attributeMapping, Map.of());
        }

        public Pool addProvider(final String providerName, final String type, final Map<String, String> attributeMapping,
            final Map<String, String> details) {
            final String issuer = switch (type) {
                case "SAML" -> "urn:emulator:saml:" + providerName;
                case "OIDC" -> details.getOrDefault("oidc_issuer", "https://oidc.emulator.invalid/" + providerName);
                default -> null;
            };
            providers.put(providerName, new Provider(providerName, type, Map.copyOf(attributeMapping), Map.copyOf(details),
                issuer,
                System.currentTimeMillis()));
            return this;
        }

        public Provider provider(final String providerName) {
            return providers.get(providerName);
        }

        boolean removeProvider(final String providerName) {
            return providers.remove(providerName) != null;
        }

        /** A user under exactly this username, as tests seed one (AdminCreateUser goes through {@link #signUp}). */
        public User addUser(final String username, final Map<String, String> attributes) {
            final User user = new User(username, sequence.incrementAndGet());
            user.attributes.putAll(attributes);
            users.put(key(username), user);
            return user;
        }

        /**
         * AdminCreateUser's user: in a pool with username attributes, the given value becomes the email or phone number and
         * the username a generated UUID, equal to the user's {@code sub}.
         */
        public User signUp(final String username, final Map<String, String> attributes) {
            if (usernameAttributes.isEmpty()) {
                return addUser(username, attributes);
            }
            final Map<String, String> all = new LinkedHashMap<>(attributes);
            all.put(username.startsWith("+") && usernameAttributes.contains("phone_number") ? "phone_number" : "email", username);
            final User user = new User(UUID.randomUUID().toString(), sequence.incrementAndGet());
            user.attributes.putAll(all);
            users.put(key(user.username), user);
            return user;
        }

        /** The profile a federated sign-in creates: {@code <Provider>_<id>}, EXTERNAL_PROVIDER, with its own primary identity. */
        public User addFederatedProfile(final String providerName, final String userId) {
            final Provider provider = providers.get(providerName);
            final User user = addUser(providerName + "_" + userId, Map.of());
            user.status = "EXTERNAL_PROVIDER";
            user.identities.add(new Identity(providerName, userId, provider == null ? providerName : provider.type(),
                provider == null ? null : provider.issuer(), true, System.currentTimeMillis(), "Cognito_Subject"));
            user.identitiesEverSet = true;
            return user;
        }

        /** Links an identity directly, as a successful AdminLinkProviderForUser would: for seeding large pools quickly. */
        public void seedLink(final User user, final String providerName, final String userId) {
            final Provider provider = providers.get(providerName);
            user.changeIdentities(
                () -> user.addIdentity(new Identity(providerName, userId, provider.type(), provider.issuer(), false,
                    System.currentTimeMillis(), "Cognito_Subject")),
                0);
        }

        /** Removes a linked identity directly, as a successful AdminDisableProviderForUser would. */
        public void unseedLink(final User user, final String providerName, final String userId) {
            final Identity identity = user.linkedIdentity(providerName, userId);
            user.changeIdentities(() -> user.removeIdentity(identity), 0);
        }

        /** The user with exactly this username (case-insensitively in a case-insensitive pool). */
        public User user(final String username) {
            return users.get(key(username));
        }

        boolean removeUser(final User user) {
            return users.remove(key(user.username)) != null;
        }

        public Collection<User> users() {
            return users.values();
        }

        /**
         * AdminGetUser's lookup (API reference): the username, else a sign-in attribute (a username attribute, or an
         * alias: a verified email or phone number, or preferred_username), else the {@code sub} of a local user.
         */
        public User resolve(final String nameOrAlias) {
            final User byName = user(nameOrAlias);
            if (byName != null) {
                return byName;
            }
            for (User user : users.values()) {
                if (signsInAs(user, nameOrAlias)) {
                    return user;
                }
            }
            for (User user : users.values()) {
                if (nameOrAlias.equals(user.sub) && !"EXTERNAL_PROVIDER".equals(user.status)) {
                    return user;
                }
            }
            return null;
        }

        private boolean signsInAs(final User user, final String value) {
            for (String attribute : usernameAttributes) {
                if (same(attribute, user.attributes.get(attribute), value)) {
                    return true;
                }
            }
            for (String alias : aliasAttributes) {
                final boolean verified = alias.equals("preferred_username") || !behaviour.aliasNeedsVerification
                    || "true".equals(user.attributes.get(alias + "_verified"));
                if (verified && same(alias, user.attributes.get(alias), value)) {
                    return true;
                }
            }
            return false;
        }

        private boolean same(final String attribute, final String stored, final String given) {
            if (stored == null) {
                return false;
            }
            final boolean foldCase = !caseSensitive && !attribute.equals("phone_number");
            return foldCase ? stored.equalsIgnoreCase(given) : stored.equals(given);
        }

        /** Who holds a verified alias value, if anyone other than {@code except}. */
        User aliasHolder(final String attribute, final String value, final User except) {
            return users.values().stream()
                .filter(u -> u != except && "true".equals(u.attributes.get(attribute + "_verified"))
                    && same(attribute, u.attributes.get(attribute),
                        value))
                .findFirst().orElse(null);
        }

        private String key(final String username) {
            return caseSensitive ? username : username.toLowerCase(Locale.ROOT);
        }

        /** Every user whose identities hold a linked (non-primary) entry for this identity: at most one, always. */
        public List<User> holdersOf(final String providerName, final String userId) {
            return users.values().stream()
                .filter(u -> u.linkedIdentity(providerName, userId) != null)
                .collect(Collectors.toList());
        }

        /** How many links the pool holds, all users together. */
        public int linkCount() {
            return users.values().stream().mapToInt(u -> (int) u.identities.stream().filter(i -> !i.primary()).count()).sum();
        }
    }

    /** A user. Its {@code identities} are rendered to the attribute's JSON string on every read. */
    public static final class User {

        private final String username;
        private final String sub;
        private final long sequence;
        private final long created = System.currentTimeMillis();
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private final List<Identity> identities = new ArrayList<>();
        private boolean identitiesEverSet;
        private String status = "FORCE_CHANGE_PASSWORD";
        private boolean passwordSignInDisabled;
        private long modified = created;
        private String staleIdentities;
        private int staleReadsLeft;

        private User(final String username, final long sequence) {
            this.username = username;
            this.sub = isUuid(username) ? username : UUID.randomUUID().toString();
            this.sequence = sequence;
        }

        private static boolean isUuid(final String text) {
            try {
                return UUID.fromString(text).toString().equals(text);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        public String username() {
            return username;
        }

        public String sub() {
            return sub;
        }

        long sequence() {
            return sequence;
        }

        public String status() {
            return status;
        }

        public Map<String, String> attributes() {
            return attributes;
        }

        public List<Identity> identities() {
            return List.copyOf(identities);
        }

        /** Set by AdminDisableProviderForUser with provider {@code Cognito}: the user can no longer sign in with a password. */
        public boolean passwordSignInDisabled() {
            return passwordSignInDisabled;
        }

        void disablePasswordSignIn() {
            passwordSignInDisabled = true;
        }

        Identity linkedIdentity(final String providerName, final String userId) {
            return identities.stream()
                .filter(i -> !i.primary() && i.providerName().equals(providerName) && i.userId().equals(userId))
                .findFirst().orElse(null);
        }

        long linkCount() {
            return identities.stream().filter(i -> !i.primary()).count();
        }

        /** Changes identities; with a read lag, the next {@code lag} reads still see the previous value. */
        void changeIdentities(final Runnable change, final int lag) {
            final String before = renderIdentities(false);
            change.run();
            identitiesEverSet = true;
            modified = System.currentTimeMillis();
            if (lag > 0) {
                staleIdentities = before;
                staleReadsLeft = lag;
            }
        }

        void addIdentity(final Identity identity) {
            identities.add(identity);
        }

        void removeIdentity(final Identity identity) {
            identities.remove(identity);
        }

        void touch() {
            modified = System.currentTimeMillis();
        }

        /** The compact JSON string Cognito stores, keys in its order; null when the attribute is absent. */
        String renderIdentities(final boolean keepEmptyArray) {
            if (identities.isEmpty() && !(identitiesEverSet && keepEmptyArray)) {
                return null;
            }
            final ArrayNode array = JSON.createArrayNode();
            for (Identity identity : identities) {
                final ObjectNode entry = array.addObject();
                entry.put("userId", identity.userId());
                entry.put("providerName", identity.providerName());
                entry.put("providerType", identity.providerType());
                entry.put("issuer", identity.issuer());
                entry.put("primary", identity.primary());
                entry.put("dateCreated", identity.dateCreated());
            }
            return array.toString();
        }

        /** Attributes as a read sees them: {@code sub}, the stored ones, and {@code identities} (possibly stale). */
        ArrayNode renderAttributes(final boolean keepEmptyArray) {
            final ArrayNode list = JSON.createArrayNode();
            list.addObject().put("Name", "sub").put("Value", sub);
            attributes.forEach((name, value) -> list.addObject().put("Name", name).put("Value", value));
            final String identitiesJson;
            if (staleReadsLeft > 0) {
                staleReadsLeft--;
                identitiesJson = staleIdentities;
            } else {
                identitiesJson = renderIdentities(keepEmptyArray);
            }
            if (identitiesJson != null) {
                list.addObject().put("Name", "identities").put("Value", identitiesJson);
            }
            return list;
        }

        long createdMillis() {
            return created;
        }

        long modifiedMillis() {
            return modified;
        }
    }
}
