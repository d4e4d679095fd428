package com.custom.cognito.providerlink.cognito;

/**
 * The one table of the Cognito actions the handlers call: the IAM action a handler's role needs (and the schema's
 * {@code handlers.*.permissions} lists), and the account-wide quota category the call counts against (Quotas in
 * Amazon Cognito; which operation is in which category is the best public knowledge, not confirmed).
 */
public enum CognitoAction {

    GET_USER("AdminGetUser", Quota.USER_READ, false),
    LINK("AdminLinkProviderForUser", Quota.USER_UPDATE, true),
    UNLINK(
        "AdminDisableProviderForUser", Quota.USER_UPDATE, true),
    DESCRIBE_PROVIDER("DescribeIdentityProvider",
        Quota.USER_POOL_RESOURCE_READ, false),
    LIST_USERS("ListUsers", Quota.USER_LIST, false);

    /** A quota category, as the Quotas page names it, with its requests per second when it is fixed. */
    public enum Quota {

        USER_READ("UserRead (120 requests per second)"),
        USER_UPDATE("UserUpdate (25 requests per second)"),
        USER_LIST(
            "UserList (30 requests per second)"),
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
    private final boolean mutation;

    CognitoAction(final String operation, final Quota quota, final boolean mutation) {
        this.operation = operation;
        this.quota = quota;
        this.mutation = mutation;
    }

    /** The API operation, e.g. {@code AdminGetUser}. */
    public String operation() {
        return operation;
    }

    /** The IAM action, e.g. {@code cognito-idp:AdminGetUser}; also the call-graph name prefix the plugin recommends. */
    public String iamName() {
        return "cognito-idp:" + operation;
    }

    public Quota quota() {
        return quota;
    }

    /** Whether the call changes a link, so that an unanswered attempt may still have taken effect. */
    public boolean isMutation() {
        return mutation;
    }

    @Override
    public String toString() {
        return iamName();
    }
}
