// The same link as examples/cloudformation/provider-link.yaml, in the AWS CDK (TypeScript, aws-cdk-lib v2).
// Register the type under your organisation first (the repository README, "Register it in your account"), then give
// its name as the providerLinkType context value (cdk.json, or -c providerLinkType=... on the command line).
import { CfnOutput, CfnResource, Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { aliceGoogleLinkProperties } from './alice-google';

export class ProviderLinkStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const typeName: string = this.node.tryGetContext('providerLinkType') ?? 'Acme::Cognito::ProviderLink';
    const link = new CfnResource(this, 'AliceGoogleLink', {
      type: typeName,
      properties: aliceGoogleLinkProperties(this),
    });

    new CfnOutput(this, 'LinkId', { value: link.ref });
  }
}
