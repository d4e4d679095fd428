package com.custom.cognito.providerlink.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.cloudformation.proxy.HandlerErrorCode;

class LinkIdTest {

    @Property(tries = 2000)
    void everyLinkSurvivesFormatThenParseWhateverItsValuesHold(@ForAll("pools") final String pool,
        @ForAll("providers") final String destinationProvider,
        @ForAll("usernames") final String destinationValue,
        @ForAll("sourceProviders") final String sourceProvider,
        @ForAll("values") final String sourceValue) {
        final ProviderLink link = new ProviderLink(pool, Destination.of(destinationProvider, destinationValue),
            SourceIdentity.observed(sourceProvider, sourceValue));
        if (link.destination().username().length() > Destination.MAX_USERNAME_LENGTH) {
            return;
        }

        final String id = link.id();
        final LinkId.Parsed parsed = LinkId.parse(id);

        assertThat(parsed.pending()).isFalse();
        assertThat(parsed.link()).isEqualTo(link);
        assertThat(parsed.link().destination().value()).isEqualTo(destinationValue);
        assertThat(parsed.link().source().value()).isEqualTo(sourceValue);
        assertThat(id.chars().filter(c -> c == '|').count()).as("exactly four separators, however many | the values hold")
            .isEqualTo(4);
        assertThat(LinkId.format(parsed.link())).as("one Id per link").isEqualTo(id);
        assertThat(LinkId.parse(link.pendingId())).as("the pending form names the same link").isEqualTo(new LinkId.Parsed(link,
            true));
    }

    @Provide
    Arbitrary<String> pools() {
        final Arbitrary<String> regions = Arbitraries.oneOf(Arbitraries.of("us-east-1", "eu-west-3", "us-gov-west-1",
            "cn-northwest-1", "us-isob-east-1", "eusc-de-east-1"),
            Combinators.combine(Arbitraries.strings().withCharRange('a', 'z')
                .ofMinLength(2).ofMaxLength(6), Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(9),
                Arbitraries.integers().between(1, 9)).as((area, place, number) -> area + "-" + place + "-" + number));
        return regions.flatMap(region -> Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20)
            .map(id -> region + "_" + id)).filter(pool -> pool.length() <= 55);
    }

    private static Arbitrary<String> printable(final boolean spaces, final int maxLength) {
        final Arbitrary<String> hostile = Arbitraries.of("|", "%", "%7C", "%25", "||", "%%", "a|b", "|%7C|", "\ud83d\ude00", "é",
            "_", "\\",
            "Ω", "ä\u0308");
        final Arbitrary<String> random = Arbitraries.strings().ofMinLength(1).ofMaxLength(maxLength)
            .filter(s -> PropertyRules.SOURCE_VALUE.problem(s).isEmpty() && (spaces
                || PropertyRules.USERNAME.problem(s).isEmpty()));
        final Arbitrary<String> separators = Arbitraries.strings().withChars(spaces
            ? "|%7Cc25 "
            : "|%7Cc25").ofMinLength(1).ofMaxLength(12);
        return Arbitraries.oneOf(hostile, random, separators);
    }

    @Provide
    Arbitrary<String> providers() {
        return printable(true, 32);
    }

    @Provide
    Arbitrary<String> usernames() {
        return printable(false, 40);
    }

    @Provide
    Arbitrary<String> values() {
        return printable(true, 60);
    }

    @Provide
    Arbitrary<String> sourceProviders() {
        return providers().filter(p -> !p.equals("Cognito"));
    }

    @ParameterizedTest(name = "Id \"{0}\"")
    @ValueSource(strings = {
        "", "|", "||||", "us-east-1_1|Cognito|alice|Google", "us-east-1_1|Cognito|alice|Google|1|extra",
        "us-east-1_1|Cognito||Google|1", "us-east-1_1|Cognito|alice|Google|", "|Cognito|alice|Google|1",
        "us-east-1_1|Cognito|a%7cb|Google|1", "us-east-1_1|Cognito|a%|Google|1", "us-east-1_1|Cognito|a%2|Google|1",
        "us-east-1_1|Cognito|a%41|Google|1",
        "us-east-1_1|Cognito|alice|Cognito|bob", "pool|Cognito|alice|Google|1", "us-east-1_1|Cognito|a b|Google|1",
        "us-east-1_1|Cognito|alice|Google|1\u0000",
        "us-east-1_1|Cognito|alice|Google|\u202e1", "us-east-1_1|Cognito|alice\n|Google|1",
        "us-east-1_1|LoginWithAmazon|xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
            + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx|Google|1"})
    void textThatIsNotACanonicalIdWithPartsCognitoAcceptsIsRefusedNamingId(final String id) {
        assertThatThrownBy(() -> LinkId.parse(id)).isInstanceOfSatisfying(LinkException.class, e -> {
            assertThat(e.getErrorCode()).isEqualTo(HandlerErrorCode.InvalidRequest);
            assertThat(e.getMessage()).startsWith("Id: ").doesNotContain("\n").doesNotContain("\u0000").doesNotContain("\u202e");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"us-east-1_AbC|Cognito|alice|Google|104578123456789012345"})
    void aPlainIdReadsAsItIsWritten(final String id) {
        final ProviderLink link = LinkId.parse(id).link();

        assertThat(link.userPoolId()).isEqualTo("us-east-1_AbC");
        assertThat(link.destination().isNative()).isTrue();
        assertThat(link.destination().username()).isEqualTo("alice");
        assertThat(link.source().providerName()).isEqualTo("Google");
        assertThat(link.source().attributeName()).as("Cognito does not keep it, so an Id cannot hold it").isNull();
        assertThat(link.source().attributeNameOrSubject()).isEqualTo("Cognito_Subject");
    }

    @Test
    void thePendingFormIsMarkedAndOtherwiseTheSameParts() {
        final ProviderLink link = LinkId.parse("us-east-1_AbC|Cognito|alice|Google|1").link();

        assertThat(link.pendingId()).isEqualTo("pending|us-east-1_AbC|Cognito|alice|Google|1");
        assertThat(LinkId.parse(link.pendingId()).pending()).isTrue();
    }
}
