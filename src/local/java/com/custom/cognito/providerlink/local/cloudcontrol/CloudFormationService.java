package com.custom.cognito.providerlink.local.cloudcontrol;

import com.custom.cognito.providerlink.local.aws.AwsCall;
import com.custom.cognito.providerlink.local.aws.AwsEndpoint;
import com.custom.cognito.providerlink.local.aws.AwsError;
import com.custom.cognito.providerlink.local.aws.AwsService;
import com.custom.cognito.providerlink.local.harness.WrapperInvoker;
import java.time.Instant;

/**
 * CloudFormation's {@code DescribeType} (query protocol), for the clients that look a type's schema up before they
 * drive it (Terraform's {@code aws_cloudcontrolapi_resource} does on every plan): each served name, as a private
 * registered type with its schema.
 */
public final class CloudFormationService implements AwsService, AwsEndpoint.QueryActions {

    private final RegisteredTypes types;
    private final Instant registered = Instant.now();

    public CloudFormationService(final RegisteredTypes types) {
        this.types = types;
    }

    @Override
    public Protocol protocol() {
        return Protocol.QUERY;
    }

    @Override
    public String name() {
        return "cloudformation";
    }

    @Override
    public String xmlNamespace() {
        return "http://cloudformation.amazonaws.com/doc/2010-05-15/";
    }

    @Override
    public boolean answers(final String action) {
        return "DescribeType".equals(action);
    }

    @Override
    public Answer call(final AwsCall call) {
        if (!"DescribeType".equals(call.operation())) {
            throw AwsError.client("InvalidAction", "This local endpoint answers only DescribeType for CloudFormation.");
        }
        final String type = call.parameter("Type");
        if (type != null && !"RESOURCE".equals(type)) {
            throw AwsError.client("TypeNotFoundException", "Only RESOURCE types are served here.");
        }
        final String typeName = types.require(call.parameter("TypeName"));
        final String region = call.region();
        final String arn = "arn:aws:cloudformation:" + region + ":" + WrapperInvoker.ACCOUNT + ":type/resource/"
            + typeName.replace("::", "-");
        return Answer.xml("<Arn>" + arn + "</Arn><Type>RESOURCE</Type><TypeName>" + typeName + "</TypeName>"
            + "<DefaultVersionId>00000001</DefaultVersionId><IsDefaultVersion>true</IsDefaultVersion>"
            + "<TypeTestsStatus>NOT_TESTED</TypeTestsStatus><Description>" + AwsEndpoint.Xml.escape(types.schemaFor(typeName)
                .path("description").asText())
            + "</Description><Schema>"
            + AwsEndpoint.Xml.escape(types.schemaFor(typeName).toString())
            + "</Schema><ProvisioningType>" + types.provisioningType()
            + "</ProvisioningType><DeprecatedStatus>LIVE</DeprecatedStatus>"
            + "<Visibility>PRIVATE</Visibility><LastUpdated>" + registered + "</LastUpdated><TimeCreated>" + registered
            + "</TimeCreated>");
    }
}
