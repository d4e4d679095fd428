package com.custom.cognito.providerlink.local.adopt;

import com.custom.cognito.providerlink.model.SourceIdentity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.IdentityProviderType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.IdentityProviderTypeType;

/**
 * The {@code SourceUser.ProviderAttributeName} an adopted link declares. Cognito does not record it (the identities
 * entry holds the value only), so it is derived: {@code Cognito_Subject} for the social providers, the only name they
 * link by; for SAML and OIDC, the pool attribute the provider maps whose value on the destination user is the link's
 * value (a link made by email), else {@code Cognito_Subject}. Delete does not depend on the guess: from the {@code Id}
 * alone it tries the subject and then every attribute the provider maps.
 */
final class SourceAttributes {

    /** How each link's attribute name was found, for the report. */
    enum Basis {

        SOCIAL("social provider: always Cognito_Subject"),
        MATCHED("SAML or OIDC: the mapped attribute whose value on the destination is the link's value"),
        SUBJECT("SAML or OIDC: no mapped attribute of the destination holds the value, so Cognito_Subject"),
        UNREADABLE("the provider could not be described (see the report), so Cognito_Subject");

        private final String meaning;

        Basis(final String meaning) {
            this.meaning = meaning;
        }

        String meaning() {
            return meaning;
        }
    }

    record Found(String attributeName, Basis basis) {
    }

    private final CognitoIdentityProviderClient cognito;
    private final String userPoolId;
    private final Map<String, Optional<List<String>>> mappedByProvider = new HashMap<>();
    private final Map<String, String> unreadable = new HashMap<>();
    private int userReads;

    SourceAttributes(final CognitoIdentityProviderClient cognito, final String userPoolId) {
        this.cognito = cognito;
        this.userPoolId = userPoolId;
    }

    Found of(final String providerName, final String value, final String destinationUsername) {
        if (SourceIdentity.SOCIAL_PROVIDERS.contains(providerName)) {
            return new Found(SourceIdentity.SUBJECT_ATTRIBUTE, Basis.SOCIAL);
        }
        final Optional<List<String>> mapped = mappedByProvider.computeIfAbsent(providerName, this::mappedAttributes);
        if (mapped.isEmpty()) {
            return new Found(SourceIdentity.SUBJECT_ATTRIBUTE, Basis.UNREADABLE);
        }
        if (mapped.get().isEmpty()) {
            return new Found(SourceIdentity.SUBJECT_ATTRIBUTE, Basis.SUBJECT);
        }
        userReads++;
        final Map<String, String> attributes = new HashMap<>();
        for (AttributeType attribute : cognito.adminGetUser(r -> r.userPoolId(userPoolId).username(destinationUsername))
            .userAttributes()) {
            attributes.put(attribute.name(), attribute.value());
        }
        return mapped.get().stream().filter(name -> value.equals(attributes.get(name))).findFirst()
            .map(name -> new Found(name, Basis.MATCHED))
            .orElse(new Found(SourceIdentity.SUBJECT_ATTRIBUTE, Basis.SUBJECT));
    }

    /** AdminGetUser calls made to match SAML and OIDC values. */
    int userReads() {
        return userReads;
    }

    /** Providers that could not be described, with Cognito's error code. */
    Map<String, String> unreadableProviders() {
        return Map.copyOf(unreadable);
    }

    /** The pool attributes a SAML or OIDC provider maps, sorted; empty when it cannot be described. */
    private Optional<List<String>> mappedAttributes(final String providerName) {
        try {
            final IdentityProviderType provider = cognito.describeIdentityProvider(r -> r.userPoolId(userPoolId)
                .providerName(providerName)).identityProvider();
            if (provider.providerType() != IdentityProviderTypeType.SAML
                && provider.providerType() != IdentityProviderTypeType.OIDC) {
                return Optional.of(List.of());
            }
            return Optional.of(List.copyOf(new TreeSet<>(provider.attributeMapping().keySet())));
        } catch (CognitoIdentityProviderException e) {
            unreadable.put(providerName, e.awsErrorDetails() == null
                ? e.getClass().getSimpleName()
                : e.awsErrorDetails().errorCode());
            return Optional.empty();
        }
    }
}
