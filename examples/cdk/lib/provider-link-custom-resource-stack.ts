// The same link as lib/provider-link-stack.ts, as a Lambda-backed custom resource (Custom::CognitoProviderLink): no type
// registration, the function from examples/custom-resource/function.yaml instead. Its stack exports the ServiceToken;
// name that stack with the providerLinkFunctionStack context value (default cognito-provider-link).
import { CfnOutput, CfnParameter, CustomResource, Fn, SecretValue, Stack, StackProps } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

export class ProviderLinkCustomResourceStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const functionStack: string = this.node.tryGetContext('providerLinkFunctionStack') ?? 'cognito-provider-link';
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

    // Custom resource property values reach the function as strings, which is what every property here is.
    const link = new CustomResource(this, 'AliceGoogleLink', {
      resourceType: 'Custom::CognitoProviderLink',
      serviceToken: Fn.importValue(`${functionStack}-ServiceToken`),
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

    new CfnOutput(this, 'LinkId', { value: link.getAttString('Id') });
  }
}
