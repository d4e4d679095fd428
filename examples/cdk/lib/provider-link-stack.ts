// The same link as examples/cloudformation/provider-link.yaml, in the AWS CDK (TypeScript, aws-cdk-lib v2).
// Register the type under your organisation first (the repository README, "Register it in your account"), then give
// its name as the providerLinkType context value (cdk.json, or -c providerLinkType=... on the command line).
import { CfnOutput, CfnParameter, CfnResource, SecretValue, Stack, StackProps } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

export class ProviderLinkStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const typeName: string = this.node.tryGetContext('providerLinkType') ?? 'Acme::Cognito::ProviderLink';
    const aliceGoogleSubject = new CfnParameter(this, 'AliceGoogleSubject', {
      description: "The sub claim of Alice's Google account; it must not have signed in to the pool yet.",
      allowedPattern: '^[0-9]+$',
    });

    const pool = new cognito.UserPool(this, 'UserPool', {
      signInAliases: { username: true, email: true },
    });

    const google = new cognito.UserPoolIdentityProviderGoogle(this, 'Google', {
      userPool: pool,
      clientId: 'your-google-oauth-client-id.apps.googleusercontent.com',
      clientSecretValue: SecretValue.secretsManager('google-oauth-client-secret'),
      scopes: ['openid', 'email', 'profile'],
      attributeMapping: { email: cognito.ProviderAttribute.GOOGLE_EMAIL },
    });

    const alice = new cognito.CfnUserPoolUser(this, 'Alice', {
      userPoolId: pool.userPoolId,
      username: 'alice',
      messageAction: 'SUPPRESS',
      userAttributes: [{ name: 'email', value: 'alice@example.com' }],
    });

    const link = new CfnResource(this, 'AliceGoogleLink', {
      type: typeName,
      properties: {
        UserPoolId: pool.userPoolId,
        SourceUser: {
          ProviderName: google.providerName,
          ProviderAttributeName: 'Cognito_Subject',
          ProviderAttributeValue: aliceGoogleSubject.valueAsString,
        },
        DestinationUser: {
          ProviderName: 'Cognito',
          ProviderAttributeValue: alice.ref,
        },
      },
    });
    // google.providerName is a Ref to the provider, so CloudFormation creates the provider before the link and deletes
    // it after; an explicit dependency would only repeat that (cfn-lint W3005).

    new CfnOutput(this, 'LinkId', { value: link.ref });
  }
}
