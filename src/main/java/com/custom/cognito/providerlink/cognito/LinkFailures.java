package com.custom.cognito.providerlink.cognito;

import com.custom.cognito.providerlink.model.LinkException;
import com.custom.cognito.providerlink.model.ProviderLink;
import java.util.Optional;
import java.util.Set;
import software.amazon.cloudformation.proxy.HandlerErrorCode;

/**
 * The failures that are not one Cognito exception but what the handlers conclude from several answers, each
 * with a message that says what happened and what to do. Beside {@link CognitoErrors}, which translates single
 * answers.
 */
public final class LinkFailures {

    private LinkFailures() {
    }

    public static LinkException notFound(final ProviderLink link) {
        return LinkException.of(HandlerErrorCode.NotFound,
            String.format("No such link: in user pool %s, %s holds no %s with that value. It was never made, or was removed"
                + " outside this stack.", link.userPoolId(), link.destination().describe(), link.source()));
    }

    public static LinkException destinationGone(final ProviderLink link) {
        return LinkException.of(HandlerErrorCode.NotFound, String.format("No such link: user pool %s no longer has %s, and the"
            + " user's links went with it. Nothing is left to remove.", link.userPoolId(), link.destination().describe()));
    }

    public static LinkException removedByAnother(final ProviderLink link) {
        return LinkException.of(HandlerErrorCode.NotFound,
            String.format("No such link: in user pool %s, %s held this %s when this delete began, and Cognito answered its"
                + " first unlink that it isn't linked: another stack or process removed it meanwhile. Nothing is left to"
                + " remove.", link.userPoolId(), link.destination().describe(), link.source()));
    }

    /** The pre-check found the link: it existed before this create. */
    public static LinkException alreadyExists(final ProviderLink link) {
        return LinkException.of(HandlerErrorCode.AlreadyExists,
            String.format("This link already exists: in user pool %s, %s already holds this %s, and it was there before this"
                + " create. It is not this stack's, so nothing was changed. To manage it from this stack, import it (%s);"
                + " otherwise leave it out of the template.", link.userPoolId(), link.destination().describe(), link.source(),
                importHint(link)));
    }

    /**
     * Cognito answered "already linked" to a first attempt: the link was made by someone else between this create's
     * check and its link call (two stacks at once), so it is not this stack's to claim.
     */
    public static LinkException madeByAnother(final ProviderLink link) {
        return LinkException.of(HandlerErrorCode.AlreadyExists,
            String.format("This link was made by another stack or process while this create ran: in user pool %s, %s now holds"
                + " this %s, and Cognito refused this create's own first link call as already linked, so the link is not this"
                + " stack's. Keep one resource for it: remove it from this template, or import it (%s) once the other owner"
                + " lets it go.", link.userPoolId(), link.destination().describe(), link.source(), importHint(link)));
    }

    /**
     * Cognito refused a first attempt with something other than "already linked", yet the destination now shows the
     * link: Cognito has been reported to link while answering an error (aws/aws-sdk-net#1000, aws/aws-sdk-js-v3#5281),
     * and another stack may have linked meanwhile. Nothing tells the two apart, so the link is not claimed.
     */
    public static LinkException refusedYetShown(final ProviderLink link, final String cognito) {
        return LinkException.of(HandlerErrorCode.AlreadyExists,
            String.format("Cognito refused this create's link call (Cognito: %s), yet in user pool %s, %s now holds this %s."
                + " Either Cognito made the link while answering an error (reported for this answer), or another stack or"
                + " process made it meanwhile; nothing tells which, so this stack does not claim it and a rollback will not"
                + " remove it. If no other stack declares it, import it (%s), or remove it with aws cognito-idp"
                + " admin-disable-provider-for-user --user-pool-id %s --user ProviderName=%s,ProviderAttributeName=%s,"
                + "ProviderAttributeValue=<SourceUser.ProviderAttributeValue> and create it again.",
                cognito, link.userPoolId(), link.destination().describe(), link.source(), importHint(link), link.userPoolId(),
                link.source().providerName(), link.source().attributeNameOrSubject()));
    }

    /**
     * The identity is linked to another user. That user is named by its {@code sub} only: an opaque id, enough to find
     * it, and no username, email or phone number of a user this stack did not name.
     */
    public static LinkException heldElsewhere(final ProviderLink link, final Optional<String> holderSub,
        final int searchedUsers) {
        final String who = holderSub.map(sub -> "another user of the pool, whose sub is " + sub + " (aws cognito-idp list-users"
            + " --user-pool-id " + link.userPoolId() + " --filter 'sub = \"" + sub + "\"' shows it)")
            .orElse("another user of the pool (not among the first " + searchedUsers + " users searched)");
        return LinkException.of(HandlerErrorCode.AlreadyExists,
            String.format("SourceUser: this %s is already linked to %s, and Cognito links an identity to one user only."
                + " Remove that link first (delete the resource that made it, or call admin-disable-provider-for-user), or"
                + " make that user the DestinationUser.", link.source(), who));
    }

    /** How to import a link by the Id its own template determines, without quoting the identity's value. */
    private static String importHint(final ProviderLink link) {
        return String.format("resource import with Id %s|%s|%s|%s|<SourceUser.ProviderAttributeValue>, each part written with"
            + " %%25 for %% and %%7C for |; or adopt, README 'Adopt links that already exist'", link.userPoolId(),
            link.destination().providerName(), link.destination().value(), link.source().providerName());
    }

    public static LinkException notShown(final ProviderLink link, final int seconds) {
        return LinkException.of(HandlerErrorCode.NotStabilized,
            String.format("Cognito accepted the link, but %s in user pool %s did not show it within %d seconds. It may appear"
                + " later: read the resource again (drift detection), and delete and re-create it if it never does.",
                link.destination().describe(), link.userPoolId(), seconds));
    }

    public static LinkException stillShown(final ProviderLink link, final int seconds) {
        return LinkException.of(HandlerErrorCode.NotStabilized,
            String.format("Cognito accepted the unlink, but %s in user pool %s still showed the identity after %d seconds."
                + " Delete again; it reports NotFound once the link is gone.",
                link.destination().describe(), link.userPoolId(), seconds));
    }

    public static LinkException stillLinked(final ProviderLink link, final Set<String> tried) {
        return LinkException.of(HandlerErrorCode.GeneralServiceException,
            String.format("Cannot remove the link: user pool %s still shows this %s on %s, but Cognito answers that it isn't"
                + " linked when it is named by ProviderAttributeName %s. It was linked by another attribute, or has signed in"
                + " since it was linked by one (then Cognito_Subject with the SAML NameID or OIDC sub names it). Unlink it"
                + " with: aws cognito-idp admin-disable-provider-for-user --user-pool-id %s --user"
                + " ProviderName=%s,ProviderAttributeName=<attribute>,ProviderAttributeValue=<value>; then delete again.",
                link.userPoolId(), link.source(), link.destination().describe(), String.join(", ", tried), link.userPoolId(),
                link.source().providerName()));
    }

    /** Throttling that outlasted an operation's whole waiting budget. */
    public static LinkException throttledTooLong(final LinkException last, final int seconds) {
        return LinkException.of(HandlerErrorCode.Throttling, last.getMessage()
            + String.format(" This operation waited %d seconds in all for the quota and gave up; retry the stack operation when"
                + " fewer calls compete for the quota.", seconds),
            last);
    }
}
