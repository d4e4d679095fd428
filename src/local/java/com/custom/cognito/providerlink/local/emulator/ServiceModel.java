package com.custom.cognito.providerlink.local.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.utils.builder.Buildable;

/**
 * The Cognito service model's input rules for the operations the emulator implements, applied as the service
 * applies them before any lookup: member types come from the SDK's own model classes (their {@code sdkFields()});
 * required members, lengths, ranges, patterns and enums are the model's ({@code cognito-idp} 2016-04-18, as botocore
 * and the Smithy model publish it), written down here and checked against that model by {@code ServiceModelTest}
 * wherever the machine has botocore's copy.
 */
public final class ServiceModel {

    static final String POOL_ID = "[\\w-]+_[0-9a-zA-Z]+";
    static final String USERNAME = "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+";
    static final String PROVIDER_NAME = "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\p{Z}]+";
    static final String PROVIDER_NAME_V2 = "[^_\\p{Z}][\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}][^_\\p{Z}]+";
    static final String TOKEN = "[\\S]+";

    /** One member's rules; {@code path} is dotted for nested members ({@code DestinationUser.ProviderName}). */
    public record Member(String path, boolean required, Integer min, Integer max, String pattern, boolean sensitive,
        Set<String> values) {

        Member notNull() {
            return new Member(path, true, min, max, pattern, sensitive, values);
        }

        Member length(final Integer low, final Integer high) {
            return new Member(path, required, low, high, pattern, sensitive, values);
        }

        Member pattern(final String regex) {
            return new Member(path, required, min, max, regex, sensitive, values);
        }

        Member secret() {
            return new Member(path, required, min, max, pattern, true, values);
        }

        Member oneOf(final String... allowed) {
            return new Member(path, required, min, max, pattern, sensitive, Set.of(allowed));
        }
    }

    private static Member member(final String path) {
        return new Member(path, false, null, null, null, false, null);
    }

    private static List<Member> identifier(final String name) {
        return List.of(member(name).notNull(), member(name + ".ProviderName").length(1, 32).pattern(PROVIDER_NAME),
            member(name + ".ProviderAttributeName").length(0, 131072), member(name
                + ".ProviderAttributeValue").length(0, 131072));
    }

