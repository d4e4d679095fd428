package com.custom.cognito.providerlink.cognito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.custom.cognito.providerlink.model.LinkException;
import com.custom.cognito.providerlink.model.ProviderLink;
import com.custom.cognito.providerlink.model.SourceIdentity;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import software.amazon.cloudformation.proxy.HandlerErrorCode;

class IdentitiesTest {

    /** The value the research quotes from a real user, after one link. */
    private static final String REAL =
        "[{\"userId\":\"111618195145616130842\",\"providerName\":\"Google\",\"providerType\":\"Google\","
            + "\"issuer\":null,\"primary\":true,\"dateCreated\":1622940509457}]";

    @Test
    void theServicesCompactJsonIsRead() {
        final Identities identities = Identities.parse(REAL);

        assertThat(identities.entries()).containsExactly(new Identities.Entry("Google", "111618195145616130842", true));
    }

    @Test
    void theIdTokenFormWithStringBooleansIsReadToo() {
        final Identities identities = Identities.parse("[{\"userId\":\"1\",\"providerName\":\"Google\",\"primary\":\"true\","
            + "\"dateCreated\":\"1726743746954\"}]");

        assertThat(identities.entries()).containsExactly(new Identities.Entry("Google", "1", true));
    }

    @Test
    void aPrimaryIdentityIsNotALinkedOne() {
        assertThat(Identities.parse(REAL).holds(SourceIdentity.observed("Google", "111618195145616130842"))).isFalse();
    }

    @Test
    void holdsMatchesProviderAndValueExactly() {
        final Identities identities = Identities
            .parse("[{\"userId\":\"a@b.c\",\"providerName\":\"CorpSAML\",\"primary\":false}]");

        assertThat(identities.holds(SourceIdentity.observed("CorpSAML", "a@b.c"))).isTrue();
        assertThat(identities.holds(SourceIdentity.observed("corpsaml", "a@b.c"))).isFalse();
        assertThat(identities.holds(SourceIdentity.observed("CorpSAML", "A@b.c"))).isFalse();
    }

    @Test
    void anAbsentAttributeAndAnEmptyArrayBothMeanNoIdentities() {
        assertThat(Identities.of(null).entries()).isEmpty();
        assertThat(Identities.of(List.of(AttributeType.builder().name("email").value("x").build())).entries()).isEmpty();
        assertThat(Identities.of(List.of(AttributeType.builder().name("identities").value("[]").build())).entries()).isEmpty();
        assertThat(Identities.parse("").entries()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{\"userId\":\"secret-value\"}", "[{\"userId\":\"secret-value\"}]",
        "[{\"providerName\":\"G\",\"userId\":5}]"})
    void anUnreadableAttributeIsAServiceErrorThatNeverQuotesTheValue(final String value) {
        assertThatThrownBy(() -> Identities.parse(value))
            .isInstanceOfSatisfying(LinkException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo(HandlerErrorCode.ServiceInternalError))
            .hasMessageNotContaining("secret-value");
    }

    @Test
    void aListedNativeUserIsTheDestinationOfEachOfItsLinks() {
        final UserType alice = UserType.builder().username("alice").attributes(AttributeType.builder().name("identities").value(
            "[{\"userId\":\"1\",\"providerName\":\"Google\",\"primary\":false},{\"userId\":\"x\",\"providerName\":\"Facebook\","
                + "\"primary\":false}]")
            .build()).build();

        final List<String> ids = Identities.linksOf("p_1", alice).stream().map(ProviderLink::id).collect(Collectors.toList());

        assertThat(ids).containsExactly("p_1|Cognito|alice|Google|1", "p_1|Cognito|alice|Facebook|x");
    }

    @Test
    void aListedFederatedProfileIsTheDestinationByItsOwnIdentity() {
        final UserType profile = UserType.builder().username("Facebook_9")
            .attributes(AttributeType.builder().name("identities").value(
                "[{\"userId\":\"9\",\"providerName\":\"Facebook\",\"primary\":true},{\"userId\":\"s\","
                    + "\"providerName\":\"CorpSAML\",\"primary\":false}]")
                .build())
            .build();

        assertThat(Identities.linksOf("p_1", profile)).extracting(ProviderLink::id).containsExactly("p_1|Facebook|9|CorpSAML|s");
    }
}
