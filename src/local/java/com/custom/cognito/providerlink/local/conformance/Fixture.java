package com.custom.cognito.providerlink.local.conformance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;

/**
 * The pools, identity providers and users the probes run on. Client ids and secrets are placeholders: no one ever signs
 * in through these providers, and the users' addresses are under example.com, with every message suppressed.
 */
record Fixture(String aliasPool, String emailPool, String immutablePool, String ginaUsername, Map<String, String> refused) {

    static final String CAROL = "carol";
    static final String CAROL_EMAIL = "carol@example.com";
    /** Her email is not verified, so whether it stands for her is what {@code aliasNeedsVerification} is about. */
    static final String DANA = "dana";
    static final String DANA_EMAIL = "dana@example.com";
    static final String ERIN = "erin";
    static final String FRANK = "frank";
    static final String GINA_EMAIL = "gina@example.com";
    static final String HENRY = "henry";
    static final String SAML = "ConfSAML";
    static final String OIDC = "ConfOIDC";
    static final String EMAIL_CLAIM = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress";

    static Fixture create(final Sandbox sandbox, final Path scratch) throws IOException, InterruptedException {
        final String aliasPool = sandbox.createPool("alias", p -> p.aliasAttributes(AliasAttributeType.EMAIL));
        final String emailPool = sandbox.createPool("email-usernames", p -> p.usernameAttributes(UsernameAttributeType.EMAIL));
        final String immutablePool = sandbox.createPool("immutable", p -> p.schema(SchemaAttributeType.builder().name("badge")
            .attributeDataType(AttributeDataType.STRING).mutable(false).build()));

        for (String pool : List.of(aliasPool, emailPool, immutablePool)) {
            sandbox.createProvider(pool, "Google", "Google", Map.of("client_id", "placeholder.apps.googleusercontent.com",
                "client_secret", "placeholder", "authorize_scopes", "openid email profile"), Map.of("email", "email"));
        }
        // Placeholder settings the service may refuse: each refusal is reported, and the probes that need it skipped.
        final Map<String, String> refused = new LinkedHashMap<>();
        optional(refused, "Facebook", () -> sandbox.createProvider(aliasPool, "Facebook", "Facebook", Map.of("client_id",
            "1234567890", "client_secret", "placeholder", "authorize_scopes", "public_profile,email", "api_version", "v17.0"),
            Map.of("email", "email")));
        final String metadata = SamlMetadata.generate("urn:" + sandbox.runId() + ":saml", scratch);
        optional(refused, SAML, () -> sandbox.createProvider(aliasPool, SAML, "SAML", Map.of("MetadataFile", metadata),
            Map.of("email", EMAIL_CLAIM)));
        // Every endpoint given, so that the service need not fetch a discovery document from the issuer.
        optional(refused, OIDC, () -> sandbox.createProvider(aliasPool, OIDC, "OIDC", Map.of("client_id", "placeholder",
            "client_secret", "placeholder", "attributes_request_method", "GET", "oidc_issuer", "https://oidc.conformance.invalid",
            "authorize_scopes", "openid email", "authorize_url", "https://oidc.conformance.invalid/authorize", "token_url",
            "https://oidc.conformance.invalid/token", "attributes_url", "https://oidc.conformance.invalid/userinfo",
            "jwks_uri", "https://oidc.conformance.invalid/jwks"), Map.of("email", "email")));

        sandbox.createUser(aliasPool, CAROL, Map.of("email", CAROL_EMAIL, "email_verified", "true"));
        sandbox.createUser(aliasPool, DANA, Map.of("email", DANA_EMAIL, "email_verified", "false"));
        sandbox.createUser(aliasPool, ERIN, Map.of("email", "erin@example.com", "email_verified", "true"));
        sandbox.createUser(aliasPool, FRANK, Map.of("email", "frank@example.com", "email_verified", "true"));
        final String gina = sandbox.createUser(emailPool, GINA_EMAIL, Map.of("email", GINA_EMAIL, "email_verified", "true"));
        sandbox.createUser(immutablePool, HENRY, Map.of("custom:badge", "1"));
        return new Fixture(aliasPool, emailPool, immutablePool, gina, refused);
    }

    private static void optional(final Map<String, String> refused, final String provider, final Runnable create) {
        try {
            create.run();
        } catch (AwsServiceException e) {
            refused.put(provider, e.awsErrorDetails() == null
                ? e.getMessage()
                : e.awsErrorDetails().errorCode() + ": "
                    + e.awsErrorDetails().errorMessage());
        }
    }

    /** What the run creates, for the confirmation prompt and the dry run. */
    static String describe(final String region) {
        return "In " + region + ", under the name prefix " + Sandbox.PREFIX + "<time>-<random> and the tag " + Sandbox.TAG
            + ":\n"
            + "  3 user pools: one with an email alias, one that signs in by email, one with an immutable custom attribute\n"
            + "  6 identity providers: Google in each pool; Facebook, a SAML provider (generated metadata) and an OIDC provider\n"
            + "    (every endpoint given, under .invalid) in the first; placeholder client ids and secrets\n"
            + "  6 native users under example.com (carol, dana, erin, frank, gina, henry), created with messages suppressed\n"
            + "Everything is deleted when the run ends, also after Ctrl-C; conformance --cleanup removes any leftovers.\n"
            + "Cost: a few hundred API calls, and up to 6 monthly active users (AdminGetUser counts), within the free tier.";
    }
}
