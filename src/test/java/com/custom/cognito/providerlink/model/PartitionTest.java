package com.custom.cognito.providerlink.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;

/**
 * The partition told from a Region's name is the one the SDK's own partition table gives (the plugin's
 * {@code transform} used to load that table, a class per AWS service, on every cold start, for a field no handler
 * reads).
 */
class PartitionTest {

    @Test
    void everyRegionTheSdkKnowsGetsTheSdksPartitionAndDnsSuffix() {
        assertThat(Region.regions()).hasSizeGreaterThan(30);
        for (Region region : Region.regions()) {
            final PartitionMetadata sdk = PartitionMetadata.of(region);

            assertThat(Partition.of(region.id()).id()).as(region.id()).isEqualTo(sdk.id());
            assertThat(Partition.of(region.id()).dnsSuffix()).as(region.id()).isEqualTo(sdk.dnsSuffix());
        }
    }

    @Test
    void chinaGovCloudAndTheIsoRegionsAreTheirOwnPartitions() {
        assertThat(Partition.of("cn-north-1").id()).isEqualTo("aws-cn");
        assertThat(Partition.of("cn-northwest-1").dnsSuffix()).isEqualTo("amazonaws.com.cn");
        assertThat(Partition.of("us-gov-west-1").id()).isEqualTo("aws-us-gov");
        assertThat(Partition.of("us-iso-east-1").id()).isEqualTo("aws-iso");
        assertThat(Partition.of("us-isob-east-1").id()).isEqualTo("aws-iso-b");
        assertThat(Partition.of("us-isof-south-1").id()).isEqualTo("aws-iso-f");
        assertThat(Partition.of("eu-isoe-west-1").id()).isEqualTo("aws-iso-e");
        assertThat(Partition.of("eu-west-1").id()).isEqualTo("aws");
        assertThat(Partition.of(null).id()).isEqualTo("aws");
    }
}
