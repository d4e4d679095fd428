package com.custom.cognito.providerlink.model;

import software.amazon.cloudformation.exceptions.BaseHandlerException;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.ProgressEvent;

/**
 * A failure that CloudFormation shows to the user: an error code and a message that says what went wrong and
 * what to change. The plugin's own {@code Cfn*Exception}s have fixed message templates, so every failure of this
 * type goes through here.
 */
public final class LinkException extends BaseHandlerException {

    private static final long serialVersionUID = 1L;

    private LinkException(final HandlerErrorCode code, final String message, final Throwable cause) {
        super(message, cause, code);
    }

    public static LinkException of(final HandlerErrorCode code, final String message) {
        return new LinkException(code, message, null);
    }

    public static LinkException of(final HandlerErrorCode code, final String message, final Throwable cause) {
        return new LinkException(code, message, cause);
    }

    /** Bad input: names the property (as the template spells it) and the fix. */
    public static LinkException invalid(final String property, final String problemAndFix) {
        return invalid(property + ": " + problemAndFix);
    }

    /** Bad input, with a message that already names the property and the fix. */
    public static LinkException invalid(final String message) {
        return of(HandlerErrorCode.InvalidRequest, message);
    }

    /** The FAILED event; {@code model} is what a rollback should delete, or null when nothing was made. */
    public <M, C> ProgressEvent<M, C> toEvent(final M model) {
        return ProgressEvent.failed(model, null, getErrorCode(), getMessage());
    }
}
