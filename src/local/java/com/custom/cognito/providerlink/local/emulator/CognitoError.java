package com.custom.cognito.providerlink.local.emulator;

import com.custom.cognito.providerlink.local.aws.AwsError;

/** A Cognito error answer: 400 for every client error, as the service sends them even where its model declares 404 or 429. */
public final class CognitoError extends AwsError {

    private static final long serialVersionUID = 1L;

    private CognitoError(final String type, final String message, final int status) {
        super(type, message, status);
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
}
