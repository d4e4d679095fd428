package com.custom.cognito.providerlink.cognito;

import static software.amazon.cloudformation.proxy.HandlerErrorCode.AccessDenied;
import static software.amazon.cloudformation.proxy.HandlerErrorCode.GeneralServiceException;
import static software.amazon.cloudformation.proxy.HandlerErrorCode.InternalFailure;
import static software.amazon.cloudformation.proxy.HandlerErrorCode.InvalidCredentials;
import static software.amazon.cloudformation.proxy.HandlerErrorCode.InvalidRequest;
import static software.amazon.cloudformation.proxy.HandlerErrorCode.NetworkFailure;
import static software.amazon.cloudformation.proxy.HandlerErrorCode.NotFound;
import static software.amazon.cloudformation.proxy.HandlerErrorCode.ServiceInternalError;
import static software.amazon.cloudformation.proxy.HandlerErrorCode.ServiceLimitExceeded;
import static software.amazon.cloudformation.proxy.HandlerErrorCode.Throttling;

import com.custom.cognito.providerlink.model.LinkException;
import com.custom.cognito.providerlink.model.ProviderLink;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InternalErrorException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OperationNotEnabledException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyRequestsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.cloudformation.exceptions.BaseHandlerException;
import software.amazon.cloudformation.proxy.HandlerErrorCode;

/**
 * The one table from Cognito's exceptions to CloudFormation error codes, with messages that say what to change.
 * It goes by exception type, never by HTTP status: Cognito answers 400 for every client error, throttling included,
 * which the plugin's default handler would turn into InvalidRequest.
 */
public final class CognitoErrors {

    /** What a failed call was doing: the action, the pool, and the link when there is one. */
    public record Call(CognitoAction action, String userPoolId, ProviderLink link) {

        public static Call on(final CognitoAction action, final ProviderLink link) {
            return new Call(action, link.userPoolId(), link);
        }

        public static Call onPool(final CognitoAction action, final String userPoolId) {
            return new Call(action, userPoolId, null);
        }

        String destination() {
            return link == null ? "the user" : link.destination().describe();
        }
    }

    record Row(Class<? extends AwsServiceException> type, HandlerErrorCode code, BiFunction<Call, String, String> message) {
    }

    static final List<Row> TABLE = List.of(
        new Row(UserNotFoundException.class, NotFound, (call, cognito) -> String.format(
            "DestinationUser: user pool %s has no %s (Cognito: %s). Create the user first, or correct "
                + "DestinationUser.ProviderName"
                + " and ProviderAttributeValue (a native user is Cognito plus the username).",
            call.userPoolId(), call.destination(), cognito)),
        new Row(ResourceNotFoundException.class, NotFound, (call, cognito) -> String.format(
            "UserPoolId: Cognito found no user pool %s (Cognito: %s). Check UserPoolId, and that the stack runs in the pool's"
                + " account and Region.",
            call.userPoolId(), cognito)),
        new Row(InvalidParameterException.class, InvalidRequest, CognitoErrors::invalidParameter),
        new Row(AliasExistsException.class, InvalidRequest, (call, cognito) -> String.format(
            "Cognito refused %s because another user already has an alias (email or phone number) of %s (Cognito: %s)."
                + " Resolve the duplicate alias, then retry.",
            call.action(), call.destination(), cognito)),
        new Row(LimitExceededException.class, ServiceLimitExceeded, (call, cognito) -> call.action() == CognitoAction.LINK
            ? String.format("DestinationUser: %s already has 5 linked identities, the most Cognito allows (not adjustable)"
                + " (Cognito: %s). Remove a link from that user first, or link this identity to another user.",
                call.destination(), cognito)
            : String.format("Cognito reports a limit exceeded during %s (Cognito: %s).", call.action(), cognito)),
        new Row(TooManyRequestsException.class, Throttling, (call, cognito) -> String.format(
            "Cognito throttled %s (Cognito: %s). It shares the account-wide %s quota with every other caller in the account and"
                + " Region.",
            call.action(), cognito, call.action().quota().description())),
        new Row(NotAuthorizedException.class, AccessDenied, CognitoErrors::accessDenied),
        new Row(InternalErrorException.class, ServiceInternalError, (call, cognito) -> String.format(
            "Cognito failed internally during %s, also on retry (Cognito: %s). Retry the operation later.", call.action(),
            cognito)),
        new Row(OperationNotEnabledException.class, InvalidRequest, (call, cognito) -> String.format(
            "%s is not enabled for user pool %s here (Cognito: %s). Manage links in the pool's primary Region.",
            call.action(), call.userPoolId(), cognito)));

