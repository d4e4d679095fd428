package com.custom.cognito.providerlink.local.adopt;

import com.custom.cognito.providerlink.cognito.ClientBuilder;
import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClientBuilder;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersResponse;

/**
 * The handlers' own clients, counting the users and pages their {@code ListUsers} calls read: how much of the pool
 * the List handler scanned, which its answers do not say.
 */
final class CountingClients extends ClientBuilder {

    private final AtomicLong users = new AtomicLong();
    private final AtomicLong pages = new AtomicLong();

    /** {@code endpoint}: a local Cognito endpoint, or null for the one the SDK resolves (a real Region). */
    CountingClients(final URI endpoint) {
        super(endpoint);
    }

    @Override
    public CognitoIdentityProviderClientBuilder builder(final String region) {
        final CognitoIdentityProviderClientBuilder builder = super.builder(region);
        return builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
            .addExecutionInterceptor(new ExecutionInterceptor() {

                @Override
                public void afterUnmarshalling(final Context.AfterUnmarshalling context, final ExecutionAttributes attributes) {
                    if (context.response() instanceof ListUsersResponse page) {
                        pages.incrementAndGet();
                        users.addAndGet(page.users().size());
                    }
                }
            }).build());
    }

    long usersRead() {
        return users.get();
    }

    long pagesRead() {
        return pages.get();
    }
}