    private static List<Member> concat(final List<Member> first, final List<Member> second) {
        final List<Member> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static final Member POOL = member("UserPoolId").notNull().length(1, 55).pattern(POOL_ID);
    private static final Member USER = member("Username").notNull().length(1, 128).pattern(USERNAME).secret();

    /** Per operation, the members that have rules; others only have to be of the right type. */
    static final Map<String, List<Member>> INPUTS = new LinkedHashMap<>();

    static {
        // link and disable type UserPoolId as a plain string since 2017: no pattern, no minimum
        INPUTS.put("AdminLinkProviderForUser", concat(List.of(member("UserPoolId").notNull().length(0, 131072)),
            concat(identifier("DestinationUser"), identifier("SourceUser"))));
        INPUTS.put("AdminDisableProviderForUser", concat(List.of(member("UserPoolId").notNull().length(0, 131072)),
            identifier("User")));
        INPUTS.put("AdminGetUser", List.of(POOL, USER));
        INPUTS.put("AdminDeleteUser", List.of(POOL, USER));
        INPUTS.put("AdminCreateUser", List.of(POOL, USER, member("TemporaryPassword").length(null, 256).pattern(TOKEN).secret(),
            member("MessageAction").oneOf("RESEND", "SUPPRESS")));
        INPUTS.put("ListUsers", List.of(POOL, member("Limit").length(0, 60), member("PaginationToken").length(1,
            null).pattern(TOKEN),
            member("Filter").length(null, 256)));
        INPUTS.put("CreateUserPool", List.of(member("PoolName").notNull().length(1, 128).pattern("[\\w\\s+=,.@-]+"),
            member("MfaConfiguration").oneOf("OFF", "ON", "OPTIONAL"), member("DeletionProtection").oneOf("ACTIVE", "INACTIVE"),
            member("UsernameConfiguration.CaseSensitive").notNull()));
        INPUTS.put("DeleteUserPool", List.of(POOL));
        INPUTS.put("DescribeUserPool", List.of(POOL));
        INPUTS.put("GetUserPoolMfaConfig", List.of(POOL));
        INPUTS.put("ListUserPools", List.of(member("MaxResults").notNull().length(1, 60), member("NextToken").length(1,
            null).pattern(TOKEN)));
        INPUTS.put("CreateIdentityProvider", List.of(POOL, member("ProviderName").notNull().length(1,
            32).pattern(PROVIDER_NAME_V2),
            member("ProviderType").notNull().oneOf("SAML", "Facebook", "Google", "LoginWithAmazon", "SignInWithApple", "OIDC"),
            member("ProviderDetails").notNull()));
        INPUTS.put("DescribeIdentityProvider", List.of(POOL, member("ProviderName").notNull().length(1,
            32).pattern(PROVIDER_NAME)));
        INPUTS.put("DeleteIdentityProvider", List.of(POOL, member("ProviderName").notNull().length(1,
            32).pattern(PROVIDER_NAME)));
        INPUTS.put("AdminUpdateUserAttributes", List.of(POOL, USER, member("UserAttributes").notNull()));
    }

    private ServiceModel() {
    }

    /** The rules, operation by operation, for checking this table against the published model. */
    public static Map<String, List<Member>> inputs() {
        return Collections.unmodifiableMap(INPUTS);
    }

    /**
     * The request's violations, as the service words them ("2 validation errors detected: ...; ..."), checked in the
     * service's order: a member of the wrong type is a SerializationException, anything else an
     * InvalidParameterException listing every violation.
     */
    static void validate(final String operation, final JsonNode request) {
        checkTypes(operation, request);
        final List<String> violations = new ArrayList<>();
        for (Member rule : INPUTS.getOrDefault(operation, List.of())) {
            final JsonNode value = at(request, rule.path());
            final String name = wireName(rule.path());
            if (value == null || value.isNull()) {
                if (rule.required() && parentPresent(request, rule.path())) {
                    violations.add("Value null at '" + name + "' failed to satisfy constraint: Member must not be null");
                }
                continue;
            }
            final String shown = rule.sensitive() || !value.isValueNode()
                ? "Value at '" + name + "'"
                : "Value '"
                    + value.asText() + "' at '"
                    + name + "'";
            if (value.isNumber()) {
                if (rule.min() != null && value.asLong() < rule.min()) {
                    violations.add(shown + " failed to satisfy constraint: Member must have value greater than or equal to "
                        + rule.min());
                }
                if (rule.max() != null && value.asLong() > rule.max()) {
                    violations.add(shown + " failed to satisfy constraint: Member must have value less than or equal to "
                        + rule.max());
                }
                continue;
            }
            if (!value.isTextual()) {
                continue;
            }
            final String text = value.asText();
            if (rule.min() != null && text.length() < rule.min()) {
                violations.add(shown + " failed to satisfy constraint: Member must have length greater than or equal to "
                    + rule.min());
            }
            if (rule.max() != null && text.length() > rule.max()) {
                violations.add(shown + " failed to satisfy constraint: Member must have length less than or equal to "
                    + rule.max());
            }
            if (rule.pattern() != null && !text.isEmpty() && !Pattern.compile(rule.pattern()).matcher(text).matches()) {
                violations.add(shown + " failed to satisfy constraint: Member must satisfy regular expression pattern: "
                    + rule.pattern());
            }
            if (rule.values() != null && !rule.values().contains(text)) {
                violations.add(shown + " failed to satisfy constraint: Member must satisfy enum value set: " + rule.values());
            }
        }
        if (!violations.isEmpty()) {
            throw CognitoError.invalidParameter(violations.size() + " validation error" + (violations.size() == 1 ? "" : "s")
                + " detected: " + String.join("; ", violations));
        }
    }

    /** Every member must have the JSON type the SDK's model class gives it; unknown members are ignored, as the service does. */
    private static void checkTypes(final String operation, final JsonNode request) {
        final SdkPojo shape = inputShape(operation);
        if (shape != null) {
            checkTypes(shape, request, "");
        }
    }

    private static void checkTypes(final SdkPojo shape, final JsonNode node, final String prefix) {
        for (SdkField<?> field : shape.sdkFields()) {
            final JsonNode value = node.get(field.locationName());
            if (value == null || value.isNull()) {
                continue;
            }
            final MarshallingType<?> type = field.marshallingType();
            final boolean ok = type == MarshallingType.STRING
                ? value.isTextual()
                : type == MarshallingType.INTEGER || type == MarshallingType.LONG
                    ? value.isIntegralNumber()
                    : type == MarshallingType.BOOLEAN
                        ? value.isBoolean()
                        : type == MarshallingType.LIST
                            ? value.isArray()
                            : type == MarshallingType.MAP || type == MarshallingType.SDK_POJO
                                ? value.isObject()
                                : true;
            if (!ok) {
                throw CognitoError.client("SerializationException", "Unexpected value type for member '" + prefix
                    + field.locationName()
                    + "'.");
            }
            if (type == MarshallingType.SDK_POJO && field.constructor() != null) {
                checkTypes(field.constructor().get(), value, prefix + field.locationName() + ".");
            }
        }
    }

    /** A fresh, empty instance of the SDK's request class for the operation. */
    private static SdkPojo inputShape(final String operation) {
        try {
            final Class<?> request = Class.forName("software.amazon.awssdk.services.cognitoidentityprovider.model." + operation
                + "Request");
            return (SdkPojo) ((Buildable) request.getMethod("builder").invoke(null)).build();
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static JsonNode at(final JsonNode request, final String path) {
        JsonNode node = request;
        for (Iterator<String> parts = List.of(path.split("\\.")).iterator(); parts.hasNext() && node != null;) {
            node = node.get(parts.next());
        }
        return node;
    }

    /** A nested member is required only when its structure is there. */
    private static boolean parentPresent(final JsonNode request, final String path) {
        final int dot = path.lastIndexOf('.');
        return dot < 0 || at(request, path.substring(0, dot)) != null && !at(request, path.substring(0, dot)).isNull();
    }

    /** The wire spelling of a member in validation messages: {@code destinationUser.providerName}. */
    private static String wireName(final String path) {
        final StringBuilder name = new StringBuilder();
        for (String part : path.split("\\.")) {
            if (name.length() > 0) {
                name.append('.');
            }
            name.append(part.substring(0, 1).toLowerCase(Locale.ROOT)).append(part.substring(1));
        }
        return name.toString();
    }
}
