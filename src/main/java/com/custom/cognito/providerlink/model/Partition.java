package com.custom.cognito.providerlink.model;

import java.util.Arrays;

/**
 * The AWS partition a Region belongs to, told from the Region's name alone, and the DNS suffix of its endpoints. The
 * prefixes and suffixes are those of the AWS SDK's partition table ({@code endpoints.json} of
 * {@code software.amazon.awssdk:regions}; a test compares every Region the SDK knows). Reading them here spares every
 * invocation the SDK's partition metadata, which loads a class per AWS service and which no handler needs.
 */
public enum Partition {

    AWS_US_GOV("aws-us-gov", "us-gov-", "amazonaws.com"),
    AWS_ISO("aws-iso", "us-iso-", "c2s.ic.gov"),
    AWS_ISO_B("aws-iso-b",
        "us-isob-", "sc2s.sgov.gov"),
    AWS_ISO_F("aws-iso-f", "us-isof-", "csp.hci.ic.gov"),
    AWS_ISO_E("aws-iso-e", "eu-isoe-",
        "cloud.adc-e.uk"),
    AWS_CN("aws-cn", "cn-", "amazonaws.com.cn"),
    AWS_EUSC("aws-eusc", "eusc-", "amazonaws.eu"),
    /** Every other Region, as the SDK treats a name no other partition claims. */
    AWS("aws", "", "amazonaws.com");

    private final String id;
    private final String regionPrefix;
    private final String dnsSuffix;

    Partition(final String id, final String regionPrefix, final String dnsSuffix) {
        this.id = id;
        this.regionPrefix = regionPrefix;
        this.dnsSuffix = dnsSuffix;
    }

    public static Partition of(final String region) {
        final String name = region == null ? "" : region;
        return Arrays.stream(values()).filter(p -> name.startsWith(p.regionPrefix)).findFirst().orElse(AWS);
    }

    /** As ARNs and the plugin's {@code awsPartition} write it: {@code aws}, {@code aws-cn}, ... */
    public String id() {
        return id;
    }

    public String dnsSuffix() {
        return dnsSuffix;
    }
}
