package com.custom.cognito.providerlink;

/**
 * The schema, under the one name the build gives it in the jar whatever the type is registered as. Public, unlike the
 * generated one, because the custom-resource entry point holds its properties to the same schema.
 */
public class Configuration extends BaseConfiguration {

    static final String SCHEMA_RESOURCE = "resource-schema.json";

    public Configuration() {
        super(SCHEMA_RESOURCE);
    }
}
