package com.custom.cognito.providerlink.cognito;

import com.custom.cognito.providerlink.model.ProviderLink;
import com.custom.cognito.providerlink.model.SourceIdentity;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminDisableProviderForUserRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminLinkProviderForUserRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DescribeIdentityProviderRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ProviderUserIdentifierType;

/** Every Cognito request the handlers send, built from the domain types and nowhere else. */
public final class CognitoRequests {

    /** ListUsers' largest page (QueryLimitType, service model). */
    public static final int MAX_PAGE_SIZE = 60;

    private CognitoRequests() {
    }

    /** Looks the link's destination up; AdminGetUser also finds a native user by an alias or its {@code sub}. */
    public static AdminGetUserRequest getUser(final ProviderLink link) {
        return AdminGetUserRequest.builder().userPoolId(link.userPoolId()).username(link.destination().username()).build();
    }

    public static AdminLinkProviderForUserRequest link(final ProviderLink link) {
        return AdminLinkProviderForUserRequest.builder()
            .userPoolId(link.userPoolId())
            .destinationUser(ProviderUserIdentifierType.builder()
                .providerName(link.destination().providerName())
                .providerAttributeValue(link.destination().value())
                .build())
            .sourceUser(ProviderUserIdentifierType.builder()
                .providerName(link.source().providerName())
                .providerAttributeName(link.source().attributeNameOrSubject())
                .providerAttributeValue(link.source().value())
                .build())
            .build();
    }

    /**
     * Unlinks by naming the source identity only; Cognito finds the user it is linked to. The provider is a
     * {@link SourceIdentity}'s, which is never {@code Cognito}: that request would disable a native user's
     * password sign-in instead of unlinking anything.
     */
    public static AdminDisableProviderForUserRequest unlink(final String userPoolId, final SourceIdentity source,
        final String attributeName) {
        return AdminDisableProviderForUserRequest.builder()
            .userPoolId(userPoolId)
            .user(ProviderUserIdentifierType.builder()
                .providerName(source.providerName())
                .providerAttributeName(attributeName)
                .providerAttributeValue(source.value())
                .build())
            .build();
    }

    /** All attributes come back when AttributesToGet is omitted; naming {@code identities} fails on unlinked users. */
    public static ListUsersRequest listUsers(final String userPoolId, final String paginationToken) {
        return ListUsersRequest.builder().userPoolId(userPoolId).limit(MAX_PAGE_SIZE).paginationToken(paginationToken).build();
    }

    public static DescribeIdentityProviderRequest describeProvider(final String userPoolId, final String providerName) {
        return DescribeIdentityProviderRequest.builder().userPoolId(userPoolId).providerName(providerName).build();
    }
}
