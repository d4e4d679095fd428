package com.custom.cognito.providerlink.wrapper;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void controlCharactersSeparatorsAndBidiOverridesAreEscapedAndEverythingElseIsKept() {
        assertThat(LogText.escape("a\nb\r\u001b[31mc\u0000\u2028\u202e\u2067é\ud83d\ude00|%"))
            .isEqualTo("a\\u000Ab\\u000D\\u001B[31mc\\u0000\\u2028\\u202E\\u2067é\ud83d\ude00|%");
        assertThat(LogText.escape(null)).isEqualTo("null");
    }

    @Test
    void aLineLosesItsTrailingBreakAndAnEscapingLoggerEscapesEveryMessage() {
        final List<String> lines = new ArrayList<>();

        LogText.escaping(lines::add).log("Creating\n[READ] Handler returned SUCCESS");

        assertThat(LogText.escapeLine("Handler returned SUCCESS\n")).isEqualTo("Handler returned SUCCESS");
        assertThat(lines).containsExactly("Creating\\u000A[READ] Handler returned SUCCESS");
    }
}
