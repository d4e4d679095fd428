// What both stacks declare around the link: a user pool, its Google provider, a native user alice, and the Google
// subject as a parameter; and the link's properties, the same for the registry type and the custom resource.
import { CfnParameter, SecretValue } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

export function aliceGoogleLinkProperties(scope: Construct): Record<string, unknown> {
  const aliceGoogleSubject = new CfnParameter(scope, 'AliceGoogleSubject', {
    description: "The sub claim of Alice's Google account; it must not have signed in to the pool yet.",
    allowedPattern: '^[0-9]+$',
  });

  const pool = new cognito.UserPool(scope, 'UserPool', {
    signInAliases: { username: true, email: true },
  });

  const google = new cognito.UserPoolIdentityProviderGoogle(scope, 'Google', {
    userPool: pool,
    clientId: 'your-google-oauth-client-id.apps.googleusercontent.com',
    clientSecretValue: SecretValue.secretsManager('google-oauth-client-secret'),
    scopes: ['openid', 'email', 'profile'],
    attributeMapping: { email: cognito.ProviderAttribute.GOOGLE_EMAIL },
  });

  const alice = new cognito.CfnUserPoolUser(scope, 'Alice', {
    userPoolId: pool.userPoolId,
    username: 'alice',
    messageAction: 'SUPPRESS',
    userAttributes: [{ name: 'email', value: 'alice@example.com' }],
  });

  // google.providerName is a Ref to the provider, so CloudFormation creates the provider before the link and deletes
  // it after; an explicit dependency would only repeat that (cfn-lint W3005).
  return {
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
  };
}
