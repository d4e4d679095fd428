// The same link as lib/provider-link-stack.ts, as a Lambda-backed custom resource (Custom::CognitoProviderLink): no type
// registration, the function from examples/custom-resource/function.yaml instead. Its stack exports the ServiceToken;
// name that stack with the providerLinkFunctionStack context value (default cognito-provider-link).
import { CfnOutput, CustomResource, Fn, Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { aliceGoogleLinkProperties } from './alice-google';

export class ProviderLinkCustomResourceStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const functionStack: string = this.node.tryGetContext('providerLinkFunctionStack') ?? 'cognito-provider-link';
    // Custom resource property values reach the function as strings, which is what every property here is.
    const link = new CustomResource(this, 'AliceGoogleLink', {
      resourceType: 'Custom::CognitoProviderLink',
      serviceToken: Fn.importValue(`${functionStack}-ServiceToken`),
      properties: aliceGoogleLinkProperties(this),
    });

    new CfnOutput(this, 'LinkId', { value: link.getAttString('Id') });
  }
}
