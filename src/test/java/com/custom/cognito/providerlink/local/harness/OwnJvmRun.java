package com.custom.cognito.providerlink.local.harness;

import com.custom.cognito.providerlink.local.emulator.CognitoEmulator;
import com.custom.cognito.providerlink.local.emulator.DemoPool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The set-up every test shares that runs the packaged jar in a JVM of its own: an emulator on an ephemeral port
 * seeded with the demo pool and bob, a scratch folder under {@code target/} (the JVM's working and temporary
 * directory), and the requests CloudFormation would send. Register it as a static field with
 * {@code @RegisterExtension}; it starts before the class's first test and stops after its last.
 */
public final class OwnJvmRun implements BeforeAllCallback, AfterAllCallback {

    private final Path work;
    private CognitoEmulator cognito;

    /** {@code folder}: the scratch folder's name under {@code target/}. */
    public OwnJvmRun(final String folder) {
        this.work = Path.of("target", folder).toAbsolutePath();
    }

    @Override
    public void beforeAll(final ExtensionContext context) throws Exception {
        cognito = CognitoEmulator.start(0);
        DemoPool.seed(cognito);
        synchronized (cognito.lock()) {
            cognito.pools().pool(DemoPool.USER_POOL_ID).addUser("bob", Map.of("email", "bob@example.com"));
        }
        Files.createDirectories(work);
    }

    @Override
    public void afterAll(final ExtensionContext context) {
        cognito.close();
    }

    public CognitoEmulator cognito() {
        return cognito;
    }

    /** The scratch folder under {@code target/}. */
    public Path work() {
        return work;
    }

    /** The environment that points the SDK in the other JVM at the emulator. */
    public Map<String, String> endpoint() {
        return Map.of("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", cognito.endpoint().toString());
    }

    /** Requests as CloudFormation sends them: us-east-1, fake caller credentials, a 60-second Lambda context. */
    public WrapperInvoker requests() {
        return new WrapperInvoker("us-east-1", WrapperInvoker.Credentials.fake(), new LocalContext(false, 60_000), Duration.ZERO);
    }
}
