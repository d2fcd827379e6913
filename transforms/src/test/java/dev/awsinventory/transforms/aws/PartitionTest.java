package dev.awsinventory.transforms.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsinventory.config.ConfigLoader;
import dev.awsinventory.config.Regions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The partition written in ARNs comes from the SDK's metadata (Regions), or the custom one. */
class PartitionTest {
  @TempDir Path dir;

  private AwsSettings settings(String options) throws Exception {
    Path file = dir.resolve("cq.yml");
    Files.writeString(file, "providers:\n  - name: aws\n    configuration:\n" + options.indent(6));
    return AwsSettings.from(ConfigLoader.load(file, Map.of()));
  }

  @Test
  void partitionsAreTheSdksAndOverridable() throws Exception {
    AwsSettings plain = settings("regions: [\"*\"]");
    for (String region :
        new String[] {"us-east-1", "cn-northwest-1", "us-gov-east-1", "eu-central-3"}) {
      assertThat(plain.partitionOf(region)).isEqualTo(Regions.partition(region));
    }
    assertThat(plain.partitionOf("cn-north-1")).isEqualTo("aws-cn");
    assertThat(plain.partitionOf("us-gov-west-1")).isEqualTo("aws-us-gov");
    AwsSettings custom =
        settings(
            "custom_endpoint_url: http://localhost:4566\n"
                + "custom_endpoint_partition_id: aws-cn");
    assertThat(custom.partitionOf("us-east-1")).isEqualTo("aws-cn");
  }

  @Test
  void anAccountInChinaWithoutARoleGetsAChinaRegionAndPartition() throws Exception {
    Path file = dir.resolve("cn.yml");
    Files.writeString(
        file,
        """
        providers:
          - name: aws
            configuration:
              regions: [cn-northwest-1]
              accounts:
                - local_profile: china
        """);
    var config = ConfigLoader.load(file, Map.of());
    String region = config.accounts().get(0).defaultRegion();
    assertThat(region).isEqualTo("cn-northwest-1");
    assertThat(AwsSettings.from(config).partitionOf(region)).isEqualTo("aws-cn");
  }
}
