package com.custom.cognito.providerlink.local.emulator;

import com.custom.cognito.providerlink.local.aws.AwsCall;
import com.custom.cognito.providerlink.local.aws.AwsError;
import com.custom.cognito.providerlink.local.aws.AwsService;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Cognito's user-pool API (AWS JSON 1.1, {@code X-Amz-Target: AWSCognitoIdentityProviderService.<Operation>}) on an
 * {@link com.custom.cognito.providerlink.local.aws.AwsEndpoint}: injected faults first, then the quota, then the
 * operation under the state's lock; every call is logged with its answer.
 */
final class CognitoService implements AwsService {

    private final UserPools pools;
    private final Operations operations;
    private final Faults faults;
    private final Quotas quotas;
    private final RequestLog requests;

    CognitoService(final UserPools pools, final Operations operations, final Faults faults, final Quotas quotas,
        final RequestLog requests) {
        this.pools = pools;
        this.operations = operations;
        this.faults = faults;
        this.quotas = quotas;
        this.requests = requests;
    }

    @Override
    public Protocol protocol() {
        return Protocol.JSON_1_1;
    }

    @Override
    public String name() {
        return "AWSCognitoIdentityProviderService";
    }

    @Override
    public Answer call(final AwsCall call) {
        try {
            return answer(call);
        } finally {
            quotas.pace();
        }
    }

    private Answer answer(final AwsCall call) {
        final String operation = call.operation();
        final JsonNode request = call.json();
        final Faults.Rule fault = faults.next(operation);
        final Faults.Kind kind = fault == null ? null : fault.kind();
        if (kind == Faults.Kind.SLOW) {
            sleep(fault);
        }
        if (kind == Faults.Kind.HOLD) {
            fault.held().arriveAndWait();
        }
        if (kind == Faults.Kind.CONNECTION_RESET) {
            requests.add(new RequestLog.Entry(operation, call.accessKeyId(), call.region(), request, 0, "ConnectionReset"));
            return Answer.dropped();
        }
        try {
            if (kind != null && kind != Faults.Kind.APPLY_THEN_RESET && kind != Faults.Kind.SLOW && kind != Faults.Kind.HOLD) {
                throw injected(kind);
            }
            if (!quotas.admit(operation)) {
                throw CognitoError.client("TooManyRequestsException", "Rate exceeded");
            }
            final JsonNode response;
            synchronized (pools) {
                response = operations.handle(operation, request, call.region());
            }
            requests.add(new RequestLog.Entry(operation, call.accessKeyId(), call.region(), request, 200, null));
            return kind == Faults.Kind.APPLY_THEN_RESET ? Answer.dropped() : Answer.json(response);
        } catch (AwsError e) {
            requests.add(new RequestLog.Entry(operation, call.accessKeyId(), call.region(), request, e.status(), e.type()));
            if (kind == Faults.Kind.APPLY_THEN_RESET) {
                return Answer.dropped(); // it happened (as far as it did); the caller never hears so
            }
            throw e;
        }
    }

    private static CognitoError injected(final Faults.Kind kind) {
        return switch (kind) {
            case THROTTLE -> CognitoError.client("TooManyRequestsException", "Rate exceeded");
            case INTERNAL_ERROR -> CognitoError.internal();
            case NOT_AUTHORIZED -> CognitoError.client("NotAuthorizedException", "Not authorized.");
            case ACCESS_DENIED -> CognitoError.client("AccessDeniedException",
                "User is not authorized to perform this action on this resource because no identity-based policy allows it");
            default -> throw new IllegalStateException(kind.name());
        };
    }

    private static void sleep(final Faults.Rule fault) {
        try {
            Thread.sleep(fault.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
