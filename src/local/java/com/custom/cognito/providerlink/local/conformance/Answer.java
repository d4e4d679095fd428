package com.custom.cognito.providerlink.local.conformance;

import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** How Cognito answered one direct call: success, or the error code and the exact message. */
record Answer(String errorCode, String message) {

    static Answer of(final Supplier<?> call) {
        try {
            call.get();
            return new Answer(null, null);
        } catch (AwsServiceException e) {
            final String code = e.awsErrorDetails() == null ? e.getClass().getSimpleName() : e.awsErrorDetails().errorCode();
            final String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
            return new Answer(code, message);
        }
    }

    boolean ok() {
        return errorCode == null;
    }

    /** For the report: "success", or "ErrorCode: message". */
    String text() {
        return ok() ? "success" : errorCode + ": " + message;
    }
}
