package com.custom.cognito.providerlink.local.harness;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * A Lambda context for running the wrapper in-process: its remaining time counts down on a clock (the real one, or a
 * {@link ManualClock} a test moves), it names the function being invoked, and what the handlers log is kept in
 * {@link #logLines()}.
 */
public final class LocalContext implements Context {

    /** The function the local tools play: the ServiceToken their custom-resource events name. */
    public static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:cognito-provider-link";

    private final List<String> lines = new ArrayList<>();
    private final boolean echo;
    private final LongSupplier clock;
    private final long deadline;
    private final String functionArn;

    public LocalContext(final boolean echo, final long timeoutMillis) {
        this(echo, System::currentTimeMillis, timeoutMillis, FUNCTION_ARN);
    }

    private LocalContext(final boolean echo, final LongSupplier clock, final long timeoutMillis, final String functionArn) {
        this.echo = echo;
        this.clock = clock;
        this.deadline = clock.getAsLong() + timeoutMillis;
        this.functionArn = functionArn;
    }

    /** A context whose time runs on {@code clock}: it counts down only when the test moves the clock. */
    public static LocalContext on(final ManualClock clock, final long timeoutMillis) {
        return new LocalContext(false, clock::millis, timeoutMillis, FUNCTION_ARN);
    }

    /** The same, as an invocation of another function (another name, alias, account or Region). */
    public LocalContext invoking(final String otherFunctionArn) {
        return new LocalContext(echo, clock, deadline - clock.getAsLong(), otherFunctionArn);
    }

    public synchronized List<String> logLines() {
        return List.copyOf(lines);
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {

            @Override
            public void log(final String message) {
                synchronized (LocalContext.this) {
                    lines.add(message);
                }
                if (echo) {
                    System.err.print("    log: " + message + (message.endsWith("\n") ? "" : "\n"));
                }
            }

            @Override
            public void log(final byte[] message) {
                log(new String(message, StandardCharsets.UTF_8));
            }
        };
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, deadline - clock.getAsLong());
    }

    @Override
    public String getAwsRequestId() {
        return UUID.randomUUID().toString();
    }

    @Override
    public String getLogGroupName() {
        return "local";
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return functionArn.split(":")[6];
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return functionArn;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getMemoryLimitInMB() {
        return 256;
    }
}
