package com.custom.cognito.providerlink.local.registry;

import java.util.Set;
import java.util.TreeSet;
import org.json.JSONObject;

/**
 * {@code resource-role.yaml} as {@code cfn generate} writes it: the role CloudFormation assumes to run the handlers,
 * trusted only by {@code resources.cloudformation.amazonaws.com} for this account and this type, allowed exactly the
 * sorted union of the handlers' permissions, with a session long enough for the slowest handler
 * (70 seconds per minute of its timeout, between one and twelve hours).
 */
public final class ExecutionRole {

    static final int DEFAULT_TIMEOUT_MINUTES = 120;

    private ExecutionRole() {
    }

    /** The sorted, de-duplicated union of every handler's permissions, without empty strings. */
    public static Set<String> actions(final JSONObject schema) {
        final Set<String> actions = new TreeSet<>();
        final JSONObject handlers = schema.optJSONObject("handlers");
        if (handlers != null) {
            for (String handler : handlers.keySet()) {
                handlers.getJSONObject(handler).optJSONArray("permissions").forEach(a -> actions.add(a.toString()));
            }
        }
        actions.remove("");
        return actions;
    }

    public static int maxSessionDuration(final JSONObject schema) {
        final JSONObject handlers = schema.optJSONObject("handlers");
        int longest = DEFAULT_TIMEOUT_MINUTES;
        if (handlers != null && !handlers.isEmpty()) {
            longest = 0;
            for (String handler : handlers.keySet()) {
                longest = Math.max(longest, handlers.getJSONObject(handler).optInt("timeoutInMinutes", DEFAULT_TIMEOUT_MINUTES));
            }
        }
        return Math.min(43200, Math.max(3600, 70 * longest));
    }

    /** The template, for the type named in the schema (its {@code ::} written as {@code -} in the trust condition). */
    public static String render(final JSONObject schema) {
        final Set<String> actions = actions(schema);
        final boolean none = actions.isEmpty();
        final StringBuilder out = new StringBuilder();
        out.append("AWSTemplateFormatVersion: \"2010-09-09\"\n")
            .append("Description: >\n")
            .append("  This CloudFormation template creates a role assumed by CloudFormation\n")
            .append("  during CRUDL operations to mutate resources on behalf of the customer.\n\n")
            .append("Resources:\n")
            .append("  ExecutionRole:\n")
            .append("    Type: AWS::IAM::Role\n")
            .append("    Properties:\n")
            .append("      MaxSessionDuration: ").append(maxSessionDuration(schema)).append('\n')
            .append("      AssumeRolePolicyDocument:\n")
            .append("        Version: '2012-10-17'\n")
            .append("        Statement:\n")
            .append("          - Effect: Allow\n")
            .append("            Principal:\n")
            .append("              Service: resources.cloudformation.amazonaws.com\n")
            .append("            Action: sts:AssumeRole\n")
            .append("            Condition:\n")
            .append("              StringEquals:\n")
            .append("                aws:SourceAccount:\n")
            .append("                  Ref: AWS::AccountId\n")
            .append("              StringLike:\n")
            .append("                aws:SourceArn:\n")
            .append("                  Fn::Sub: "
                + "arn:${AWS::Partition}:cloudformation:${AWS::Region}:${AWS::AccountId}:type/resource/")
            .append(schema.getString("typeName").replace("::", "-")).append("/*\n")
            .append("      Path: \"/\"\n")
            .append("      Policies:\n")
            .append("        - PolicyName: ResourceTypePolicy\n")
            .append("          PolicyDocument:\n")
            .append("            Version: '2012-10-17'\n")
            .append("            Statement:\n")
            .append("              - Effect: ").append(none ? "Deny" : "Allow").append('\n')
            .append("                Action:\n");
        for (String action : none ? Set.of("*") : actions) {
            out.append("                - \"").append(action).append("\"\n");
        }
        out.append("                Resource: \"*\"\n")
            .append("Outputs:\n")
            .append("  ExecutionRoleArn:\n")
            .append("    Value:\n")
            .append("      Fn::GetAtt: ExecutionRole.Arn\n");
        return out.toString();
    }
}
