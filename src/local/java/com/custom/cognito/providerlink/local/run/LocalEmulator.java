package com.custom.cognito.providerlink.local.run;

import com.custom.cognito.providerlink.local.aws.AwsEndpoint;
import com.custom.cognito.providerlink.local.cloudcontrol.LocalCloudControl;
import com.custom.cognito.providerlink.local.emulator.CognitoEmulator;
import com.custom.cognito.providerlink.local.emulator.DemoPool;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The README's emulator command: the local AWS endpoint, in the foreground until Ctrl-C, for the AWS CLI, an SDK or
 * Terraform. On one port it serves the Cognito user-pool API, the Cloud Control API backed by the real handlers (which
 * call this same endpoint for Cognito), CloudFormation's DescribeType for the type's schema, and STS GetCallerIdentity.
 */
final class LocalEmulator {

    static final int DEFAULT_PORT = 9229;
    private static final PrintStream OUT = System.out;

    private LocalEmulator() {
    }

    /** {@code [--port N] [--seed-demo]}; returns the exit code. Blocks until the JVM is asked to stop. */
    static int run(final String[] args) throws InterruptedException {
        int port = DEFAULT_PORT;
        boolean seed = false;
        final List<String> typeNames = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--port") && i + 1 < args.length && args[i + 1].matches("[0-9]{1,5}")) {
                port = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--seed-demo")) {
                seed = true;
            } else if (args[i].equals("--type-name") && i + 1 < args.length) {
                typeNames.add(args[++i]);
            } else {
                System.err.println("usage: emulator [--port N] [--seed-demo] [--type-name Org::Service::Resource ...]"
                    + "   (unknown or incomplete option: " + args[i] + ")");
                return 2;
            }
        }
        final AwsEndpoint endpoint;
        try {
            endpoint = AwsEndpoint.start(port);
        } catch (IOException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        final CognitoEmulator cognito = CognitoEmulator.on(endpoint);
        if (seed) {
            DemoPool.seed(cognito);
        }
        final LocalCloudControl cloudControl = LocalCloudControl.on(endpoint, typeNames, Duration.ofMinutes(10));
        System.setProperty("aws.endpointUrlCognitoIdentityProvider", endpoint.uri().toString());
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            cloudControl.close();
            endpoint.close();
            OUT.println("Emulator stopped.");
            stopped.countDown();
            // Ctrl-C is how this command ends: end with success, so that Maven reports the run as it was.
            Runtime.getRuntime().halt(0);
        }));
        OUT.println("Local AWS endpoint on " + endpoint.uri() + (seed ? " with " + DemoPool.describe() : ""));
        OUT.println("  Cognito user pools (cognito-idp); Cloud Control (cloudcontrol) for "
            + String.join(", ", cloudControl.types().names())
            + "; CloudFormation DescribeType; STS GetCallerIdentity");
        OUT.println("It runs in the foreground: use a second terminal, with any credentials, e.g.");
        OUT.println("  export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_DEFAULT_REGION=us-east-1");
        OUT.println("  aws --endpoint-url " + endpoint.uri() + " cognito-idp list-users --user-pool-id " + DemoPool.USER_POOL_ID);
        OUT.println("  aws --endpoint-url " + endpoint.uri() + " cloudcontrol list-resources --type-name "
            + cloudControl.types().names().iterator().next()
            + " --resource-model '{\"UserPoolId\":\"" + DemoPool.USER_POOL_ID + "\"}'");
        OUT.println("Ctrl-C stops it.");
        stopped.await();
        return 0;
    }
}
