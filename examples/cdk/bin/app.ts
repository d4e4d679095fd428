// The CDK app: the link as the registry type (ProviderLinkStack; its type name comes from the providerLinkType
// context value) and as a custom resource (ProviderLinkCustomResourceStack). Deploy the one for the mode you use.
import { App } from 'aws-cdk-lib';
import { ProviderLinkCustomResourceStack } from '../lib/provider-link-custom-resource-stack';
import { ProviderLinkStack } from '../lib/provider-link-stack';

const app = new App();
new ProviderLinkStack(app, 'ProviderLinkStack');
new ProviderLinkCustomResourceStack(app, 'ProviderLinkCustomResourceStack');
app.synth();
