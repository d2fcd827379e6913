package dev.awsinventory.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegionsTest {
  @TempDir Path dir;

  @Test
  void knowsEveryPartitionsRegionsFromTheSdk() {
    assertThat(Regions.known())
        .contains(
            "us-east-1",
            "us-west-2",
            "ap-southeast-7",
            "ap-southeast-6",
            "ap-east-2",
            "mx-central-1",
            "ca-west-1",
            "il-central-1",
            "me-central-1",
            "eu-central-2",
            "eu-south-2",
            "ap-south-2",
            "cn-north-1",
            "cn-northwest-1",
            "us-gov-west-1",
            "us-gov-east-1")
        .doesNotContain("aws-global", "aws-cn-global", "aws-us-gov-global", "eu-central-3");
    assertThat(Regions.known()).hasSizeGreaterThanOrEqualTo(38);
  }

  @Test
  void partitionsComeFromTheSdk() {
    assertThat(Regions.partition("eu-west-1")).isEqualTo("aws");
    assertThat(Regions.partition("cn-northwest-1")).isEqualTo("aws-cn");
    assertThat(Regions.partition("us-gov-east-1")).isEqualTo("aws-us-gov");
    assertThat(Regions.partition("us-iso-east-1")).isEqualTo("aws-iso");
    // names the SDK does not list yet take the partition whose region pattern matches
    assertThat(Regions.partition("eu-central-3")).isEqualTo("aws");
    assertThat(Regions.partition("cn-south-1")).isEqualTo("aws-cn");
    assertThat(Regions.partition("us-gov-central-1")).isEqualTo("aws-us-gov");
  }

  @Test
  void wellFormedNewNamesAreToldFromTypos() {
    assertThat(Regions.isWellFormed("eu-central-3")).isTrue();
    assertThat(Regions.isWellFormed("ap-southeast-9")).isTrue();
    assertThat(Regions.isWellFormed("us-gov-central-1")).isTrue();
    assertThat(Regions.isWellFormed("us-est-1")).isFalse();
    assertThat(Regions.isWellFormed("eu-wst-1")).isFalse();
    assertThat(Regions.isWellFormed("xx-central-1")).isFalse();
    assertThat(Regions.isWellFormed("eu-central")).isFalse();
  }

  @Test
  void aNewRegionNameIsAcceptedWithAWarning() throws Exception {
    InventoryConfig config =
        TempConfig.load(
            dir,
            """
        providers:
          - name: aws
            configuration:
              regions: [eu-central-1, eu-central-3]
        """);
    assertThat(config.regions()).containsExactly("eu-central-1", "eu-central-3");
    assertThat(config.warnings())
        .containsExactly(
            dir.resolve("cloudquery.yml")
                + ":4:31: providers[0].configuration.regions[1]: region 'eu-central-3' is not in this"
                + " version's AWS SDK region list; it is fetched only where DescribeRegions lists it for"
                + " the account");
  }

  @Test
  void accountsWithoutRoleTakeTheirDefaultRegionFromTheConfigOrEnvironment() throws Exception {
    String yaml =
        """
        providers:
          - name: aws
            configuration:
              regions: %s
              accounts:
                - local_profile: china
                - local_profile: gov
                  regions: [us-gov-east-1]
                - local_profile: gov
                  account_name: gov-west
                  default_region: us-gov-west-1
        """;
    InventoryConfig china = TempConfig.load(dir, yaml.formatted("[cn-northwest-1]"));
    assertThat(china.accounts())
        .extracting(AccountConfig::defaultRegion)
        .containsExactly("cn-northwest-1", "us-gov-east-1", "us-gov-west-1");

    InventoryConfig fromEnv =
        TempConfig.load(dir, yaml.formatted("[\"*\"]"), Map.of("AWS_REGION", "cn-north-1"));
    assertThat(fromEnv.accounts())
        .extracting(AccountConfig::defaultRegion)
        .containsExactly("cn-north-1", "us-gov-east-1", "us-gov-west-1");

    Path awsConfig = dir.resolve("aws-config");
    Files.writeString(
        awsConfig, "[profile china]\nregion = cn-northwest-1\n[default]\nregion = eu-west-3\n");
    InventoryConfig fromProfile =
        TempConfig.load(
            dir, yaml.formatted("[\"*\"]"), Map.of("AWS_CONFIG_FILE", awsConfig.toString()));
    assertThat(fromProfile.accounts())
        .extracting(AccountConfig::defaultRegion)
        .containsExactly("cn-northwest-1", "us-gov-east-1", "us-gov-west-1");
    assertThat(
            TempConfig.load(
                    dir,
                    "providers:\n  - name: aws\n",
                    Map.of("AWS_CONFIG_FILE", awsConfig.toString()))
                .defaultChainAccount()
                .defaultRegion())
        .isEqualTo("eu-west-3");
  }

  @Test
  void aRoleKeepsItsPartitionWhenChoosingADefaultRegion() throws Exception {
    InventoryConfig config =
        TempConfig.load(
            dir,
            """
        providers:
          - name: aws
            configuration:
              regions: [eu-west-1, cn-northwest-1, us-gov-east-1]
              accounts:
                - role_arn: arn:aws-cn:iam::111111111111:role/Fetch
                - role_arn: arn:aws-us-gov:iam::222222222222:role/Fetch
                - role_arn: arn:aws:iam::333333333333:role/Fetch
                - role_arn: arn:aws-cn:iam::444444444444:role/Fetch
                  regions: [cn-north-1]
        """,
            Map.of("AWS_REGION", "us-west-2"));
    assertThat(config.accounts())
        .extracting(AccountConfig::defaultRegion)
        .containsExactly("cn-northwest-1", "us-gov-east-1", "eu-west-1", "cn-north-1");
    assertThat(config.accounts().stream().map(a -> Regions.partition(a.defaultRegion())).toList())
        .isEqualTo(List.of("aws-cn", "aws-us-gov", "aws", "aws-cn"));
  }

  @Test
  void withNothingToGoOnTheDefaultChainUsesUsEast1() throws Exception {
    assertThat(
            TempConfig.load(dir, "providers:\n  - name: aws\n")
                .defaultChainAccount()
                .defaultRegion())
        .isEqualTo("us-east-1");
    assertThat(
            TempConfig.load(
                    dir,
                    "providers:\n  - name: aws\n    configuration:\n      regions: [cn-north-1]\n")
                .defaultChainAccount()
                .defaultRegion())
        .isEqualTo("cn-north-1");
  }

  @Test
  void globs() {
    assertThat(Regions.matches("*", "eu-west-1")).isTrue();
    assertThat(Regions.matches("us-*", "us-east-2")).isTrue();
    assertThat(Regions.matches("us-*", "us-gov-west-1")).isTrue();
    assertThat(Regions.matches("us-*", "eu-west-1")).isFalse();
    assertThat(Regions.matches("eu-west-?", "eu-west-3")).isTrue();
    assertThat(Regions.matches("eu-west-?", "eu-west-10")).isFalse();
    assertThat(Regions.matches("ap-*-1", "ap-southeast-1")).isTrue();
    assertThat(Regions.matches("us-east-1", "us-east-1")).isTrue();
    assertThat(Regions.matches("us.east.1", "us-east-1")).isFalse();
  }
}
