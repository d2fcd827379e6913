package dev.awsinventory.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsinventory.transforms.model.Names;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamesTest {
  @ParameterizedTest
  @CsvSource({
    "InstanceId, instance_id",
    "Ipv6Address, ipv6_address",
    "EbsOptimized, ebs_optimized",
    "EnableDns64, enable_dns64",
    "Ipv6CidrBlockAssociationSet, ipv6_cidr_block_association_set",
    "DNSName, dns_name",
    "AssociatePublicIPAddress, associate_public_ip_address",
    "Tags, tags"
  })
  void snakeCaseAsCloudQueryNamesColumns(String member, String column) {
    assertThat(Names.snake(member)).isEqualTo(column);
  }
}
