package com.custom.cognito.providerlink.model;

import com.custom.cognito.providerlink.DestinationUser;
import com.custom.cognito.providerlink.ResourceModel;
import com.custom.cognito.providerlink.SourceUser;
import software.amazon.cloudformation.proxy.HandlerErrorCode;

/**
 * Between the schema's {@link ResourceModel} and the {@link ProviderLink} the handlers work with. Everything the
 * schema cannot express (the exact character classes, no native source, the subject rule for social providers, the
 * federated username length) is checked here, before any Cognito call, with a message that names the property and
 * the fix.
 */
public final class Translator {

    private Translator() {
    }

    /** The link a template declares (Create): every property is required and checked, {@code Id} is ignored. */
    public static ProviderLink toDeclaredLink(final ResourceModel model) {
        if (model == null) {
            throw LinkException.invalid("Properties", "are missing: declare UserPoolId, SourceUser and DestinationUser.");
        }
        final String userPoolId = LinkProperty.USER_POOL_ID.check(model.getUserPoolId());
        final SourceUser source = present(model.getSourceUser(), LinkProperty.SOURCE_USER);
        final DestinationUser destination = present(model.getDestinationUser(), LinkProperty.DESTINATION_USER);
        return new ProviderLink(userPoolId, toDestination(destination), toSource(source));
    }

    /**
     * The link Read and Delete act on. CloudFormation and Cloud Control may send nothing but {@code Id}; when it is
     * absent (a create that failed before CloudFormation kept one), the properties name the same link. A source
     * attribute name in the properties is kept: Delete needs it for a SAML or OIDC link by attribute. The pending
     * {@code Id} of a create that never made its link names nothing: NotFound, without a call.
     */
    public static ProviderLink toIdentifiedLink(final ResourceModel model) {
        if (model == null || model.getId() == null) {
            if (model != null && model.getUserPoolId() != null && model.getSourceUser() != null
                && model.getDestinationUser() != null) {
                return toDeclaredLink(model);
            }
            throw LinkProperty.ID.required();
        }
        final LinkId.Parsed parsed = LinkId.parse(model.getId());
        if (parsed.pending()) {
            throw LinkException.of(HandlerErrorCode.NotFound,
                "No such link: this Id is the pending identifier a create reports before its link call could have made the"
                    + " link, and that create ended without making it. There is nothing to read or delete.");
        }
        final ProviderLink link = parsed.link();
        final SourceUser source = model.getSourceUser();
        if (source == null || source.getProviderAttributeName() == null
            || !link.source().sameIdentityAs(source.getProviderName(), source.getProviderAttributeValue())) {
            return link;
        }
        return link.withSourceAttributeName(LinkProperty.SOURCE_ATTRIBUTE_NAME.check(source.getProviderAttributeName()));
    }

    /** The pool List reads; its handler schema requires it. */
    public static String toUserPoolId(final ResourceModel model) {
        return LinkProperty.USER_POOL_ID.check(model == null ? null : model.getUserPoolId());
    }

    /**
     * Everything a read can observe of a link: the model Read, List and Create return. The destination is named by
     * the username Cognito knows it by ({@code DestinationUsername}), whatever form the template used.
     */
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
                .build())
            .destinationUsername(link.destination().username())
            .build();
    }

    /**
     * The model a create of {@code link} takes: its declaration, with the source attribute name it was declared with
     * (or the subject), as a template would write it.
     */
    public static ResourceModel toDeclaration(final ProviderLink link) {
        return ResourceModel.builder()
            .userPoolId(link.userPoolId())
            .sourceUser(SourceUser.builder()
                .providerName(link.source().providerName())
                .providerAttributeName(link.source().attributeNameOrSubject())
                .providerAttributeValue(link.source().value())
                .build())
            .destinationUser(DestinationUser.builder()
                .providerName(link.destination().providerName())
                .providerAttributeValue(link.destination().value())
                .build())
            .build();
    }

    /** The declared model with an {@code Id}, for events while Create is in progress (write-only values kept). */
    public static ResourceModel withId(final ResourceModel declared, final String id) {
        return declared.toBuilder().id(id).build();
    }

    private static SourceIdentity toSource(final SourceUser source) {
        final String provider = LinkProperty.SOURCE_PROVIDER_NAME.check(source.getProviderName());
        final String attribute = LinkProperty.SOURCE_ATTRIBUTE_NAME.check(source.getProviderAttributeName());
        final String value = LinkProperty.SOURCE_ATTRIBUTE_VALUE.check(source.getProviderAttributeValue());
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
        final String provider = LinkProperty.DESTINATION_PROVIDER_NAME.check(destination.getProviderName());
        final String value = LinkProperty.DESTINATION_ATTRIBUTE_VALUE.check(destination.getProviderAttributeValue());
        if (destination.getProviderAttributeName() != null) {
            LinkProperty.DESTINATION_ATTRIBUTE_NAME.check(destination.getProviderAttributeName());
        }
        final Destination user = Destination.of(provider, value);
        if (user.username().length() > Destination.MAX_USERNAME_LENGTH) {
            throw LinkException.invalid("DestinationUser.ProviderAttributeValue", "makes the federated username "
                + provider + "_<value> longer than " + Destination.MAX_USERNAME_LENGTH + " characters, so no such user can exist."
                + " Use the provider user id of an existing federated user.");
        }
        return user;
    }

    private static <T> T present(final T value, final LinkProperty property) {
        if (value == null) {
            throw property.required();
        }
        return value;
    }
}
