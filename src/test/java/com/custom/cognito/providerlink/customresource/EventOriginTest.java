package com.custom.cognito.providerlink.customresource;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which events the function acts on and where it may answer: CloudFormation's, for itself, in its account and Region. */
class EventOriginTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FUNCTION = "arn:aws:lambda:eu-west-1:123456789012:function:cognito-provider-link";
    private static final String STACK = "arn:aws:cloudformation:eu-west-1:123456789012:stack/links/5b5e7e60-0000-11ef-9e3d";
    private static final String ANSWER = "https://cloudformation-custom-resource-response-euwest1.s3.eu-west-1.amazonaws.com/"
        + "arn%3Aaws%3Acloudformation%3Aeu-west-1%3A123456789012%3Astack/links/x%7CLink%7Cid?X-Amz-Signature=s";

    @ParameterizedTest
    @CsvSource({
        FUNCTION + ", https://cloudformation-custom-resource-response-euwest1.s3.eu-west-1.amazonaws.com/a?s=1",
        FUNCTION + ", https://cloudformation-custom-resource-response-euwest1.s3-eu-west-1.amazonaws.com/a",
        FUNCTION + ", https://cloudformation-custom-resource-response-euwest1.s3.dualstack.eu-west-1.amazonaws.com/a",
        FUNCTION + ", https://cloudformation-custom-resource-response-euwest1.s3.amazonaws.com/a",
        FUNCTION + ", https://s3.eu-west-1.amazonaws.com/cloudformation-custom-resource-response-euwest1/a",
        FUNCTION + ", https://CloudFormation-Custom-Resource-Response-EUWEST1.S3.EU-WEST-1.AMAZONAWS.COM:443/a",
        "arn:aws:lambda:us-east-1:123456789012:function:f, https://cloudformation-custom-resource-response-useast1.s3.amazonaws.com/a",
        "arn:aws-cn:lambda:cn-north-1:123456789012:function:f,"
            + " https://cloudformation-custom-resource-response-cnnorth1.s3.cn-north-1.amazonaws.com.cn/a",
        "arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:f,"
            + " https://cloudformation-custom-resource-response-usgovwest1.s3-us-gov-west-1.amazonaws.com/a"})
    void anAnswerMayGoToCloudFormationsResponseBucketOfTheFunctionsRegionOnAnyS3EndpointOfItsPartition(final String function,
        final String url) {
        assertThat(new EventOrigin(function, null).mayAnswerTo(URI.create(url))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://cloudformation-custom-resource-response-euwest1.s3.eu-west-1.amazonaws.com/a",
        "https://cloudformation-custom-resource-response-useast1.s3.us-east-1.amazonaws.com/a",
        "https://cloudformation-custom-resource-response-euwest1.s3.eu-west-1.amazonaws.com.evil.example/a",
        "https://evil-cloudformation-custom-resource-response-euwest1.s3.eu-west-1.amazonaws.com/a",
        "https://cloudformation-custom-resource-response-euwest1.s3.eu-west-2.amazonaws.com/a",
        "https://cloudformation-custom-resource-response-euwest1.s3.eu-west-1.amazonaws.com.cn/a",
        "https://someone-elses-bucket.s3.eu-west-1.amazonaws.com/a",
        "https://s3.eu-west-1.amazonaws.com/someone-elses-bucket/cloudformation-custom-resource-response-euwest1/a",
        "https://user@cloudformation-custom-resource-response-euwest1.s3.eu-west-1.amazonaws.com/a",
        "https://cloudformation-custom-resource-response-euwest1.s3.eu-west-1.amazonaws.com:8443/a",
        "http://127.0.0.1:18455/2018-06-01/runtime/invocation/x/response",
        "https://169.254.169.254/latest/meta-data/"})
    void anAnswerGoesNowhereElse(final String url) {
        assertThat(new EventOrigin(FUNCTION, null).mayAnswerTo(URI.create(url))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws:lambda:us-iso-east-1:123456789012:function:f", "not an arn", ""})
    void aFunctionOutsideThePartitionsCloudFormationAnswersThroughOrWithoutAnArnAnswersNowhere(final String function) {
        assertThat(new EventOrigin(function, null).mayAnswerTo(URI.create(
            "https://cloudformation-custom-resource-response-usisoeast1.s3.us-iso-east-1.c2s.ic.gov/a"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/answer?x=1", "http://127.0.0.1:8080/"})
    void theLocalOptInAllowsExactlyTheUrlsThatStartWithItsPrefix(final String url) {
        final EventOrigin origin = new EventOrigin(FUNCTION, "http://127.0.0.1:8080/");

        assertThat(origin.mayAnswerTo(URI.create(url))).isTrue();
        assertThat(origin.mayAnswerTo(URI.create("http://127.0.0.1:8081/answer"))).isFalse();
        assertThat(origin.mayAnswerTo(URI.create(ANSWER))).as("CloudFormation's still").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {FUNCTION, FUNCTION + ":live", FUNCTION + ":7"})
    void anEventForThisFunctionByNameAliasOrVersionFromAStackOfItsAccountAndRegionIsActedOn(final String token)
        throws Exception {
        assertThat(new EventOrigin(FUNCTION, null).refusal(event(token, STACK, ANSWER))).isEmpty();
        assertThat(new EventOrigin(FUNCTION + ":live", null).refusal(event(token, STACK, ANSWER))).as("invoked by alias")
            .isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "arn:aws:lambda:eu-west-1:999999999999:function:cognito-provider-link|" + STACK + "|ServiceToken",
        "arn:aws:lambda:eu-west-2:123456789012:function:cognito-provider-link|" + STACK + "|ServiceToken",
        "arn:aws:lambda:eu-west-1:123456789012:function:another-function|" + STACK + "|ServiceToken",
        "arn:aws-cn:lambda:eu-west-1:123456789012:function:cognito-provider-link|" + STACK + "|ServiceToken",
        "cognito-provider-link|" + STACK + "|ServiceToken",
        FUNCTION + "|arn:aws:cloudformation:eu-west-1:999999999999:stack/links/x|StackId",
        FUNCTION + "|arn:aws:cloudformation:us-east-1:123456789012:stack/links/x|StackId",
        FUNCTION + "|arn:aws:cloudformation:eu-west-1:123456789012:changeSet/links/x|StackId",
        FUNCTION + "|links|StackId"})
    void anEventForAnotherFunctionOrFromAnotherAccountOrRegionIsRefusedNamingWhatDiffers(final String token, final String stack,
        final String field) throws Exception {
        assertThat(new EventOrigin(FUNCTION, null).refusal(event(token, stack, ANSWER))).hasValueSatisfying(reason -> assertThat(
            reason).contains(field).doesNotContain("X-Amz-Signature"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com/answer", "http://127.0.0.1:18455/2018-06-01/runtime/invocation/x/response"})
    void anEventWhoseAnswerWouldGoElsewhereIsRefusedWithoutQuotingTheUrl(final String url) throws Exception {
        assertThat(new EventOrigin(FUNCTION, null).refusal(event(FUNCTION, STACK, url))).hasValueSatisfying(
            reason -> assertThat(reason).contains("ResponseURL").doesNotContain(url).doesNotContain(URI.create(url).getHost()));
    }

    private static CustomResourceEvent event(final String token, final String stack, final String url) throws Exception {
        final ObjectNode event = JSON.createObjectNode().put("RequestType", "Create").put("ServiceToken", token)
            .put("ResponseURL", url).put("StackId", stack).put("RequestId", "r-1").put("LogicalResourceId", "Link")
            .put("ResourceType", "Custom::CognitoProviderLink");
        event.putObject("ResourceProperties").put("ServiceToken", token);
        return CustomResourceEvent.parse(event.toString().getBytes(StandardCharsets.UTF_8));
    }
}
