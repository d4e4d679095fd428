package com.custom.cognito.providerlink.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinkIdTest {

    @Property(tries = 2000)
    void everyLinkSurvivesFormatThenParseWhateverItsValuesHold(@ForAll("parts") final String pool, @ForAll("parts") final String destinationProvider,
                                                                @ForAll("parts") final String destinationValue, @ForAll("sourceProviders") final String sourceProvider,
                                                                @ForAll("parts") final String sourceValue) {
        final ProviderLink link = new ProviderLink(pool, Destination.of(destinationProvider, destinationValue),
            SourceIdentity.observed(sourceProvider, sourceValue));

        final String id = link.id();
        final Optional<ProviderLink> parsed = LinkId.parse(id);

        assertThat(parsed).contains(link);
        assertThat(parsed.get().destination().value()).isEqualTo(destinationValue);
        assertThat(parsed.get().source().value()).isEqualTo(sourceValue);
        assertThat(id.chars().filter(c -> c == '|').count()).as("exactly four separators, however many | the values hold").isEqualTo(4);
        assertThat(LinkId.format(parsed.get())).as("one Id per link").isEqualTo(id);
    }

    @Provide
    Arbitrary<String> parts() {
        final Arbitrary<String> hostile = Arbitraries.of("|", "%", "%7C", "%25", "||", "%%", "a|b", "|%7C|", "\u202e", "\ud83d\ude00", "é", " ", "_", "\\");
        return Arbitraries.oneOf(hostile, Arbitraries.strings().ofMinLength(1).ofMaxLength(40),
            Arbitraries.strings().withChars("|%7Cc25 ").ofMinLength(1).ofMaxLength(12));
    }

    @Provide
    Arbitrary<String> sourceProviders() {
        return parts().filter(p -> !p.equals("Cognito"));
    }

    @ParameterizedTest(name = "Id \"{0}\"")
    @ValueSource(strings = {
        "", "|", "||||", "p_1|Cognito|alice|Google", "p_1|Cognito|alice|Google|1|extra",
        "p_1|Cognito||Google|1", "p_1|Cognito|alice|Google|", "|Cognito|alice|Google|1",
        "p_1|Cognito|a%7cb|Google|1", "p_1|Cognito|a%|Google|1", "p_1|Cognito|a%2|Google|1", "p_1|Cognito|a%41|Google|1",
        "p_1|Cognito|alice|Cognito|bob"})
    void textThatIsNotACanonicalIdOfANonNativeSourceIsRejected(final String id) {
        assertThat(LinkId.parse(id)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"us-east-1_AbC|Cognito|alice|Google|104578123456789012345"})
    void aPlainIdReadsAsItIsWritten(final String id) {
        final ProviderLink link = LinkId.parse(id).orElseThrow();

        assertThat(link.userPoolId()).isEqualTo("us-east-1_AbC");
        assertThat(link.destination().isNative()).isTrue();
        assertThat(link.destination().username()).isEqualTo("alice");
        assertThat(link.source().providerName()).isEqualTo("Google");
        assertThat(link.source().attributeName()).as("Cognito does not keep it, so an Id cannot hold it").isNull();
        assertThat(link.source().attributeNameOrSubject()).isEqualTo("Cognito_Subject");
    }
}
