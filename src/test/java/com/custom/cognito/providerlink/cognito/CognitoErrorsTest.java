package com.custom.cognito.providerlink.cognito;

import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.model.Destination;
import com.custom.cognito.providerlink.model.LinkException;
import com.custom.cognito.providerlink.model.ProviderLink;
import com.custom.cognito.providerlink.model.SourceIdentity;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InternalErrorException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OperationNotEnabledException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyRequestsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.cloudformation.proxy.HandlerErrorCode;

class CognitoErrorsTest {

    private static final ProviderLink LINK = new ProviderLink("us-east-1_X", Destination.nativeUser("alice"),
        SourceIdentity.declared("Google", "Cognito_Subject", "sub-123"));
    private static final CognitoErrors.Call LINK_CALL = CognitoErrors.Call.on(CognitoAction.LINK, LINK);

    private static AwsServiceException error(final AwsServiceException.Builder builder, final String code, final String message) {
        return builder.awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).message(message)
            .build();
    }

    static Stream<Arguments> everyRowOfTheTable() {
        return Stream.of(
            Arguments.of(error(UserNotFoundException.builder(), "UserNotFoundException", "User does not exist."),
                HandlerErrorCode.NotFound,
                "DestinationUser: user pool us-east-1_X has no user 'alice'"),
            Arguments.of(error(ResourceNotFoundException.builder(), "ResourceNotFoundException",
                "User pool us-east-1_X does not exist."),
                HandlerErrorCode.NotFound, "UserPoolId: Cognito found no user pool us-east-1_X"),
            Arguments.of(error(InvalidParameterException.builder(), "InvalidParameterException", "Something odd."),
                HandlerErrorCode.InvalidRequest,
                "Cognito rejected cognito-idp:AdminLinkProviderForUser (Cognito: Something odd.)"),
            Arguments.of(error(AliasExistsException.builder(), "AliasExistsException",
                "An account with the email already exists."),
                HandlerErrorCode.InvalidRequest,
                "Cognito refused cognito-idp:AdminLinkProviderForUser because another user already has an alias"),
            Arguments.of(error(LimitExceededException.builder(), "LimitExceededException", "Limit."),
                HandlerErrorCode.ServiceLimitExceeded,
                "DestinationUser: user 'alice' already has 5 linked identities"),
            Arguments.of(error(TooManyRequestsException.builder(), "TooManyRequestsException", "Rate exceeded"),
                HandlerErrorCode.Throttling,
                "Cognito throttled cognito-idp:AdminLinkProviderForUser (Cognito: Rate exceeded). It shares the account-wide "
                    + "UserUpdate"),
            Arguments.of(error(NotAuthorizedException.builder(), "NotAuthorizedException", "Not authorized."),
                HandlerErrorCode.AccessDenied,
                "The handler's execution role may not call cognito-idp:AdminLinkProviderForUser on user pool us-east-1_X"),
            Arguments.of(error(InternalErrorException.builder(), "InternalErrorException", "Internal server error."),
                HandlerErrorCode.ServiceInternalError, "Cognito failed internally during cognito-idp:AdminLinkProviderForUser"),
            Arguments.of(error(OperationNotEnabledException.builder(), "OperationNotEnabledException", "Not in replica Regions."),
                HandlerErrorCode.InvalidRequest, "cognito-idp:AdminLinkProviderForUser is not enabled for user pool us-east-1_X"),
            Arguments.of(error(CognitoIdentityProviderException.builder(), "AccessDeniedException",
                "User: arn:x is not authorized"),
                HandlerErrorCode.AccessDenied, "The handler's execution role may not call"),
            Arguments.of(error(CognitoIdentityProviderException.builder(), "ExpiredTokenException",
                "The security token included in the request is expired"),
                HandlerErrorCode.InvalidCredentials, "AWS refused the credentials"),
            Arguments.of(error(CognitoIdentityProviderException.builder(), "SomethingNewException", "New."),
                HandlerErrorCode.GeneralServiceException,
                "Cognito answered SomethingNewException to cognito-idp:AdminLinkProviderForUser (Cognito: New.)"),
            Arguments.of(SdkClientException.create("Unable to execute HTTP request: Connection reset"),
                HandlerErrorCode.NetworkFailure,
                "Could not get an answer from Cognito for cognito-idp:AdminLinkProviderForUser"),
            Arguments.of(ApiCallTimeoutException.create(25_000), HandlerErrorCode.NetworkFailure,
                "Could not get an answer from Cognito"),
            Arguments.of(new IllegalStateException("bug"), HandlerErrorCode.InternalFailure, "Unexpected IllegalStateException"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("everyRowOfTheTable")
    void everyCognitoFailureMapsToItsCodeWithAMessageThatSaysWhatToDo(final Exception e, final HandlerErrorCode code,
        final String message) {
        final LinkException translated = CognitoErrors.translate(e, LINK_CALL);

        assertThat(translated.getErrorCode()).isEqualTo(code);
        assertThat(translated.getMessage()).startsWith(message).doesNotContain("sub-123").doesNotContain("Request ID");
    }

    /** Read from the SDK client's own method signatures, so an exception a new SDK declares fails this test until it has a row.
     * */
    @Test
    void theTableHasARowForEveryCognitoExceptionTheCalledOperationsDeclare() {
        final Set<Class<?>> declared = new TreeSet<>(Comparator.comparing(Class::getSimpleName));
        for (CognitoAction action : CognitoAction.values()) {
            final String method = Character.toLowerCase(action.operation().charAt(0)) + action.operation().substring(1);
            final Method call = Arrays.stream(CognitoIdentityProviderClient.class.getMethods())
                .filter(m -> m.getName().equals(method) && m.getParameterCount() == 1
                    && m.getParameterTypes()[0].getSimpleName().endsWith("Request"))
                .findFirst().orElseThrow(() -> new AssertionError("the client has no " + method));
            Arrays.stream(call.getExceptionTypes())
                .filter(type -> CognitoIdentityProviderException.class.isAssignableFrom(type)
                    && type != CognitoIdentityProviderException.class)
                .forEach(declared::add);
        }

        assertThat(declared).isNotEmpty();
        final Set<Class<?>> rows = CognitoErrors.TABLE.stream().map(CognitoErrors.Row::type).collect(Collectors.toSet());
        assertThat(rows).containsAll(declared);
    }

    @Test
    void onlyTheCurrentTextMeansAlreadyLinkedWhileThePre2024OneMayHaveLinked() {
        final AwsServiceException current = error(InvalidParameterException.builder(), "InvalidParameterException",
            "SourceUser is already linked to DestinationUser");
        final AwsServiceException legacy = error(InvalidParameterException.builder(), "InvalidParameterException",
            "Invalid SourceUser: Cognito users with a username/password may not be passed in as a SourceUser, only as a "
                + "DestinationUser");

        assertThat(CognitoErrors.isAlreadyLinked(current)).isTrue();
        assertThat(CognitoErrors.isLegacyAlreadyLinked(current)).isFalse();
        assertThat(CognitoErrors.isAlreadyLinked(legacy)).isFalse();
        assertThat(CognitoErrors.isLegacyAlreadyLinked(legacy)).isTrue();
    }

    @Test
    void alreadyLinkedIsOnlyEverAnInvalidParameterAnswer() {
        assertThat(CognitoErrors.isAlreadyLinked(error(AliasExistsException.builder(), "AliasExistsException",
            "already linked"))).isFalse();
        assertThat(CognitoErrors.isAlreadyLinked(new IllegalStateException("already linked"))).isFalse();
        assertThat(CognitoErrors.isAlreadyLinked(error(InvalidParameterException.builder(), "InvalidParameterException",
            "Other."))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Account isn't linked to anyone else, verify that the account has been linked",
        "Account is not linked to anyone"})
    void bothWordingsOfNotLinkedAreRecognised(final String message) {
        assertThat(CognitoErrors.isNotLinked(error(InvalidParameterException.builder(), "InvalidParameterException",
            message))).isTrue();
    }

    @Test
    void theThrottlingMessageNamesTheQuotaOfEachOperation() {
        final AwsServiceException throttled = error(TooManyRequestsException.builder(), "TooManyRequestsException",
            "Rate exceeded");

        for (CognitoAction action : CognitoAction.values()) {
            assertThat(CognitoErrors.translate(throttled, CognitoErrors.Call.onPool(action, "p_1")).getMessage())
                .contains(action.iamName()).contains(action.quota().description());
        }
        assertThat(CognitoErrors.translate(throttled, CognitoErrors.Call.onPool(CognitoAction.LIST_USERS,
            "p_1")).getMessage()).contains("UserList (30");
    }

    @Test
    void linkRefusalsAreExplainedByWhatCognitoSaid() {
        assertThat(CognitoErrors.translate(error(InvalidParameterException.builder(), "InvalidParameterException",
            "All attributes in the DestinationUser profile must be mutable"), LINK_CALL).getMessage())
            .startsWith("DestinationUser: Cognito links only to users whose attributes are all mutable");
        assertThat(CognitoErrors.translate(error(LimitExceededException.builder(), "LimitExceededException", "x"),
            CognitoErrors.Call.onPool(CognitoAction.LIST_USERS,
                "p_1"))
            .getMessage()).startsWith("Cognito reports a limit exceeded");
    }

    @Test
    void anAlreadyTranslatedFailurePassesThrough() {
        final LinkException failure = LinkException.of(HandlerErrorCode.NotFound, "gone");

        assertThat(CognitoErrors.translate(failure, LINK_CALL)).isSameAs(failure);
    }
}
