package com.custom.cognito.providerlink;

class Configuration extends BaseConfiguration {

    Configuration() {
        super("custom-cognito-providerlink.json");
    }
}
