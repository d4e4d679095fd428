package com.custom.cognito.providerlink.local.cloudcontrol;

import com.custom.cognito.providerlink.cognito.ClientBuilder;
import com.custom.cognito.providerlink.local.aws.AwsCall;
import com.custom.cognito.providerlink.local.aws.AwsError;
import com.custom.cognito.providerlink.local.aws.AwsService;
import com.custom.cognito.providerlink.local.harness.LocalContext;
import com.custom.cognito.providerlink.local.harness.WrapperInvoker;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Cloud Control API (AWS JSON 1.0, {@code X-Amz-Target: CloudApiService.<Operation>}) for the types in
 * {@link RegisteredTypes}, backed by the real handler through the plugin's Lambda entry point. Mutations run
 * asynchronously ({@link ResourceRequests}); GetResource and ListResources call Read and List synchronously. Handler
 * error codes are Cloud Control's own, one for one; a failed read or list is the matching exception.
 */
public final class CloudControlService implements AwsService, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Handler error codes and the exception a synchronous call answers for each (service model, CloudControl 2021-09-30). */
    private static final Map<String, String> EXCEPTIONS = Map.ofEntries(
        Map.entry("NotFound", "ResourceNotFoundException"), Map.entry("AlreadyExists", "AlreadyExistsException"),
        Map.entry("InvalidRequest", "InvalidRequestException"), Map.entry("Throttling", "ThrottlingException"),
        Map.entry("AccessDenied", "InvalidCredentialsException"), Map.entry("InvalidCredentials", "InvalidCredentialsException"),
        Map.entry("NotUpdatable", "NotUpdatableException"), Map.entry("NotStabilized", "NotStabilizedException"),
        Map.entry("ServiceLimitExceeded", "ServiceLimitExceededException"), Map.entry("ResourceConflict",
            "ResourceConflictException"),
        Map.entry("ServiceInternalError", "ServiceInternalErrorException"), Map.entry("NetworkFailure",
            "NetworkFailureException"),
        Map.entry("GeneralServiceException", "GeneralServiceException"), Map.entry("InternalFailure",
            "HandlerInternalFailureException"));

    private final RegisteredTypes types;
    private final ResourceRequests requests;
    private final ClientBuilder cognito;

    /**
     * @param cognito where the handlers call Cognito: the emulator this endpoint also serves
     */
    public CloudControlService(final RegisteredTypes types, final Duration maxCallbackDelay, final ClientBuilder cognito) {
        this.cognito = cognito;
        this.types = types;
        this.requests = new ResourceRequests(maxCallbackDelay);
    }

    @Override
    public Protocol protocol() {
        return Protocol.JSON_1_0;
    }

    @Override
    public String name() {
        return "CloudApiService";
    }

    @Override
    public Answer call(final AwsCall call) {
        final JsonNode input = call.json();
        return Answer.json(switch (call.operation()) {
            case "CreateResource" -> mutate(call, "CREATE", "CREATE", desiredState(input));
            case "DeleteResource" -> mutate(call, "DELETE", "DELETE", types.modelFor(required(input, "Identifier")));
            case "UpdateResource" -> update(call);
            case "GetResourceRequestStatus" -> event(request(required(input, "RequestToken")));
            case "CancelResourceRequest" -> cancel(required(input, "RequestToken"));
            case "GetResource" -> getResource(call);
            case "ListResources" -> listResources(call);
            case "ListResourceRequests" -> listRequests(input);
            default -> throw AwsError.client("UnknownOperationException", "Cloud Control has no operation " + call.operation()
                + ".");
        });
    }

    private JsonNode mutate(final AwsCall call, final String operation, final String action, final JsonNode properties) {
        final String typeName = types.require(required(call.json(), "TypeName"));
        final ObjectNode event = requests.start(call.json().path("ClientToken").asText(null),
            new ResourceRequests.Request(typeName, operation, fingerprint(call)), handler(call, typeName), action, properties,
            types::identifierOf);
        if (event == null) {
            throw AwsError.client("ClientTokenConflictException",
                "The ClientToken was already used for a different request. Use a new"
                    + " ClientToken, or repeat the first request exactly.");
        }
        final ObjectNode answer = JSON.createObjectNode();
        answer.set("ProgressEvent", event);
        return answer;
    }

    /**
     * Every writable property of this type is create-only, so a patch of any of them is refused as Cloud Control refuses
     * one (NotUpdatable, naming the properties); a type without an update handler supports no other update.
     */
    private JsonNode update(final AwsCall call) {
        final String typeName = types.require(required(call.json(), "TypeName"));
        required(call.json(), "Identifier");
        final JsonNode patch = parse(required(call.json(), "PatchDocument"), "PatchDocument");
        if (!patch.isArray()) {
            throw AwsError.client("InvalidRequestException",
                "PatchDocument must be a JSON Patch (RFC 6902) array of operations.");
        }
        final Set<String> createOnly = new TreeSet<>();
        final Set<String> readOnly = new TreeSet<>();
        for (JsonNode operation : patch) {
            final String path = "/properties" + operation.path("path").asText();
            createOnly.addAll(touched(types.pointers("createOnlyProperties"), path));
            readOnly.addAll(touched(types.pointers("readOnlyProperties"), path));
        }
        if (createOnly.isEmpty() && readOnly.isEmpty()) {
            throw AwsError.client("UnsupportedActionException", "Resource type " + typeName
                + " does not support UPDATE: it has no update"
                + " handler.");
        }
        throw AwsError.client("NotUpdatableException", "Invalid patch update: " + (createOnly.isEmpty()
            ? ""
            : "createOnlyProperties " + createOnly + " cannot be updated")
            + (createOnly.isEmpty() || readOnly.isEmpty()
                ? ""
                : "; ")
            + (readOnly.isEmpty() ? "" : "readOnlyProperties " + readOnly + " cannot be updated"));
    }

    /**
     * The properties among {@code pointers} that a patch of {@code path} changes: the innermost one holding the path,
     * or, when the path holds them (a whole object replaced), those inside it.
     */
    private static List<String> touched(final List<String> pointers, final String path) {
        final List<String> holding = pointers.stream().filter(p -> path.equals(p) || path.startsWith(p + "/")).toList();
        if (!holding.isEmpty()) {
            return List.of(holding.stream().max(Comparator.comparingInt(String::length)).orElseThrow());
        }
        return pointers.stream().filter(p -> p.startsWith(path + "/")).toList();
    }

    private JsonNode cancel(final String token) {
        final ResourceRequests.Request request = request(token);
        if (!request.isActive()) {
            throw AwsError.client("ConcurrentModificationException", "Request " + token + " has ended (" + request.status
                + "); only a request in progress can be canceled.");
        }
        request.cancelRequested = true;
        request.status = "CANCEL_IN_PROGRESS";
        return event(request);
    }

    private JsonNode getResource(final AwsCall call) {
        final String typeName = types.require(required(call.json(), "TypeName"));
        final String identifier = required(call.json(), "Identifier");
        final WrapperInvoker.Event read = handler(call, typeName).invokeOnce("READ", types.modelFor(identifier), null, null,
            null);
        if (!"SUCCESS".equals(read.status())) {
            throw failure(read, "Resource of type '" + typeName + "' with identifier '" + identifier + "' was not found.");
        }
        final ObjectNode answer = JSON.createObjectNode().put("TypeName", typeName);
        answer.putObject("ResourceDescription").put("Identifier", identifier).put("Properties", read.model().toString());
        return answer;
    }

    private JsonNode listResources(final AwsCall call) {
        final JsonNode input = call.json();
        final String typeName = types.require(required(input, "TypeName"));
        final JsonNode filter = input.hasNonNull("ResourceModel")
            ? parse(input.get("ResourceModel").asText(), "ResourceModel")
            : JSON.createObjectNode();
        final WrapperInvoker.Event page = handler(call, typeName).listOnce(filter, input.path("NextToken").asText(null),
            input.hasNonNull("MaxResults") ? input.get("MaxResults").asInt() : null);
        if (!"SUCCESS".equals(page.status())) {
            throw failure(page, page.message());
        }
        final ObjectNode answer = JSON.createObjectNode().put("TypeName", typeName);
        final ArrayNode descriptions = answer.putArray("ResourceDescriptions");
        for (JsonNode model : page.models()) {
            descriptions.addObject().put("Identifier", types.identifierOf(model)).put("Properties", model.toString());
        }
        if (page.nextToken() != null) {
            answer.put("NextToken", page.nextToken());
        }
        return answer;
    }

    private JsonNode listRequests(final JsonNode input) {
        final Set<String> operations = values(input.path("ResourceRequestStatusFilter").path("Operations"));
        final Set<String> statuses = values(input.path("ResourceRequestStatusFilter").path("OperationStatuses"));
        final ObjectNode answer = JSON.createObjectNode();
        final ArrayNode summaries = answer.putArray("ResourceRequestStatusSummaries");
        for (ResourceRequests.Request request : requests.all()) {
            if ((operations.isEmpty() || operations.contains(request.operation)) && (statuses.isEmpty()
                || statuses.contains(request.status))) {
                summaries.add(request.progressEvent());
            }
        }
        return answer;
    }

    private static Set<String> values(final JsonNode array) {
        final Set<String> values = new TreeSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private ResourceRequests.Request request(final String token) {
        final ResourceRequests.Request request = requests.find(token);
        if (request == null) {
            throw AwsError.client("RequestTokenNotFoundException", "No resource request has the token " + token + ".");
        }
        return request;
    }

    private static JsonNode event(final ResourceRequests.Request request) {
        final ObjectNode answer = JSON.createObjectNode();
        answer.set("ProgressEvent", request.progressEvent());
        return answer;
    }

    private static AwsError failure(final WrapperInvoker.Event event, final String notFound) {
        final String code = event.errorCode() == null ? "InternalFailure" : event.errorCode();
        return AwsError.client(EXCEPTIONS.getOrDefault(code, "GeneralServiceException"), "NotFound".equals(code)
            ? notFound
            : code + ": " + event.message());
    }

    /**
     * The real handler, called as CloudFormation calls it for this account and Region, with temporary credentials derived
     * from the identity that signed the Cloud Control request (any signature is accepted locally).
     */
    private WrapperInvoker handler(final AwsCall call, final String typeName) {
        final String signer = call.accessKeyId() == null ? "anonymous" : call.accessKeyId();
        final String digest = sha256(signer);
        final WrapperInvoker.Credentials temporary = new WrapperInvoker.Credentials("ASIA"
            + digest.substring(0, 16).toUpperCase(Locale.ROOT),
            "secret-" + digest.substring(16, 48), "session-" + digest.substring(32));
        return new WrapperInvoker(call.region(), temporary, new LocalContext(false, Duration.ofMinutes(15).toMillis()),
            Duration.ofMinutes(1))
            .targeting(new WrapperInvoker.Target(typeName, "CloudControl"))
            .calling(cognito);
    }

    /** The temporary access key id the handler gets for a request signed with {@code signer}. */
    public static String temporaryKeyFor(final String signer) {
        return "ASIA" + sha256(signer).substring(0, 16).toUpperCase(Locale.ROOT);
    }

    private static String fingerprint(final AwsCall call) {
        final ObjectNode copy = call.json().deepCopy();
        copy.remove("ClientToken");
        return call.operation() + copy;
    }

    private static JsonNode desiredState(final JsonNode input) {
        final JsonNode state = parse(required(input, "DesiredState"), "DesiredState");
        if (!state.isObject()) {
            throw AwsError.client("InvalidRequestException", "DesiredState must be a JSON object of the resource's properties.");
        }
        return state;
    }

    private static JsonNode parse(final String json, final String member) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw AwsError.client("InvalidRequestException", member + " is not valid JSON (line " + e.getLocation().getLineNr()
                + ", column " + e.getLocation().getColumnNr() + ").");
        }
    }

    private static String required(final JsonNode input, final String member) {
        final JsonNode value = input.get(member);
        if (value == null || value.isNull()) {
            throw AwsError.client("ValidationException", "1 validation error detected: Value null at '"
                + Character.toLowerCase(member.charAt(0)) + member.substring(1)
                + "' failed to satisfy constraint: Member must not be null");
        }
        if (!value.isTextual()) {
            throw AwsError.client("SerializationException", "Member '" + member + "' must be a string.");
        }
        return value.asText();
    }

    private static String sha256(final String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Requests still running, for a clean stop. */
    public List<String> activeRequests() {
        final List<String> active = new ArrayList<>();
        requests.all().stream().filter(ResourceRequests.Request::isActive).forEach(r -> active.add(r.token));
        return active;
    }

    @Override
    public void close() {
        requests.close();
    }
}
