package com.custom.cognito.providerlink.local.adopt;

import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.local.emulator.CognitoEmulator;
import com.custom.cognito.providerlink.local.emulator.DemoPool;
import com.custom.cognito.providerlink.local.emulator.RequestLog;
import com.custom.cognito.providerlink.local.emulator.UserPools;
import com.custom.cognito.providerlink.local.harness.Processes;
import com.custom.cognito.providerlink.toolchains.Toolchain;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code adopt --region}, in its own JVM on the shaded jar, exactly as against a Region except that the SDK's standard
 * endpoint setting points it at an emulator: the caller's temporary credentials from the default chain sign every
 * call, the handlers' List and the attribute look-ups alike.
 */
class AdoptRegionIT {

    private static final String ACCESS_KEY_ID = "ASIAADOPTREGIONTEST0";
    private static final String SECRET = "adopt-region-test-secret";

    @Test
    void againstARegionEveryCallIsSignedWithTheCallersCredentialsAndTheFilesAreWritten() throws Exception {
        final Path out = Path.of("target", "adopt-region-it").toAbsolutePath();
        Toolchain.deleteTree(out);
        try (CognitoEmulator emulator = CognitoEmulator.start(0)) {
            DemoPool.seed(emulator);
            synchronized (emulator.lock()) {
                final UserPools.Pool pool = emulator.pools().pool(DemoPool.USER_POOL_ID);
                pool.seedLink(pool.user(DemoPool.USERNAME), "Google", DemoPool.GOOGLE_SUBJECT);
                pool.seedLink(pool.addUser("bob", Map.of("email", "bob@example.com")), "CorpSAML", "bob@example.com");
            }

            final Processes.Result result = Processes.java(Path.of("."), Map.of("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER",
                emulator.endpoint().toString(), "AWS_ACCESS_KEY_ID", ACCESS_KEY_ID, "AWS_SECRET_ACCESS_KEY", SECRET,
                "AWS_SESSION_TOKEN", "adopt-region-test-token"),
                Path.of("target", "test-classes").toAbsolutePath() + File.pathSeparator + Processes.handlerJar(),
                "com.custom.cognito.providerlink.local.run.LocalTool", "adopt", "--user-pool-id", DemoPool.USER_POOL_ID,
                "--region", "us-east-1", "--type-name", "Acme::Cognito::ProviderLink", "--out", out.toString());

            assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
            assertThat(result.stdout()).contains("Cognito in us-east-1 with your credentials", "Found 2 links among 2 users")
                .doesNotContain(SECRET, DemoPool.GOOGLE_SUBJECT, "bob@example.com");
            assertThat(emulator.requests().entries()).extracting(RequestLog.Entry::accessKeyId).containsOnly(ACCESS_KEY_ID);
            assertThat(emulator.requests().operations()).contains("ListUsers", "DescribeIdentityProvider", "AdminGetUser")
                .doesNotContain("AdminLinkProviderForUser", "AdminDisableProviderForUser");
            assertThat(Files.readString(out.resolve("cloudformation/stack-01.yaml")))
                .contains("ProviderAttributeName: \"email\"");
        }
    }
}
