package com.custom.cognito.providerlink.local.harness;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WrapperInvokerTest {

    @Test
    void theWrapperIsOnlyEverRunWithAScratchTmpdirUnderTarget() {
        final String configured = System.getProperty("java.io.tmpdir");
        try {
            System.setProperty("java.io.tmpdir", "/tmp");
            assertThatThrownBy(WrapperInvoker::requireScratchTmpdir).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("empties it on every request");
        } finally {
            System.setProperty("java.io.tmpdir", configured);
        }
        assertThatCode(WrapperInvoker::requireScratchTmpdir).doesNotThrowAnyException();
    }
}
