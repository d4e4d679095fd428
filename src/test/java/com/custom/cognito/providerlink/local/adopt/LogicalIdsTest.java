package com.custom.cognito.providerlink.local.adopt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LogicalIdsTest {

    private static final String POOL = "eu-west-1_AbC";

    private static String idOf(final String username, final String provider, final String value) {
        return POOL + "|Cognito|" + username + "|" + provider + "|" + value;
    }

    @Test
    void theSameLinkAlwaysGetsTheSameReadableLogicalId() {
        final String id = idOf("alice.smith", "Google", "104578123456789012345");

        assertThat(LogicalIds.of(id, "alice.smith", "Google")).isEqualTo(LogicalIds.of(id, "alice.smith", "Google"))
            .startsWith("LinkAliceSmithGoogle").matches("[A-Za-z][A-Za-z0-9]{1,254}");
    }

    @Test
    void linksWhoseNamesDifferOnlyInCaseOrPunctuationGetDifferentLogicalIds() {
        final List<String> usernames = List.of("alice", "Alice", "ALICE", "al-ice", "al.ice", "al_ice", "a.lice", "alice.");
        final Set<String> ids = new HashSet<>();
        for (String username : usernames) {
            ids.add(LogicalIds.of(idOf(username, "Google", "1"), username, "Google"));
            ids.add(LogicalIds.of(idOf(username, "Corp SAML", "alice@example.com"), username, "Corp SAML"));
            ids.add(LogicalIds.of(idOf(username, "Corp-SAML", "alice@example.com"), username, "Corp-SAML"));
        }

        assertThat(ids).hasSize(usernames.size() * 3).allMatch(id -> id.matches("[A-Za-z][A-Za-z0-9]*"));
    }

    @Test
    void aUsernameWithoutAsciiLettersStillGivesAValidLogicalId() {
        final String uuid = "8ba0a542-c20c-4147-9444-2fd9e9208201";

        assertThat(LogicalIds.of(idOf("ユーザー", "Google", "1"), "ユーザー", "Google")).matches("LinkGoogle[0-9a-f]{10}");
        assertThat(LogicalIds.of(idOf(uuid, "Google", "1"), uuid, "Google")).startsWith("Link8ba0a542C20c4147")
            .hasSizeLessThanOrEqualTo(255);
    }

    @Test
    void aLongUsernameIsCutSoTheLogicalIdStaysShort() {
        final String username = "a".repeat(128);
        final String provider = "P".repeat(32);

        assertThat(LogicalIds.of(idOf(username, provider, "v"), username, provider)).hasSize(4 + 40 + 24 + 10);
    }
}
