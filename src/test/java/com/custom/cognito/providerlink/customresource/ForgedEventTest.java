package com.custom.cognito.providerlink.customresource;

import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.cognito.ClientBuilder;
import com.custom.cognito.providerlink.contract.Models;
import com.custom.cognito.providerlink.local.customresource.CustomResourceEvents;
import com.custom.cognito.providerlink.local.customresource.ResponseUrlServer;
import com.custom.cognito.providerlink.local.harness.LocalContext;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * Events CloudFormation never sends, through the function's real entry point: the report's forged event, and a
 * generated set of forgeries (another function, account, Region or partition in the ServiceToken or the StackId; an
 * answer address of another scheme or host). None reaches Cognito: the function's clients here fail the test if it
 * is ever asked for one. A forged event is answered only where the address is an allowed one, and the log never quotes
 * the address.
 */
class ForgedEventTest {

    private static final String SUBJECT = "104578123456789012345";

    private FunctionUnderTest function;
    private ResponseUrlServer elsewhere;
    private final List<String> cognitoCalls = new ArrayList<>();

    @BeforeProperty
    void start() {
        function = new FunctionUnderTest(new ClientBuilder() {

            @Override
            public CognitoIdentityProviderClient client(final String region) {
                cognitoCalls.add(region);
                throw new AssertionError("a refused event reached Cognito");
            }
        });
        elsewhere = ResponseUrlServer.start();
    }

    @AfterProperty
    void stop() throws InterruptedException {
        elsewhere.close();
        function.stop();
    }

    /** The report's example: another account's token and stack, an admin destination, the Lambda runtime API's address. */
    @Example
    void theReportedForgeryLinksNothingAnswersNowhereAndLogsNoAddress() {
        final URI runtimeApi = URI.create(elsewhere.prefix() + "2018-06-01/runtime/invocation/x/response");
        final ObjectNode event = CustomResourceEvents.create(runtimeApi, Models.googleTo("admin@example.com", SUBJECT))
            .put("ServiceToken", "arn:aws:lambda:us-east-1:999999999999:function:cognito-provider-link")
            .put("StackId", "arn:aws:cloudformation:us-east-1:999999999999:stack/elsewhere/1");

        function.invoke(event.toString().getBytes(StandardCharsets.UTF_8), 60_000);

        assertThat(cognitoCalls).isEmpty();
        assertThat(elsewhere.puts()).isEmpty();
        assertThat(function.urls.puts()).isEmpty();
        assertThat(function.lastContext().logLines()).anyMatch(l -> l.contains("Refused the event"))
            .noneMatch(l -> l.contains("runtime/invocation") || l.contains(elsewhere.prefix()));
    }

    /** The same event for the function itself is acted on: the checks refuse the forgery, not the shape. */
    @Example
    void theSameEventFromCloudFormationForThisFunctionIsActedOn() {
        final ObjectNode event = CustomResourceEvents.create(function.urls.newUrl(), Models.googleTo("alice", SUBJECT));

        function.invoke(event.toString().getBytes(StandardCharsets.UTF_8), 60_000);

        assertThat(cognitoCalls).as("it went as far as Cognito").isNotEmpty();
        assertThat(function.urls.putsTo(URI.create(event.path("ResponseURL").asText()))).hasSize(1);
    }

    /** Where a forgery asks for the answer: the allowed stand-in, or somewhere an answer must never go. */
    enum Address {
        STAND_IN,
        LOCAL_ELSEWHERE,
        HTTPS_ELSEWHERE,
        INSTANCE_METADATA,
        FTP
    }

    /** What a forgery changes from a genuine event. */
    record Forgery(String serviceToken, String stackId, Address address) {

        boolean genuineOrigin() {
            return serviceToken.equals(LocalContext.FUNCTION_ARN)
                && stackId.startsWith("arn:aws:cloudformation:us-east-1:123456789012:stack/");
        }
    }

    @Property(tries = 300, seed = "20261204")
    void aForgedEventNeverReachesCognitoAndIsAnsweredOnlyWhereAnAnswerMayGo(@ForAll("forgeries") final Forgery forgery) {
        cognitoCalls.clear();
        final int answeredBefore = function.urls.puts().size();
        final int elsewhereBefore = elsewhere.puts().size();
        final ObjectNode event = CustomResourceEvents.create(url(forgery.address()), Models.googleTo("alice", SUBJECT))
            .put("ServiceToken", forgery.serviceToken()).put("StackId", forgery.stackId());

        function.invoke(event.toString().getBytes(StandardCharsets.UTF_8), 60_000);

        assertThat(cognitoCalls).as(forgery.toString()).isEmpty();
        assertThat(elsewhere.puts()).as(forgery.toString()).hasSize(elsewhereBefore);
        final List<ResponseUrlServer.Put> answers = function.urls.puts().subList(answeredBefore, function.urls.puts().size());
        assertThat(answers).as(forgery.toString()).hasSize(forgery.address() == Address.STAND_IN ? 1 : 0)
            .allSatisfy(answer -> assertThat(answer.json().path("Status").asText()).isEqualTo("FAILED"));
    }

    @Provide
    Arbitrary<Forgery> forgeries() {
        final Arbitrary<String> partitions = Arbitraries.of("aws", "aws-cn", "aws-us-gov");
        final Arbitrary<String> regions = Arbitraries.of("us-east-1", "us-east-2", "eu-west-1", "cn-north-1", "us-gov-west-1");
        final Arbitrary<String> accounts = Arbitraries.of("123456789012", "999999999999", "000000000000");
        final Arbitrary<String> tokens = Combinators.combine(partitions, regions, accounts,
            Arbitraries.of("cognito-provider-link", "cognito-provider-link-2", "other"))
            .as((partition, region, account, name) -> "arn:" + partition + ":lambda:" + region + ":" + account + ":function:"
                + name);
        final Arbitrary<String> stacks = Combinators.combine(partitions, regions, accounts, Arbitraries.of("stack", "changeSet"))
            .as((partition, region, account, kind) -> "arn:" + partition + ":cloudformation:" + region + ":" + account + ":"
                + kind + "/links/5b5e7e60");
        return Combinators.combine(tokens, stacks, Arbitraries.of(Address.class)).as(Forgery::new)
            .filter(forgery -> !(forgery.genuineOrigin() && forgery.address() == Address.STAND_IN));
    }

    private URI url(final Address address) {
        return switch (address) {
            case STAND_IN -> function.urls.newUrl();
            case LOCAL_ELSEWHERE -> URI.create(elsewhere.prefix() + "answer");
            case HTTPS_ELSEWHERE -> URI.create("https://example.com/answer");
            case INSTANCE_METADATA -> URI.create("https://169.254.169.254/latest/meta-data/");
            case FTP -> URI.create("ftp://example.com/answer");
        };
    }
}
