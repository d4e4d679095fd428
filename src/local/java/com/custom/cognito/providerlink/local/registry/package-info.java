/**
 * What registration needs, made from the schema: the type name under another namespace, the execution role, the
 * generated files and the registry package. It imports nothing local; {@code run} and the tests import it.
 */
package com.custom.cognito.providerlink.local.registry;
