package com.custom.cognito.providerlink.local.conformance;

import com.custom.cognito.providerlink.local.emulator.CognitoEmulator;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolDescriptionType;

/**
 * Everything the conformance run creates, under one name prefix and one tag, and its guaranteed removal: user pools
 * only (deleting a pool deletes its identity providers and users), each deleted by the id its creation answered,
 * once, from {@link #close} or, after Ctrl-C, from a shutdown hook. {@link #sweep} removes leftovers of earlier runs:
 * pools whose name has the prefix and which carry the tag, nothing else.
 */
public final class Sandbox implements AutoCloseable {

    public static final String PREFIX = "providerlink-conformance-";
    public static final String TAG = "providerlink-conformance";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CognitoIdentityProviderClient cognito;
    private final PrintStream out;
    private final String runId;
    private final CognitoEmulator emulator;
    private final List<String> pools = new ArrayList<>();
    private final List<String> cleanupLog = new ArrayList<>();
    private final Thread hook;
    private boolean closed;

    /** @param emulator the in-process emulator behind {@code cognito}, or null for a real Region */
    Sandbox(final CognitoIdentityProviderClient cognito, final PrintStream out, final CognitoEmulator emulator) {
        this.cognito = cognito;
        this.out = out;
        this.emulator = emulator;
        this.runId = PREFIX + STAMP.format(ZonedDateTime.now(ZoneOffset.UTC)) + "-"
            + Integer.toHexString(0x1000 + RANDOM.nextInt(0xf000));
        this.hook = new Thread(this::close, "conformance-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    public String runId() {
        return runId;
    }

    /** A user pool named {@code <run id>-<purpose>}, tagged with the run id; its id. */
    String createPool(final String purpose, final Consumer<CreateUserPoolRequest.Builder> settings) {
        final CreateUserPoolRequest.Builder request = CreateUserPoolRequest.builder().poolName(runId + "-" + purpose)
            .userPoolTags(Map.of(TAG, runId));
        settings.accept(request);
        final String id = cognito.createUserPool(request.build()).userPool().id();
        synchronized (this) {
            if (closed) {
                deletePool(cognito, id, out);
                throw new IllegalStateException("the run is being stopped: user pool " + id + " was deleted again");
            }
            pools.add(id);
        }
        out.println("  created user pool " + id + " (" + runId + "-" + purpose + ")");
        return id;
    }

    void createProvider(final String pool, final String name, final String type, final Map<String, String> details,
        final Map<String, String> mapping) {
        cognito.createIdentityProvider(r -> r.userPoolId(pool).providerName(name).providerType(type).providerDetails(details)
            .attributeMapping(mapping));
    }

    /** A native user, created without any message sent; the username Cognito answered (a UUID in email-username pools). */
    String createUser(final String pool, final String username, final Map<String, String> attributes) {
        final List<AttributeType> list = attributes.entrySet().stream()
            .map(a -> AttributeType.builder().name(a.getKey()).value(a.getValue()).build()).toList();
        return cognito.adminCreateUser(r -> r.userPoolId(pool).username(username).userAttributes(list)
            .messageAction(MessageActionType.SUPPRESS)).user().username();
    }

    /**
     * Gives {@code value} of {@code provider} a profile of its own in {@code pool}, as a first sign-in would. No API does
     * that: only the emulator can, so against a real Region this answers false and the probe that needs it is skipped.
     */
    boolean signInFederated(final String pool, final String provider, final String value) {
        if (emulator == null) {
            return false;
        }
        synchronized (emulator.lock()) {
            emulator.pools().pool(pool).addFederatedProfile(provider, value);
        }
        return true;
    }

    Optional<CognitoEmulator> emulator() {
        return Optional.ofNullable(emulator);
    }

    /** Deletes every pool this run created, newest first; once, whoever calls first (the run, or the shutdown hook). */
    @Override
    public void close() {
        final List<String> toDelete;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toDelete = new ArrayList<>(pools);
        }
        for (int i = toDelete.size() - 1; i >= 0; i--) {
            final boolean deleted = deletePool(cognito, toDelete.get(i), out);
            synchronized (this) {
                cleanupLog.add((deleted ? "deleted user pool " : "could not delete user pool ") + toDelete.get(i));
            }
        }
        if (Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already running the hooks: nothing to remove.
            }
        }
    }

    /** What {@link #close} did, a line per pool. */
    synchronized List<String> cleanupLog() {
        return List.copyOf(cleanupLog);
    }

    /** The cleanup the shutdown hook runs (for tests: what Ctrl-C triggers). */
    Runnable shutdownHook() {
        return hook;
    }

    /**
     * Deletes the pools of earlier runs: name starting with {@link #PREFIX} and tag {@link #TAG} holding that same name's
     * run id. A pool that has only one of the two is listed and left alone. Answers how many it deleted.
     */
    static int sweep(final CognitoIdentityProviderClient cognito, final PrintStream out) {
        int deleted = 0;
        for (UserPoolDescriptionType pool : cognito.listUserPoolsPaginator(r -> r.maxResults(60)).userPools()) {
            if (!pool.name().startsWith(PREFIX)) {
                continue;
            }
            final String tag = cognito.describeUserPool(r -> r.userPoolId(pool.id())).userPool().userPoolTags().get(TAG);
            if (tag != null && tag.startsWith(PREFIX) && pool.name().startsWith(tag + "-")) {
                deleted += deletePool(cognito, pool.id(), out) ? 1 : 0;
            } else {
                out.println("  left alone: " + pool.id() + " (" + pool.name() + ") has the prefix but not this tool's " + TAG
                    + " tag");
            }
        }
        return deleted;
    }

    private static boolean deletePool(final CognitoIdentityProviderClient cognito, final String id, final PrintStream out) {
        try {
            cognito.deleteUserPool(r -> r.userPoolId(id));
            out.println("  deleted user pool " + id);
            return true;
        } catch (ResourceNotFoundException gone) {
            return false;
        } catch (RuntimeException e) {
            out.println("  COULD NOT DELETE user pool " + id + ": " + e.getMessage() + " (delete it by hand, or run conformance"
                + " --cleanup)");
            return false;
        }
    }
}
