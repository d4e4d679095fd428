package com.custom.cognito.providerlink.local.adopt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class EncodingTest {

    @Test
    void hclStringsEscapeQuotesBackslashesAndTemplateSequences() {
        assertThat(Encoding.hcl("a\"b\\c ${x} %{y} $z %w")).isEqualTo("\"a\\\"b\\\\c $${x} %%{y} $z %w\"");
    }

    @Test
    void terraformJsonSortsKeysWritesNoSpacesAndEscapesAsGoDoes() {
        final ObjectNode node = JsonNodeFactory.instance.objectNode().put("b", "<a&b>\u2028").put("a", "x\"y");
        node.putObject("c").put("z", "1").put("y", "2");

        assertThat(Encoding.terraformJson(node))
            .isEqualTo("{\"a\":\"x\\\"y\",\"b\":\"\\u003ca\\u0026b\\u003e\\u2028\",\"c\":{\"y\":\"2\",\"z\":\"1\"}}");
    }

    @Test
    void yamlScalarsAreDoubleQuoted() {
        assertThat(Encoding.yaml("no: yes # not a comment")).isEqualTo("\"no: yes # not a comment\"");
    }
}
