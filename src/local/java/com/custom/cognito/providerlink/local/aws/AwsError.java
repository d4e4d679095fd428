package com.custom.cognito.providerlink.local.aws;

/**
 * An error answer: its type ({@code __type} in the JSON protocols, {@code Code} in the query protocol), its message,
 * and the HTTP status. AWS services answer client errors with 400 even where their models declare another status.
 */
public class AwsError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String type;
    private final int status;

    public AwsError(final String type, final String message, final int status) {
        super(message, null, false, false);
        this.type = type;
        this.status = status;
    }

    public static AwsError client(final String type, final String message) {
        return new AwsError(type, message, 400);
    }

    public String type() {
        return type;
    }

    public int status() {
        return status;
    }

    /** A client error (the query protocol's {@code Sender}) rather than the service's own (5xx). */
    public boolean isClientError() {
        return status < 500;
    }
}
