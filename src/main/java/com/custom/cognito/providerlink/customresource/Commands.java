package com.custom.cognito.providerlink.customresource;

import com.custom.cognito.providerlink.model.ProviderLink;

/**
 * The AWS CLI commands that finish by hand what an answer could not: each names the stack's own link, with the values
 * its template declared, quoted for a POSIX shell.
 */
final class Commands {

    private Commands() {
    }

    /** Removes the link (Cognito finds its destination from the source identity). */
    static String unlink(final ProviderLink link) {
        return "Remove the link this update may have made: aws cognito-idp admin-disable-provider-for-user --region "
            + link.region() + " --user-pool-id " + quote(link.userPoolId()) + " --user " + quote("ProviderName="
                + link.source().providerName() + ",ProviderAttributeName=" + link.source().attributeNameOrSubject()
                + ",ProviderAttributeValue=" + link.source().value())
            + ".";
    }

    /** Makes the link again. */
    static String link(final ProviderLink link) {
        return "The identity is linked to no user now: link it to its previous destination again with aws cognito-idp"
            + " admin-link-provider-for-user --region " + link.region() + " --user-pool-id " + quote(link.userPoolId())
            + " --destination-user " + quote("ProviderName="
                + link.destination().providerName() + ",ProviderAttributeValue=" + link.destination().value())
            + " --source-user " + quote("ProviderName=" + link.source().providerName() + ",ProviderAttributeName="
                + link.source().attributeNameOrSubject() + ",ProviderAttributeValue=" + link.source().value())
            + ".";
    }

    private static String quote(final String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
