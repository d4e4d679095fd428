package com.custom.cognito.providerlink.customresource;

import com.custom.cognito.providerlink.cognito.ClientBuilder;
import java.util.Optional;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClientBuilder;

/**
 * Lambda SnapStart takes a snapshot of the function after its initialisation (with {@code SnapStart} on published
 * versions, as examples/custom-resource/function.yaml sets it) and restores every cold start from it. Before the
 * snapshot, this builds the Region's Cognito client the handlers will use and runs one request through the SDK's whole
 * request path (endpoint rules, marshalling, the interceptor chain) up to the point of sending, where it is stopped:
 * the classes are loaded and the client exists, but no request is signed (anonymous credentials for this one call) or
 * sent, no connection is opened, and nothing of an account, a caller or an event is kept. Outside a CRaC runtime the
 * registration is a no-op (org.crac's compatibility layer).
 */
final class SnapshotPriming implements Resource {

    /** Stops the priming request where it would be sent. */
    static final class Stopped extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Stopped() {
            super("priming request stopped before it was sent", null, false, false);
        }
    }

    private final ClientBuilder clients;
    private final Optional<String> region;

    SnapshotPriming(final ClientBuilder clients, final Optional<String> region) {
        this.clients = clients;
        this.region = region;
    }

    /** The function's own Region (Lambda sets AWS_REGION), where its user pools are expected. */
    static SnapshotPriming forThisFunction(final ClientBuilder clients) {
        return new SnapshotPriming(clients, Optional.ofNullable(System.getenv("AWS_REGION")).filter(r -> !r.isBlank()));
    }

    /** Registers with the global CRaC context, which holds it for the process's life. */
    SnapshotPriming register() {
        Core.getGlobalContext().register(this);
        return this;
    }

    @Override
    public void beforeCheckpoint(final Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(final Context<? extends Resource> context) {
        // Nothing was kept that the restored function must refresh: no credentials, no connection, no event.
    }

    /** Builds the Region's client and walks one request up to its sending; true when it got there. */
    boolean prime() {
        if (region.isEmpty()) {
            return false;
        }
        clients.client(region.get());
        final CognitoIdentityProviderClientBuilder builder = clients.builder(region.get());
        try (CognitoIdentityProviderClient priming = builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
            .addExecutionInterceptor(new ExecutionInterceptor() {

                @Override
                public void beforeTransmission(final software.amazon.awssdk.core.interceptor.Context.BeforeTransmission call,
                    final ExecutionAttributes attributes) {
                    throw new Stopped();
                }
            }).build()).credentialsProvider(AnonymousCredentialsProvider.create()).build()) {
            priming.adminGetUser(r -> r.userPoolId(region.get() + "_Priming").username("priming"));
            return false;
        } catch (Stopped expected) {
            return true;
        }
    }
}
