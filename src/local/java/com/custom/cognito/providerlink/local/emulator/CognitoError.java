package com.custom.cognito.providerlink.local.emulator;

/** An error answer: {@code {"__type": type, "message": message}} with an HTTP status (400 for every client error). */
public final class CognitoError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String type;
    private final int status;

    CognitoError(final String type, final String message, final int status) {
        super(message, null, false, false);
        this.type = type;
        this.status = status;
    }

    public static CognitoError client(final String type, final String message) {
        return new CognitoError(type, message, 400);
    }

    public static CognitoError invalidParameter(final String message) {
        return client("InvalidParameterException", message);
    }

    public static CognitoError poolNotFound(final String userPoolId) {
        return client("ResourceNotFoundException", "User pool " + userPoolId + " does not exist.");
    }

    public static CognitoError userNotFound() {
        return client("UserNotFoundException", "User does not exist.");
    }

    public static CognitoError internal() {
        return new CognitoError("InternalErrorException", "Internal server error.", 500);
    }

    public String type() {
        return type;
    }

    public int status() {
        return status;
    }
}
