package com.custom.cognito.providerlink;

/** The schema, under the one name the build gives it in the jar whatever the type is registered as. */
class Configuration extends BaseConfiguration {

    static final String SCHEMA_RESOURCE = "resource-schema.json";

    Configuration() {
        super(SCHEMA_RESOURCE);
    }
}
