package com.custom.cognito.providerlink.customresource;

import com.custom.cognito.providerlink.model.Partition;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether an event is one CloudFormation sent this function, checked before anything is called: whoever may invoke the
 * function holds, through it, the function role's Cognito actions on its pools, so an event that names another
 * function, another account or Region, or an answer address that is not CloudFormation's is refused.
 *
 * <ul>
 *   <li>{@code ServiceToken} names the invoked function: the same partition, Region, account and name (an alias or a
 *       version may differ);</li>
 *   <li>{@code StackId} is a stack of the function's own partition, account and Region;</li>
 *   <li>{@code ResponseURL} is an https URL of CloudFormation's response bucket in the function's Region,
 *       {@code cloudformation-custom-resource-response-<region without dashes>} (CloudFormation User Guide, "Setting up
 *       VPC endpoints for AWS CloudFormation", the AWS-owned buckets), on an S3 endpoint of the partition
 *       ({@link #S3_HOSTS}). Local runs and tests opt in to an http stand-in with {@value #ALLOW_PREFIX}, a URL prefix
 *       read once at start; {@code function.yaml} never sets it.</li>
 * </ul>
 */
final class EventOrigin {

    /** The one opt-in for answering anywhere but CloudFormation: a URL prefix answers may go to. */
    static final String ALLOW_PREFIX = "PROVIDERLINK_ALLOW_RESPONSE_URL_PREFIX";
    static final String RESPONSE_BUCKET = "cloudformation-custom-resource-response-";
    /** The partitions whose S3 endpoints CloudFormation answers through, as far as public sources show. */
    private static final List<Partition> ANSWERING_PARTITIONS = List.of(Partition.AWS, Partition.AWS_CN, Partition.AWS_US_GOV);
    /** S3 endpoint host forms, {@code %s} the Region: regional, legacy dash-regional, dual-stack (S3 User Guide, endpoints). */
    private static final List<String> S3_HOSTS = List.of("s3.%s.", "s3-%s.", "s3.dualstack.%s.");

    /** A Lambda function ARN's parts: {@code arn:<partition>:lambda:<region>:<account>:function:<name>[:<qualifier>]}. */
    record Function(String partition, String region, String account, String name) {

        static Optional<Function> ofArn(final String arn) {
            final String[] parts = arn == null ? new String[0] : arn.split(":", -1);
            if (parts.length < 7 || parts.length > 8 || !"arn".equals(parts[0]) || !"lambda".equals(parts[2])
                || !"function".equals(parts[5]) || parts[3].isEmpty() || parts[4].isEmpty() || parts[6].isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Function(parts[1], parts[3], parts[4], parts[6]));
        }
    }

    private final Optional<Function> invoked;
    private final String allowedPrefix;

    /**
     * @param invokedFunctionArn the ARN Lambda says this invocation is of
     * @param allowedPrefix      the opt-in prefix, or null
     */
    EventOrigin(final String invokedFunctionArn, final String allowedPrefix) {
        this.invoked = Function.ofArn(invokedFunctionArn);
        this.allowedPrefix = allowedPrefix == null || allowedPrefix.isBlank() ? null : allowedPrefix;
    }

    /** Why the event may not be acted on, if it may not. Names no URL: a response URL is a credential for the answer. */
    Optional<String> refusal(final CustomResourceEvent event) {
        if (invoked.isEmpty()) {
            return Optional.of("The invoked function's ARN is not known, so no event can be checked against it.");
        }
        final Function function = invoked.get();
        final Optional<Function> token = Function.ofArn(event.serviceToken());
        if (token.isEmpty() || !token.get().equals(function)) {
            return Optional.of("The event's ServiceToken does not name this function (" + function.name() + " in account "
                + function.account() + ", " + function.region() + "): CloudFormation sends a function only the events of the"
                + " resources whose ServiceToken is that function.");
        }
        final String[] stack = event.stackId().split(":", -1);
        if (stack.length < 6 || !"arn".equals(stack[0]) || !"cloudformation".equals(stack[2])
            || !stack[5].startsWith("stack/") || !stack[1].equals(function.partition()) || !stack[3].equals(function.region())
            || !stack[4].equals(function.account())) {
            return Optional.of("The event's StackId is not a stack of this function's account and Region (" + function.account()
                + ", " + function.region() + "): this function serves stacks of its own account and Region only.");
        }
        if (!mayAnswerTo(event.responseUrl())) {
            return Optional.of("The event's ResponseURL is not CloudFormation's response bucket in " + function.region()
                + ", so the event did not come from CloudFormation.");
        }
        return Optional.empty();
    }

    /** Whether an answer may be PUT to {@code url}: CloudFormation's response bucket, or the local opt-in. */
    boolean mayAnswerTo(final URI url) {
        if (allowedPrefix != null && url.toString().startsWith(allowedPrefix)) {
            return true;
        }
        if (invoked.isEmpty() || !"https".equals(url.getScheme()) || url.getRawUserInfo() != null
            || url.getPort() != -1 && url.getPort() != 443 || url.getHost() == null) {
            return false;
        }
        final String region = invoked.get().region();
        final Partition partition = Partition.of(region);
        if (!ANSWERING_PARTITIONS.contains(partition) || !partition.id().equals(invoked.get().partition())) {
            return false;
        }
        final String bucket = RESPONSE_BUCKET + region.replace("-", "");
        final String host = url.getHost().toLowerCase(Locale.ROOT);
        final String path = url.getRawPath() == null ? "" : url.getRawPath();
        for (String endpoint : endpoints(region, partition)) {
            if (host.equals(bucket + "." + endpoint) || host.equals(endpoint) && path.startsWith("/" + bucket + "/")) {
                return true;
            }
        }
        return false;
    }

    /** The function's account: once an event is checked, also its stack's. */
    String account() {
        return invoked.map(Function::account).orElse(null);
    }

    private static List<String> endpoints(final String region, final Partition partition) {
        final List<String> hosts = new ArrayList<>();
        S3_HOSTS.forEach(form -> hosts.add(String.format(form, region) + partition.dnsSuffix()));
        if (partition == Partition.AWS) {
            hosts.add("s3." + partition.dnsSuffix());
        }
        return hosts;
    }
}
