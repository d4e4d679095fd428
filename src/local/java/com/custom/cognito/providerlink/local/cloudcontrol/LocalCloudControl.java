package com.custom.cognito.providerlink.local.cloudcontrol;

import com.custom.cognito.providerlink.cognito.ClientBuilder;
import com.custom.cognito.providerlink.local.aws.AwsEndpoint;
import java.time.Duration;
import java.util.List;

/**
 * What Terraform, the AWS CLI and other Cloud Control clients need beside Cognito, served on the endpoint the
 * Cognito emulator shares: Cloud Control for this type, CloudFormation's DescribeType (clients look the schema up)
 * and STS GetCallerIdentity (clients check their credentials with it first).
 */
public final class LocalCloudControl implements AutoCloseable {

    private final RegisteredTypes types;
    private final CloudControlService cloudControl;

    private LocalCloudControl(final RegisteredTypes types, final CloudControlService cloudControl) {
        this.types = types;
        this.cloudControl = cloudControl;
    }

    /**
     * @param typeNames         the names the type is registered under, beside its development name
     * @param maxCallbackDelay  the longest callback delay honoured between IN_PROGRESS invocations
     */
    public static LocalCloudControl on(final AwsEndpoint endpoint, final List<String> typeNames,
        final Duration maxCallbackDelay) {
        final RegisteredTypes types = new RegisteredTypes(typeNames);
        final CloudControlService cloudControl = new CloudControlService(types, maxCallbackDelay,
            ClientBuilder.at(endpoint.uri()));
        endpoint.register(cloudControl).register(new CloudFormationService(types)).register(new StsService());
        return new LocalCloudControl(types, cloudControl);
    }

    public RegisteredTypes types() {
        return types;
    }

    /** Resource requests still running. */
    public List<String> activeRequests() {
        return cloudControl.activeRequests();
    }

    @Override
    public void close() {
        cloudControl.close();
    }
}
