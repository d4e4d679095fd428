package com.custom.cognito.providerlink.customresource;

import com.custom.cognito.providerlink.model.LinkException;
import com.custom.cognito.providerlink.model.LinkId;
import com.custom.cognito.providerlink.model.ProviderLink;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.cloudformation.proxy.HandlerErrorCode;

/**
 * The PhysicalResourceId this handler answers, the same on every retry: the link's {@code Id} (the registry type's
 * identifier), or, when that exceeds the 1 KB CloudFormation allows, {@code <pool>|sha256:<digest of the declared
 * link's Id>}, which Delete resolves through the properties it receives; and for a create that made nothing, a
 * marker naming the request, which names no link.
 */
final class PhysicalId {

    /** CloudFormation's limit on a PhysicalResourceId (User Guide, "Custom resource response objects"). */
    static final int MAX_BYTES = 1024;
    private static final String DIGEST = "|sha256:";
    private static final String NOT_CREATED = "providerlink-not-created-";

    private PhysicalId() {
    }

    /** The id for a link the template declared as {@code declared} and Cognito names {@code resolved}. */
    static String of(final ProviderLink declared, final ProviderLink resolved) {
        final String id = resolved.id();
        return id.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES ? id : digest(declared);
    }

    private static String digest(final ProviderLink declared) {
        return declared.userPoolId() + DIGEST + sha256(declared.id());
    }

    static String notCreated(final String requestId) {
        final String id = NOT_CREATED + requestId;
        return id.length() <= MAX_BYTES ? id : NOT_CREATED + sha256(requestId);
    }

    /**
     * The link a PhysicalResourceId names: empty for one this handler never answered (a not-created marker, the log
     * stream name CloudFormation uses after a failed create, anything that is not a link's {@code Id}).
     *
     * @param declared the link the resource's properties declare, for the digest form
     */
    static Optional<ProviderLink> resolve(final String physicalId, final Supplier<ProviderLink> declared) {
        final int digest = physicalId.indexOf(DIGEST);
        if (digest > 0 && physicalId.indexOf('|') == digest) {
            final ProviderLink link = declared.get();
            if (!physicalId.equals(digest(link))) {
                throw LinkException.of(HandlerErrorCode.InvalidRequest,
                    "The PhysicalResourceId is the digest of a link other than the one the resource's properties declare, so"
                        + " the handler cannot tell which link to act on. Remove the link by hand (aws cognito-idp"
                        + " admin-disable-provider-for-user) and retain the resource.");
            }
            return Optional.of(link);
        }
        try {
            final LinkId.Parsed parsed = LinkId.parse(physicalId);
            return parsed.pending() ? Optional.empty() : Optional.of(parsed.link());
        } catch (LinkException e) {
            return Optional.empty();
        }
    }

    private static String sha256(final String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