    /** Errors every AWS service can answer, without a Cognito exception class. */
    private static final Set<String> CREDENTIAL_ERRORS = Set.of("UnrecognizedClientException", "InvalidClientTokenId",
        "ExpiredTokenException", "ExpiredToken", "InvalidSignatureException", "IncompleteSignature",
        "MissingAuthenticationToken");
    private static final String IAM_DENIAL = "AccessDeniedException";

    private CognitoErrors() {
    }

    public static LinkException translate(final Throwable e, final Call call) {
        if (e instanceof LinkException) {
            return (LinkException) e;
        }
        if (e instanceof AwsServiceException) {
            final AwsServiceException service = (AwsServiceException) e;
            final String cognito = cognitoMessage(service);
            for (Row row : TABLE) {
                if (row.type().isInstance(e)) {
                    return LinkException.of(row.code(), row.message().apply(call, cognito), e);
                }
            }
            final String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            if (IAM_DENIAL.equals(code)) {
                return LinkException.of(AccessDenied, accessDenied(call, cognito), e);
            }
            if (CREDENTIAL_ERRORS.contains(code)) {
                return LinkException.of(InvalidCredentials, String.format(
                    "AWS refused the credentials CloudFormation passed for %s (%s). Check the handler's execution role.",
                    call.action(), code), e);
            }
            return unrecognised(service, code == null ? e.getClass().getSimpleName() : code,
                String.format("Cognito answered %s to %s (Cognito: %s).", code == null ? e.getClass().getSimpleName() : code,
                    call.action(), cognito));
        }
        if (e instanceof SdkClientException) {
            return LinkException.of(NetworkFailure, String.format("Could not get an answer from Cognito for %s: %s",
                call.action(), e.getMessage()), e);
        }
        return LinkException.of(InternalFailure, String.format("Unexpected %s during %s.", e.getClass().getSimpleName(),
            call.action()), e);
    }

    /**
     * Anything a handler let escape, outside any one Cognito call (every entry point answers it the same way): a
     * handler's own failure as it is; an AWS answer by the same rules as above; anything else InternalFailure, naming
     * the class only, never a stack trace or the request.
     */
    public static BaseHandlerException escaped(final Throwable e) {
        if (e instanceof BaseHandlerException) {
            return (BaseHandlerException) e;
        }
        if (e instanceof AwsServiceException) {
            final AwsServiceException service = (AwsServiceException) e;
            final String code = service.awsErrorDetails() == null
                ? service.getClass().getSimpleName()
                : service.awsErrorDetails().errorCode();
            return unrecognised(service, code, "An AWS service answered " + code + "; retry the operation.");
        }
        return LinkException.of(InternalFailure, "The handler failed unexpectedly (" + e.getClass().getSimpleName()
            + "). Nothing about the request was at fault; retry the operation, and report it if it recurs.", e);
    }

    /** An answer no row names: throttling if the SDK counts its code as throttling, otherwise a service exception. */
    private static LinkException unrecognised(final AwsServiceException e, final String code, final String message) {
        return LinkException.of(e.isThrottlingException() ? Throttling : GeneralServiceException, message, e);
    }

    /**
     * "SourceUser is already linked to DestinationUser": how Cognito has answered a link that already exists since
     * mid-2024 (aws/aws-sdk#766). It does not say to which user: read back to find out.
     */
    public static boolean isAlreadyLinked(final Throwable e) {
        final String message = invalidParameterMessage(e);
        return message != null && message.contains("already linked");
    }

