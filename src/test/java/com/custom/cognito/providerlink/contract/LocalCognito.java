package com.custom.cognito.providerlink.contract;

import com.custom.cognito.providerlink.cognito.ClientBuilder;
import com.custom.cognito.providerlink.local.cloudcontrol.LocalCloudControl;
import com.custom.cognito.providerlink.local.emulator.CognitoEmulator;
import com.custom.cognito.providerlink.local.emulator.DemoPool;
import com.custom.cognito.providerlink.local.emulator.UserPools;
import com.custom.cognito.providerlink.local.harness.LocalContext;
import com.custom.cognito.providerlink.local.harness.WrapperInvoker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * The Cognito emulator behind every wrapper-level test: one per test JVM, on an ephemeral port, emptied and seeded
 * with the demo pool before each test. The SDK's standard endpoint property points the handlers' client at it,
 * exactly as {@code AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER} would.
 */
public final class LocalCognito implements BeforeEachCallback, ParameterResolver {

    public static final String POOL = DemoPool.USER_POOL_ID;
    private static CognitoEmulator emulator;
    private static ClientBuilder clients;
    private static LocalCloudControl cloudControl;

    public static synchronized CognitoEmulator emulator() {
        if (emulator == null) {
            try {
                emulator = CognitoEmulator.start(0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.setProperty("aws.endpointUrlCognitoIdentityProvider", emulator.endpoint().toString());
            clients = ClientBuilder.at(emulator.endpoint());
        }
        return emulator;
    }

    /** Cloud Control, CloudFormation DescribeType and STS on the emulator's endpoint; callbacks shortened to 50 ms. */
    public static synchronized LocalCloudControl cloudControl() {
        if (cloudControl == null) {
            cloudControl = LocalCloudControl.on(emulator().transport(), List.of("Acme::Cognito::ProviderLink"),
                Duration.ofMillis(50));
        }
        return cloudControl;
    }

    /** The wrapper, with a log that tests can read, and IN_PROGRESS callbacks shortened to 50 ms. */
    public static WrapperInvoker wrapper() {
        emulator();
        return new WrapperInvoker("us-east-1", WrapperInvoker.Credentials.fake(), new LocalContext(false,
            Duration.ofMinutes(15).toMillis()),
            Duration.ofMillis(50)).calling(clients);
    }

    /**
     * A link made as a sign-up trigger or a script makes it: AdminLinkProviderForUser called directly on the emulator,
     * not through the type (the links {@code adopt} takes over).
     */
    public static void linkDirectly(final String userPoolId, final String destinationUsername, final String providerName,
        final String attributeName, final String value) {
        try (CognitoIdentityProviderClient cognito = CognitoIdentityProviderClient.builder()
            .endpointOverride(emulator().endpoint()).region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build()) {
            cognito.adminLinkProviderForUser(r -> r.userPoolId(userPoolId)
                .destinationUser(d -> d.providerName("Cognito").providerAttributeValue(destinationUsername))
                .sourceUser(s -> s.providerName(providerName).providerAttributeName(attributeName)
                    .providerAttributeValue(value)));
        }
    }

    /** The demo pool plus the users the tests link to: bob and carol (native), and a Facebook user. */
    public static UserPools.Pool pool() {
        return emulator().pools().pool(POOL);
    }

    @Override
    public void beforeEach(final ExtensionContext context) {
        final CognitoEmulator cognito = emulator();
        cognito.reset();
        DemoPool.seed(cognito);
        synchronized (cognito.lock()) {
            final UserPools.Pool pool = cognito.pools().pool(POOL);
            pool.addProvider("Facebook", "Facebook", Map.of());
            pool.addProvider("LoginWithAmazon", "LoginWithAmazon", Map.of());
            pool.addUser("bob", Map.of("email", "bob@example.com"));
            pool.addUser("carol", Map.of("email", "carol@example.com"));
            pool.addFederatedProfile("Facebook", "10150000000000001");
        }
    }

    @Override
    public boolean supportsParameter(final ParameterContext parameter, final ExtensionContext context) {
        return parameter.getParameter().getType() == CognitoEmulator.class;
    }

    @Override
    public Object resolveParameter(final ParameterContext parameter, final ExtensionContext context) {
        return emulator();
    }
}
