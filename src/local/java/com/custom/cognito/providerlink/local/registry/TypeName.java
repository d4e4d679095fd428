package com.custom.cognito.providerlink.local.registry;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A registry type name, {@code Organization::Service::Resource}, checked the way RegisterType will check it: the
 * CloudFormation CLI and the meta-schema only check the pattern, so a reserved organisation name would first fail at
 * registration (cloudformation-cli#431).
 */
public record TypeName(String organization, String service, String resource) {

    /** The meta-schema's typeName pattern. */
    private static final Pattern PATTERN = Pattern.compile("^([a-zA-Z0-9]{2,64})::([a-zA-Z0-9]{2,64})::([a-zA-Z0-9]{2,64})$");
    /** Reserved organisation names ("Resource type schema", CloudFormation CLI user guide), compared without case. */
    public static final Set<String> RESERVED = Set.of("alexa", "amzn", "amazon", "ask", "aws", "custom", "dev");
    /** Private registration works, but types in these namespaces can never be published. */
    private static final Set<String> UNPUBLISHABLE = Set.of("awsquickstart");

    public static TypeName parse(final String text) {
        final String name = text == null ? "" : text.trim();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("No type name given. Choose one under your organisation, e.g. "
                + "-Dtype.name=Acme::Cognito::ProviderLink"
                + " (Custom::Cognito::ProviderLink is the development name only: Custom is reserved).");
        }
        final var matcher = PATTERN.matcher(name);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + name
                + "' is not a type name: it must be Organization::Service::Resource, each part 2 to 64"
                + " letters or digits, e.g. Acme::Cognito::ProviderLink.");
        }
        if (RESERVED.contains(matcher.group(1).toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("'" + matcher.group(1)
                + "' is a reserved namespace (Alexa, AMZN, Amazon, ASK, AWS, Custom and Dev"
                + " are), so RegisterType would refuse " + name + ". Use your organisation's name instead, e.g. Acme::"
                + matcher.group(2) + "::" + matcher.group(3) + ".");
        }
        return new TypeName(matcher.group(1), matcher.group(2), matcher.group(3));
    }

    /** A warning for names that register but can never be published, or null. */
    public String publishingWarning() {
        return UNPUBLISHABLE.contains(organization.toLowerCase(Locale.ROOT))
            ? organization + " types can be registered privately but never published to the public registry."
            : null;
    }

    @Override
    public String toString() {
        return organization + "::" + service + "::" + resource;
    }

    /** {@code acme-cognito-providerlink}: the schema file, package and log group names. */
    public String hyphenated() {
        return toString().replace("::", "-").toLowerCase(Locale.ROOT);
    }

    /** {@code Acme-Cognito-ProviderLink}: the execution role's {@code aws:SourceArn} condition. */
    public String hyphenatedCaseSensitive() {
        return toString().replace("::", "-");
    }
}
