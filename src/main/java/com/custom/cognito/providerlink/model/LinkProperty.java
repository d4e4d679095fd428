package com.custom.cognito.providerlink.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The template's properties, as a template author spells them, with what each should hold and what Cognito accepts
 * in it: the vocabulary of every message about input.
 */
public enum LinkProperty {

    ID("Id", "the value Create returned (Ref returns it)", null),
    USER_POOL_ID("UserPoolId", "the ID of the user pool, e.g. us-east-1_EXAMPLE", PropertyRules.USER_POOL_ID),
    SOURCE_USER("SourceUser",
        "the external identity to link, with ProviderName, ProviderAttributeName and ProviderAttributeValue",
        null),
    DESTINATION_USER("DestinationUser", "the existing user to link to, with ProviderName and ProviderAttributeValue", null),
    SOURCE_PROVIDER_NAME("SourceUser.ProviderName", "the identity provider's name exactly as configured in the pool, e.g. Google",
        PropertyRules.PROVIDER_NAME),
    SOURCE_ATTRIBUTE_NAME("SourceUser.ProviderAttributeName",
        "Cognito_Subject, or for SAML/OIDC a user-pool attribute the provider maps, e.g. email", PropertyRules.ATTRIBUTE_NAME),
    SOURCE_ATTRIBUTE_VALUE("SourceUser.ProviderAttributeValue", "the identity's value for that attribute, e.g. the Google sub",
        PropertyRules.SOURCE_VALUE),
    DESTINATION_PROVIDER_NAME("DestinationUser.ProviderName",
        "Cognito for a native user, or the provider of an existing federated user",
        PropertyRules.PROVIDER_NAME),
    DESTINATION_ATTRIBUTE_NAME("DestinationUser.ProviderAttributeName",
        "any attribute name (Cognito ignores it), or leave it out",
        PropertyRules.ATTRIBUTE_NAME),
    DESTINATION_ATTRIBUTE_VALUE("DestinationUser.ProviderAttributeValue",
        "the username, email, phone number or sub of a native user, or the provider user id of a federated user",
        PropertyRules.USERNAME);

    private final String path;
    private final String whatToSet;
    private final PropertyRules rule;

    LinkProperty(final String path, final String whatToSet, final PropertyRules rule) {
        this.path = path;
        this.whatToSet = whatToSet;
        this.rule = rule;
    }

    /** The property a template path such as {@code SourceUser.ProviderName} names. */
    public static Optional<LinkProperty> at(final String path) {
        return Arrays.stream(values()).filter(p -> p.path.equals(path)).findFirst();
    }

    public String path() {
        return path;
    }

    public String whatToSet() {
        return whatToSet;
    }

    /** "X: is required: set it to …". */
    public String requiredMessage() {
        return path + ": is required: set it to " + whatToSet + ".";
    }

    /** "X: &lt;problem&gt;: set it to …". */
    public String problemMessage(final String problem) {
        return path + ": " + problem + ": set it to " + whatToSet + ".";
    }

    public LinkException required() {
        return LinkException.invalid(requiredMessage());
    }

    /** What Cognito would refuse in a present value, if anything. */
    public Optional<String> problem(final String value) {
        return rule == null ? Optional.empty() : rule.problem(value);
    }

    /** The value, if it is present and Cognito accepts it; otherwise the failure that names this property and the fix. */
    public String check(final String value) {
        if (value == null || value.isEmpty()) {
            throw required();
        }
        problem(value).ifPresent(problem -> {
            throw LinkException.invalid(problemMessage(problem));
        });
        return value;
    }
}
