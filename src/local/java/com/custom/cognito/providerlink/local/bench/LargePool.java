package com.custom.cognito.providerlink.local.bench;

import com.custom.cognito.providerlink.local.emulator.CognitoEmulator;
import com.custom.cognito.providerlink.local.emulator.UserPools;
import java.util.Map;

/**
 * The pool the LIST and adopt scenarios read, seeded once per run: {@code users} users, {@code links} of them linked,
 * evenly spread; nine links in ten are Google, one in ten is SAML linked by the user's email (which costs adopt an
 * AdminGetUser to name its attribute).
 */
final class LargePool {

    static final String ID = "us-east-1_LARGE";

    private LargePool() {
    }

    static void seed(final CognitoEmulator cognito, final int users, final int links) {
        synchronized (cognito.lock()) {
            final UserPools.Pool pool = cognito.pools().createPool(ID, "large").addProvider("Google", "Google", Map.of())
                .addProvider("CorpSAML", "SAML", Map.of("email", "http://schemas.xmlsoap.org/claims/emailaddress"));
            final int every = users / links;
            for (int i = 0; i < users; i++) {
                final String email = "u" + i + "@example.com";
                final UserPools.User user = pool.addUser(String.format("u%06d", i), Map.of("email", email));
                if (i % every == 0 && i / every < links) {
                    if (i / every % 10 == 9) {
                        pool.seedLink(user, "CorpSAML", email);
                    } else {
                        pool.seedLink(user, "Google", String.valueOf(800_000_000_000L + i));
                    }
                }
            }
        }
    }
}
