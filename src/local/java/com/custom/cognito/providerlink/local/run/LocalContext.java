package com.custom.cognito.providerlink.local.run;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A Lambda context for running the wrapper in-process; what the handlers log is kept in {@link #logLines()}. */
public final class LocalContext implements Context {

    private final List<String> lines = new ArrayList<>();
    private final boolean echo;
    private final long deadline;

    public LocalContext(final boolean echo, final long timeoutMillis) {
        this.echo = echo;
        this.deadline = System.currentTimeMillis() + timeoutMillis;
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
        return (int) Math.max(0, deadline - System.currentTimeMillis());
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
        return "TypeFunction";
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:123456789012:function:TypeFunction";
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
