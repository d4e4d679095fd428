package com.custom.cognito.providerlink.cognito;

/**
 * The one table of the Cognito actions the handlers call: the IAM action a handler's role needs (and the schema's
 * {@code handlers.*.permissions} lists), and the account-wide quota category the call counts against (Quotas in
 * Amazon Cognito; which operation is in which category is the best public knowledge, not confirmed).
 */
public enum CognitoAction {

    GET_USER("AdminGetUser", Quota.USER_READ),
    LINK("AdminLinkProviderForUser", Quota.USER_UPDATE),
    UNLINK("AdminDisableProviderForUser", Quota.USER_UPDATE),
    DESCRIBE_PROVIDER("DescribeIdentityProvider", Quota.USER_POOL_RESOURCE_READ),
    LIST_USERS("ListUsers", Quota.USER_LIST);

    /** A quota category, as the Quotas page names it, with its requests per second when it is fixed. */
    public enum Quota {

        USER_READ("UserRead (120 requests per second)"),
        USER_UPDATE("UserUpdate (25 requests per second)"),
        USER_LIST("UserList (30 requests per second)"),
        USER_POOL_RESOURCE_READ("user-pool resource read");

        private final String description;

        Quota(final String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private final String operation;
    private final Quota quota;

    CognitoAction(final String operation, final Quota quota) {
        this.operation = operation;
        this.quota = quota;
    }

    /** The API operation, e.g. {@code AdminGetUser}. */
    public String operation() {
        return operation;
    }

    /** The IAM action, e.g. {@code cognito-idp:AdminGetUser}. */
    public String iamName() {
        return "cognito-idp:" + operation;
    }

    public Quota quota() {
        return quota;
    }

    @Override
    public String toString() {
        return iamName();
    }
}
