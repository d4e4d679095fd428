package com.custom.cognito.providerlink.local.harness;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/** The Region and the temporary credentials of the person running a local command against a real account. */
public record CallerCredentials(String region, WrapperInvoker.Credentials credentials) {

    /**
     * {@code --region R} or the default Region chain, and the default credential chain; on a problem, one line on
     * {@code err} that says what to do, and empty.
     */
    public static Optional<CallerCredentials> resolve(final List<String> options, final PrintStream err) {
        final int regionAt = options.indexOf("--region");
        final String region;
        try {
            region = regionAt >= 0 && regionAt + 1 < options.size()
                ? options.get(regionAt + 1)
                : DefaultAwsRegionProviderChain.builder().build().getRegion().id();
        } catch (SdkClientException e) {
            err.println("No AWS Region: pass --region <region>, or set AWS_REGION or a profile's region.");
            return Optional.empty();
        }
        final AwsCredentials resolved;
        try {
            resolved = DefaultCredentialsProvider.builder().build().resolveCredentials();
        } catch (SdkClientException e) {
            err.println("No AWS credentials found by the default chain (environment, profile, SSO, instance role): configure"
                + " them, e.g. with aws configure or AWS_PROFILE, or use --emulator to run against the local Cognito emulator.");
            return Optional.empty();
        }
        if (!(resolved instanceof AwsSessionCredentials session)) {
            // The plugin's proxy builds session credentials from what CloudFormation passes, and refuses a missing token.
            err.println("The default credentials are long-term keys without a session token, and the plugin needs temporary"
                + " credentials, as CloudFormation passes them. Use an SSO or role profile, or export the output of"
                + " aws sts get-session-token as AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN.");
            return Optional.empty();
        }
        return Optional.of(new CallerCredentials(region, new WrapperInvoker.Credentials(session.accessKeyId(),
            session.secretAccessKey(), session.sessionToken())));
    }
}
