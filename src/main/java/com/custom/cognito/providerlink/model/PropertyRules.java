package com.custom.cognito.providerlink.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What Cognito accepts in each part of a link (service model shapes), checked before any call. The schema's own
 * patterns only refuse control characters, because they must compile in every engine that reads the schema
 * (Python's {@code re} for the CloudFormation CLI, Go's RE2 for Terraform); these are the exact Unicode classes.
 */
public enum PropertyRules {

    /**
     * UserPoolIdType on the read operations: 1-55 characters, {@code [\w-]+_[0-9a-zA-Z]+}; and the part before the
     * underscore must be a Region name, because it says where the pool is, and so where Cognito is called.
     */
    USER_POOL_ID(55, Pattern.compile("[a-z]{2,}(?:-[a-z0-9]+)*-[0-9]+_[0-9a-zA-Z]+"),
        "a user pool ID: the Region, an underscore, then letters and digits, e.g. us-east-1_EXAMPLE"),
    /** ProviderNameType: 1-32 printable characters, spaces allowed. */
    PROVIDER_NAME(32, Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\p{Z}]+"), Texts.PRINTABLE),
    /** The attribute a source identity is linked by: 1-32 printable characters without spaces. */
    ATTRIBUTE_NAME(32, Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+"), Texts.PRINTABLE_NO_SPACE),
    /** UsernameType: 1-128 printable characters without spaces. */
    USERNAME(Destination.MAX_USERNAME_LENGTH, Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+"), Texts.PRINTABLE_NO_SPACE),
    /** A source identity's value, stored in the identities attribute (AttributeValueType, at most 2,048). */
    SOURCE_VALUE(2048, Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\p{Z}]+"), Texts.PRINTABLE);

    private final int maxLength;
    private final Pattern pattern;
    private final String inWords;

    PropertyRules(final int maxLength, final Pattern pattern, final String inWords) {
        this.maxLength = maxLength;
        this.pattern = pattern;
        this.inWords = inWords;
    }

    /** What is wrong with {@code value}, or empty when Cognito accepts it. Never quotes the value. */
    public Optional<String> problem(final String value) {
        if (value == null || value.isEmpty()) {
            return Optional.of("must not be empty");
        }
        if (value.length() > maxLength) {
            return Optional.of("must be at most " + maxLength + " characters long");
        }
        if (!pattern.matcher(value).matches()) {
            return Optional.of("must be " + inWords);
        }
        return Optional.empty();
    }

    private static final class Texts {

        static final String PRINTABLE = "printable characters only (letters, digits, punctuation, symbols, spaces):"
            + " no control, format or private-use characters";
        static final String PRINTABLE_NO_SPACE = "printable characters without spaces: no whitespace, control, format or"
            + " private-use characters";
    }
}
