package com.custom.cognito.providerlink.model;

import com.custom.cognito.providerlink.DestinationUser;
import com.custom.cognito.providerlink.ResourceModel;
import com.custom.cognito.providerlink.SourceUser;
import software.amazon.cloudformation.proxy.HandlerErrorCode;

/**
 * Between the schema's {@link ResourceModel} and the {@link ProviderLink} the handlers work with. Everything the
 * schema cannot express (no native source, the subject rule for social providers, the federated username length)
 * is checked here, before any Cognito call, with a message that names the property and the fix.
 */
public final class Translator {

    private Translator() {
    }

    /** The link a template declares (Create): every property is required, {@code Id} is ignored. */
    public static ProviderLink toDeclaredLink(final ResourceModel model) {
        if (model == null) {
            throw LinkException.invalid("Properties", "are missing: declare UserPoolId, SourceUser and DestinationUser.");
        }
        final String userPoolId = required(model.getUserPoolId(), "UserPoolId");
        final SourceUser source = required(model.getSourceUser(), "SourceUser");
        final DestinationUser destination = required(model.getDestinationUser(), "DestinationUser");
        return new ProviderLink(userPoolId, toDestination(destination), toSource(source));
    }

    /**
     * The link Read and Delete act on. CloudFormation and Cloud Control may send nothing but {@code Id}; when it is
     * absent (a create that failed before CloudFormation kept one), the properties name the same link.
     * A source attribute name in the properties is kept: Delete needs it for a SAML or OIDC link by attribute.
     */
    public static ProviderLink toIdentifiedLink(final ResourceModel model) {
        if (model == null || model.getId() == null) {
            if (model != null && model.getUserPoolId() != null && model.getSourceUser() != null && model.getDestinationUser() != null) {
                return toDeclaredLink(model);
            }
            throw LinkException.of(HandlerErrorCode.InvalidRequest, InputErrors.required("Id"));
        }
        final ProviderLink link = LinkId.parse(model.getId()).orElseThrow(() -> LinkException.invalid("Id",
            "is not a ProviderLink identifier. Expected <UserPoolId>|<destination provider>|<destination value>|"
                + "<source provider>|<source value>, with % written as %25 and | as %7C, as Create returns it."));
        final SourceUser source = model.getSourceUser();
        if (source != null && source.getProviderAttributeName() != null
            && link.source().sameIdentityAs(source.getProviderName(), source.getProviderAttributeValue())) {
            return link.withSourceAttributeName(source.getProviderAttributeName());
        }
        return link;
    }

    /** The pool List reads; its handler schema requires it. */
    public static String toUserPoolId(final ResourceModel model) {
        return required(model == null ? null : model.getUserPoolId(), "UserPoolId");
    }

    /** Everything a read can observe of a link: the model Read, List and Create return. */
    public static ResourceModel toModel(final ProviderLink link) {
        return ResourceModel.builder()
            .id(link.id())
            .userPoolId(link.userPoolId())
            .sourceUser(SourceUser.builder()
                .providerName(link.source().providerName())
                .providerAttributeValue(link.source().value())
                .build())
            .destinationUser(DestinationUser.builder()
                .providerName(link.destination().providerName())
                .providerAttributeValue(link.destination().value())
                .build())
            .build();
    }

    /** The declared model with its {@code Id}, for events while Create is in progress (write-only values kept). */
    public static ResourceModel withId(final ResourceModel declared, final ProviderLink link) {
        return declared.toBuilder().id(link.id()).build();
    }

    private static SourceIdentity toSource(final SourceUser source) {
        final String provider = required(source.getProviderName(), "SourceUser.ProviderName");
        final String attribute = required(source.getProviderAttributeName(), "SourceUser.ProviderAttributeName");
        final String value = required(source.getProviderAttributeValue(), "SourceUser.ProviderAttributeValue");
        if (SourceIdentity.isNative(provider)) {
            throw LinkException.invalid("SourceUser.ProviderName", "is Cognito, which names a native user. A native user can only"
                + " be the DestinationUser; set SourceUser to the external identity (Google, Facebook, LoginWithAmazon,"
                + " SignInWithApple, or your SAML/OIDC provider).");
        }
        final SourceIdentity identity = SourceIdentity.declared(provider, attribute, value);
        if (identity.isSocial() && !SourceIdentity.SUBJECT_ATTRIBUTE.equals(attribute)) {
            throw LinkException.invalid("SourceUser.ProviderAttributeName", "must be Cognito_Subject for " + provider
                + ": social providers link only by the subject they issue. Set it to Cognito_Subject and put the " + provider
                + " user id in ProviderAttributeValue.");
        }
        return identity;
    }

    private static Destination toDestination(final DestinationUser destination) {
        final String provider = required(destination.getProviderName(), "DestinationUser.ProviderName");
        final String value = required(destination.getProviderAttributeValue(), "DestinationUser.ProviderAttributeValue");
        final Destination user = Destination.of(provider, value);
        if (user.username().length() > Destination.MAX_USERNAME_LENGTH) {
            throw LinkException.invalid("DestinationUser.ProviderAttributeValue", "makes the federated username "
                + provider + "_<value> longer than " + Destination.MAX_USERNAME_LENGTH + " characters, so no such user can exist."
                + " Use the provider user id of an existing federated user.");
        }
        return user;
    }

    private static <T> T required(final T value, final String property) {
        if (value == null || (value instanceof String && ((String) value).isEmpty())) {
            throw LinkException.of(HandlerErrorCode.InvalidRequest, InputErrors.required(property));
        }
        return value;
    }
}
