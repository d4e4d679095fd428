package com.custom.cognito.providerlink.customresource;

import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.cognito.ClientBuilder;
import com.custom.cognito.providerlink.contract.LocalCognito;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** What the custom resource does before a SnapStart snapshot, and what it leaves in the snapshot. */
@ExtendWith(LocalCognito.class)
class SnapshotPrimingTest {

    @Test
    void theHookBuildsTheRegionsClientAndWalksARequestToItsSendingWithoutSendingIt() {
        final ClientBuilder clients = ClientBuilder.at(LocalCognito.emulator().endpoint());
        final int mark = LocalCognito.emulator().requests().mark();

        final boolean primed = new SnapshotPriming(clients, Optional.of("eu-west-1")).prime();

        assertThat(primed).as("the request reached the point of sending").isTrue();
        assertThat(LocalCognito.emulator().requests().since(mark)).as("and went no further").isEmpty();
        assertThat(clients.client("eu-west-1")).as("the handlers' client, built before the snapshot")
            .isSameAs(clients.client("eu-west-1"));
    }

    @Test
    void afterPrimingTheHandlersClientStillCallsCognitoOnTheSharedHttpClient() {
        final ClientBuilder clients = ClientBuilder.at(LocalCognito.emulator().endpoint());
        new SnapshotPriming(clients, Optional.of("us-east-1")).prime();

        final int pools = clients.client("us-east-1").listUserPools(r -> r.maxResults(10).overrideConfiguration(o -> o
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b"))))).userPools().size();

        assertThat(pools).as("the demo pool, through the client the priming left open").isEqualTo(1);
    }

    @Test
    void theSnapshotHoldsNoCredentialsOnlyTheFunctionsOwnChainResolvedAtEachCall() {
        final ClientBuilder clients = new ClientBuilder();

        new SnapshotPriming(clients, Optional.of("eu-west-1")).beforeCheckpoint(null);

        final CognitoIdentityProviderClient client = clients.client("eu-west-1");
        assertThat(client.serviceClientConfiguration().credentialsProvider().getClass().getSimpleName())
            .as("not static or resolved credentials").startsWith("Default");
        assertThat(client.serviceClientConfiguration().region().id()).isEqualTo("eu-west-1");
    }

    @Test
    void withoutARegionNothingIsPrimed() {
        assertThat(new SnapshotPriming(new ClientBuilder(), Optional.empty()).prime()).isFalse();
    }

    @Test
    void registeringOutsideACracRuntimeIsHarmlessAndTheHandlerStartsAsBefore() {
        final SnapshotPriming priming = SnapshotPriming.forThisFunction(new ClientBuilder());

        assertThat(priming.register()).isSameAs(priming);
        assertThat(new CustomResourceHandler()).isNotNull();
    }
}
