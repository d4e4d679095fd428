package com.custom.cognito.providerlink.local.emulator;

import java.util.Map;

/**
 * The state the local lifecycle and the example request files ({@code requests/}) expect: a pool with a Google
 * provider, a SAML provider that maps {@code email}, and a native user {@code alice}. The values are invented.
 */
public final class DemoPool {

    public static final String USER_POOL_ID = "us-east-1_EXAMPLE";
    public static final String USERNAME = "alice";
    public static final String GOOGLE_SUBJECT = "104578123456789012345";

    private DemoPool() {
    }

    public static void seed(final CognitoEmulator emulator) {
        synchronized (emulator.lock()) {
            emulator.pools().createPool(USER_POOL_ID, "demo").aliasAttribute("email")
                .addProvider("Google", "Google", Map.of("email", "email"))
                .addProvider("CorpSAML", "SAML",
                    Map.of("email", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress"))
                .addUser(USERNAME, CognitoEmulator.attributes("email", "alice@example.com", "email_verified", "true"));
        }
    }

    public static String describe() {
        return "user pool " + USER_POOL_ID + " (identity providers Google and CorpSAML, native user '" + USERNAME + "')";
    }
}
