// The CDK app: one stack with the registry type. Its name comes from the context (cdk.json, or -c on the command line).
import { App } from 'aws-cdk-lib';
import { ProviderLinkStack } from '../lib/provider-link-stack';

const app = new App();
new ProviderLinkStack(app, 'ProviderLinkStack');
app.synth();
