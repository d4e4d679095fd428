package com.custom.cognito.providerlink.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.cognito.ClientBuilder;
import com.custom.cognito.providerlink.cognito.CognitoAction;
import com.custom.cognito.providerlink.handlers.HandlerTable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.cloudformation.Action;

/** The organisation rollout's templates (examples/organization/), read as CloudFormation reads them. */
class OrganizationTemplatesTest {

    private static final Path FOLDER = Path.of("examples", "organization");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode template(final String name) throws IOException {
        return CloudFormationYaml.read(FOLDER.resolve(name));
    }

    /** Every Cognito action a handler of the action table calls, as IAM names. */
    private static Set<String> handlerActions() {
        final HandlerTable table = new HandlerTable(new ClientBuilder());
        return Arrays.stream(Action.values()).filter(a -> a != Action.UPDATE).flatMap(a -> table.actionsOf(a).stream())
            .map(CognitoAction::iamName).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> allowed(final JsonNode role) {
        final Set<String> actions = new TreeSet<>();
        role.path("Properties").path("Policies").forEach(policy -> policy.path("PolicyDocument").path("Statement")
            .forEach(statement -> statement.path("Action").forEach(action -> actions.add(action.asText()))));
        return actions;
    }

    private static void assertTrustedForThisAccountAndTypeOnly(final JsonNode role, final String typeNameParameter) {
        final JsonNode trust = role.path("Properties").path("AssumeRolePolicyDocument").path("Statement").get(0);
        assertThat(trust.path("Principal").path("Service").asText()).isEqualTo("resources.cloudformation.amazonaws.com");
        assertThat(trust.path("Condition").path("StringEquals").path("aws:SourceAccount"))
            .isEqualTo(JSON.createObjectNode().put("Ref", "AWS::AccountId"));
        final JsonNode sourceArns = trust.path("Condition").path("StringLike").path("aws:SourceArn");
        for (JsonNode arn : sourceArns.isArray() ? sourceArns : JSON.createArrayNode().add(sourceArns)) {
            final JsonNode sub = arn.path("Fn::Sub");
            assertThat(sub.get(0).asText()).startsWith("arn:${AWS::Partition}:cloudformation:${AWS::Region}:${AWS::AccountId}"
                + ":type/resource/${Hyphenated}");
            assertThat(sub.get(1).path("Hyphenated").path("Fn::Join").get(1).path("Fn::Split").get(1))
                .isEqualTo(JSON.createObjectNode().put("Ref", typeNameParameter));
        }
    }

    @Test
    void theAccountsExecutionRoleAllowsExactlyTheHandlersActionsForThisAccountAndTypeOnly() throws IOException {
        final JsonNode role = template("provider-link-type.yaml").path("Resources").path("ExecutionRole");

        assertThat(allowed(role)).isEqualTo(handlerActions());
        assertTrustedForThisAccountAndTypeOnly(role, "TypeName");
    }

    @Test
    void theDefaultVersionDependsOnTheVersionWhichTheNextPackageKeyReplaces() throws IOException {
        final JsonNode resources = template("provider-link-type.yaml").path("Resources");

        assertThat(resources.path("DefaultVersion").path("Type").asText())
            .isEqualTo("AWS::CloudFormation::ResourceDefaultVersion");
        assertThat(resources.path("DefaultVersion").path("Properties").path("TypeVersionArn"))
            .isEqualTo(JSON.createObjectNode().put("Ref", "TypeVersion"));
        final JsonNode version = resources.path("TypeVersion");
        assertThat(version.path("Type").asText()).isEqualTo("AWS::CloudFormation::ResourceVersion");
        assertThat(version.path("Properties").path("SchemaHandlerPackage").path("Fn::Sub").asText())
            .isEqualTo("s3://${ArtifactBucket}/${PackageKey}");
        assertThat(version.path("Properties").path("LoggingConfig").path("LogGroupName"))
            .isEqualTo(JSON.createObjectNode().put("Ref", "LogGroup"));
        assertThat(resources.path("LogGroup").path("Properties").path("RetentionInDays"))
            .isEqualTo(JSON.createObjectNode().put("Ref", "LogRetentionInDays"));
    }

    @Test
    void theBucketIsVersionedEncryptedAndReadableByTheOrganisationOnly() throws IOException {
        final JsonNode resources = template("rollout.yaml").path("Resources");

        final JsonNode bucket = resources.path("ArtifactBucket").path("Properties");
        assertThat(bucket.path("VersioningConfiguration").path("Status").asText()).isEqualTo("Enabled");
        assertThat(bucket.path("BucketEncryption").path("ServerSideEncryptionConfiguration").get(0)
            .path("ServerSideEncryptionByDefault").path("SSEAlgorithm").asText()).isEqualTo("AES256");
        assertThat(bucket.path("PublicAccessBlockConfiguration").findValuesAsText("BlockPublicPolicy")).containsOnly("true");
        final JsonNode read = resources.path("ArtifactBucketPolicy").path("Properties").path("PolicyDocument")
            .path("Statement").get(0);
        assertThat(read.path("Effect").asText()).isEqualTo("Allow");
        assertThat(read.path("Condition").path("StringEquals").path("aws:PrincipalOrgID"))
            .isEqualTo(JSON.createObjectNode().put("Ref", "OrganizationId"));
        assertThat(read.path("Action").toString()).contains("s3:GetObject").doesNotContain("Put", "Delete");
    }

    @Test
    void theStackSetDeploysThePerAccountTemplateWithItsParametersToNewAccountsToo() throws IOException {
        final JsonNode stackSet = template("rollout.yaml").path("Resources").path("TypeStackSet").path("Properties");
        final JsonNode perAccount = template("provider-link-type.yaml").path("Parameters");

        assertThat(stackSet.path("PermissionModel").asText()).isEqualTo("SERVICE_MANAGED");
        assertThat(stackSet.path("AutoDeployment").path("Enabled").asBoolean()).isTrue();
        assertThat(stackSet.path("TemplateURL").path("Fn::Sub").asText()).endsWith("/${AccountTemplateKey}");
        final Set<String> passed = new TreeSet<>(stackSet.path("Parameters").findValuesAsText("ParameterKey"));
        final Set<String> withoutDefault = new TreeSet<>();
        perAccount.fields().forEachRemaining(p -> {
            if (!p.getValue().has("Default")) {
                withoutDefault.add(p.getKey());
            }
        });
        assertThat(passed).containsAll(withoutDefault);
        assertThat(perAccount.fieldNames()).toIterable().containsAll(passed);
        assertThat(stackSet.path("OperationPreferences").path("FailureTolerancePercentage"))
            .isEqualTo(JSON.createObjectNode().put("Ref", "FailureTolerancePercentage"));
        assertThat(stackSet.path("StackInstancesGroup").get(0).path("DeploymentTargets").path("OrganizationalUnitIds"))
            .isEqualTo(JSON.createObjectNode().put("Ref", "TargetOrganizationalUnitIds"));
    }

    @Test
    void thePublicVariantActivatesTheTypeWithItsOwnRoleAndAutomaticMinorUpdatesAsAParameter() throws IOException {
        final JsonNode resources = template("activate-public-type.yaml").path("Resources");

        final JsonNode activation = resources.path("Activation").path("Properties");
        assertThat(activation.path("AutoUpdate")).isEqualTo(JSON.createObjectNode().put("Ref", "AutoUpdate"));
        assertThat(activation.path("ExecutionRoleArn").path("Fn::GetAtt").get(0).asText()).isEqualTo("ExecutionRole");
        assertThat(allowed(resources.path("ExecutionRole"))).isEqualTo(handlerActions());
        assertTrustedForThisAccountAndTypeOnly(resources.path("ExecutionRole"), "TypeNameAlias");
    }
}
