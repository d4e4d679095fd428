/**
 * The domain without any service: a link ({@link com.custom.cognito.providerlink.model.ProviderLink}), its two sides,
 * its identifier ({@link com.custom.cognito.providerlink.model.LinkId}), what Cognito accepts in each field
 * ({@link com.custom.cognito.providerlink.model.PropertyRules}), the partition a Region belongs to, and the
 * {@link com.custom.cognito.providerlink.model.Translator} between it and the generated model. It imports only the
 * generated model classes; every other package may import it.
 */
package com.custom.cognito.providerlink.model;