    /**
     * The pre-2024 "Invalid SourceUser: Cognito users with a username/password may not be passed in as a SourceUser"
     * answer. The handlers never send a native source, so it meant "already linked" (boto/boto3#4163), but it was
     * also answered to calls that made the link (aws/aws-sdk-js-v3#5281): only a read tells which.
     */
    public static boolean isLegacyAlreadyLinked(final Throwable e) {
        final String message = invalidParameterMessage(e);
        return message != null && message.startsWith("Invalid SourceUser: Cognito users");
    }

    /** "Account isn't linked to anyone else, verify that the account has been linked" (aws/aws-sdk-go#4218). */
    public static boolean isNotLinked(final Throwable e) {
        final String message = invalidParameterMessage(e);
        return message != null && (message.contains("isn't linked") || message.contains("is not linked"));
    }

    /**
     * AliasExistsException answered to a link. The service model declares it; another public emulator (floci) answers
     * it for an identity linked to another user, while the only field report saw it for a duplicate email alias
     * (aws-amplify/amplify-js#497): only a search tells which.
     */
    public static boolean isAliasConflict(final Throwable e) {
        return e instanceof AliasExistsException;
    }

    private static String invalidParameterMessage(final Throwable e) {
        return e instanceof InvalidParameterException ? cognitoMessage(e) : null;
    }

    /** Cognito's own text, without the SDK's "(Service: …, Request ID: …)" suffix. */
    static String cognitoMessage(final Throwable e) {
        final String message = e instanceof AwsServiceException && ((AwsServiceException) e).awsErrorDetails() != null
            ? ((AwsServiceException) e).awsErrorDetails().errorMessage()
            : null;
        return message == null ? e.getClass().getSimpleName() : message;
    }

    private static String invalidParameter(final Call call, final String cognito) {
        if (call.link() != null && cognito.contains("Merging is not currently supported")) {
            final ProviderLink link = call.link();
            return String.format("SourceUser: this %s has already signed in to user pool %s, so Cognito keeps it as its own user"
                + " '%s_<ProviderAttributeValue>', and Cognito cannot merge users (Cognito: %s). Delete that federated user"
                + " (AdminDeleteUser) after saving anything you need from it, then create the link again.",
                link.source(), link.userPoolId(), link.source().providerName(), cognito);
        }
        if (call.link() != null && cognito.contains("does not exist for User Pool")) {
            return String.format("SourceUser.ProviderName: user pool %s has no identity provider named '%s' (Cognito: %s)."
                + " Names are case-sensitive: use the name exactly as configured (Google, Facebook, LoginWithAmazon,"
                + " SignInWithApple, or your SAML/OIDC provider's name).",
                call.userPoolId(), call.link().source().providerName(), cognito);
        }
        if (cognito.contains("mutable")) {
            return String.format("DestinationUser: Cognito links only to users whose attributes are all mutable, and %s has an"
                + " immutable one (Cognito: %s). Link the identity to another user.", call.destination(), cognito);
        }
        if (call.action() == CognitoAction.LIST_USERS && cognito.toLowerCase(Locale.ROOT).contains("token")) {
            return String.format("nextToken: Cognito no longer accepts this pagination token for user pool %s: it is invalid or"
                + " has expired (Cognito: %s). Restart the listing without a nextToken.", call.userPoolId(), cognito);
        }
        return String.format("Cognito rejected %s (Cognito: %s). Check the property that message names.", call.action(), cognito);
    }

    private static String accessDenied(final Call call, final String cognito) {
        return String.format("The handler's execution role may not call %s on user pool %s (Cognito: %s). Grant it that action:"
            + " resource-role.yaml lists every action the handlers need.", call.action(), call.userPoolId(), cognito);
    }

    /** Throttled: TooManyRequestsException, or any error code the SDK counts as throttling. */
    public static boolean isThrottling(final Throwable e) {
        return e instanceof TooManyRequestsException || e instanceof AwsServiceException
            && ((AwsServiceException) e).isThrottlingException();
    }

    /**
     * An attempt that got no answer (a dropped connection, a timeout) or a server error: it may have taken effect, and
     * trying again is safe for every call the handlers make.
     */
    public static boolean isUnanswered(final Throwable e) {
        return e instanceof SdkClientException
            || e instanceof InternalErrorException
            || e instanceof AwsServiceException && ((AwsServiceException) e).statusCode() >= 500;
    }
}
