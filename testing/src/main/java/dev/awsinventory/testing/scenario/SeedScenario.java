package dev.awsinventory.testing.scenario;

import dev.awsinventory.testing.aws.Credentials;
import dev.awsinventory.testing.aws.FakeAws;
import dev.awsinventory.testing.aws.ModelFiller;
import dev.awsinventory.testing.db.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * The seed's situation in the fake AWS: a source account whose user runs the tool, and two target
 * accounts with a CloudQueryFetchRole that trusts it. Every account (the source too) holds fully
 * populated instances, VPCs, subnets and security groups in two regions, and one slice holds enough
 * instances for three pages.
 */
public final class SeedScenario {
  public static final String SOURCE = "111111111111";
  public static final String A = "222222222222";
  public static final String B = "333333333333";
  public static final List<String> REGIONS = List.of("us-east-1", "eu-west-1");
  public static final int BIG_SLICE_EXTRA = 2100;

  public final FakeAws aws;
  public final Credentials sourceUser;
  public final String roleA;
  public final String roleB;

  public SeedScenario(FakeAws aws) {
    this.aws = aws;
    this.sourceUser = aws.sourceUser(SOURCE);
    this.roleA = aws.account(A).role("CloudQueryFetchRole", SOURCE);
    this.roleB = aws.account(B).role("CloudQueryFetchRole", SOURCE);
    aws.account(A).regions("us-east-1", "eu-west-1", "us-west-2").notOptedIn("ap-southeast-3");
    aws.account(B).regions("us-east-1", "eu-west-1");
    aws.account(SOURCE).regions("us-east-1", "eu-west-1");
    for (String account : List.of(SOURCE, A, B)) {
      for (String region : REGIONS) {
        fill(account, region);
      }
      // a region not in the config: must not be fetched
      if (!account.equals(B)) {
        aws.account(account)
            .region("us-west-2")
            .put("DescribeVpcs", List.of(vpc(account, "us-west-2", 9)));
      }
    }
    List<Reservation> big = new ArrayList<>();
    for (int i = 0; i < BIG_SLICE_EXTRA; i++) {
      big.add(
          Reservation.builder()
              .reservationId("r-big-" + i)
              .ownerId(A)
              .instances(
                  Instance.builder()
                      .instanceId(String.format("i-big%05d", i))
                      .instanceType("t3.micro")
                      .tags(Tag.builder().key("Name").value("big " + i).build())
                      .build())
              .build());
    }
    aws.account(A).region("us-east-1").add("DescribeInstances", big.toArray());
  }

  private void fill(String account, String region) {
    long seed = (account + region).hashCode();
    List<Reservation> reservations = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Instance instance =
          ModelFiller.filled(Instance.class, seed + i).toBuilder()
              .instanceId(instanceId(account, region, i))
              .stateTransitionReason("User initiated (2024-03-0" + (i + 1) + " 10:11:12 GMT)")
              .build();
      reservations.add(
          ModelFiller.filled(Reservation.class, seed + i).toBuilder()
              .ownerId(account)
              .instances(instance)
              .build());
    }
    aws.account(account).region(region).put("DescribeInstances", reservations);
    aws.account(account)
        .region(region)
        .put("DescribeVpcs", List.of(vpc(account, region, 0), vpc(account, region, 1)));
    aws.account(account)
        .region(region)
        .put(
            "DescribeSubnets",
            List.of(
                ModelFiller.filled(Subnet.class, seed).toBuilder()
                    .subnetId("subnet-" + account + "-" + region + "-0")
                    .build(),
                ModelFiller.filled(Subnet.class, seed + 1).toBuilder()
                    .subnetId("subnet-" + account + "-" + region + "-1")
                    .build()));
    aws.account(account)
        .region(region)
        .put(
            "DescribeSecurityGroups",
            List.of(
                ModelFiller.filled(SecurityGroup.class, seed).toBuilder()
                    .groupId("sg-" + account + "-" + region + "-0")
                    .build(),
                ModelFiller.filled(SecurityGroup.class, seed + 1).toBuilder()
                    .groupId("sg-" + account + "-" + region + "-1")
                    .build()));
  }

  private static Vpc vpc(String account, String region, int i) {
    return ModelFiller.filled(Vpc.class, (account + region).hashCode() + i).toBuilder()
        .vpcId("vpc-" + account + "-" + region + "-" + i)
        .build();
  }

  public static String instanceId(String account, String region, int i) {
    return "i-" + account + "-" + region + "-" + i;
  }

  /** The instance ids the fake holds for the target accounts, as account/region/id. */
  public Set<String> expectedInstances() {
    Set<String> out = new HashSet<>();
    for (String account : List.of(A, B)) {
      for (String region : REGIONS) {
        for (int i = 0; i < 3; i++) {
          out.add(account + "/" + region + "/" + instanceId(account, region, i));
        }
      }
    }
    for (int i = 0; i < BIG_SLICE_EXTRA; i++) {
      out.add(A + "/us-east-1/" + String.format("i-big%05d", i));
    }
    return out;
  }

  /** The same config without a connection block: the program starts its embedded PostgreSQL. */
  public Path writeEmbeddedConfig(Path dir) throws IOException {
    Path file = dir.resolve("embedded.yml");
    Files.writeString(
        file,
        """
        cloudquery:
          providers:
            - name: "aws"
              source: "cloudquery/aws"
              version: "latest"

        providers:
          - name: "aws"
            configuration:
              regions: ["us-east-1", "eu-west-1"]
              custom_endpoint_url: "%s"
              accounts:
                - account_name: "target_account_a"
                  role_arn: "%s"
                - account_name: "target_account_b"
                  role_arn: "%s"
        """
            .formatted(aws.endpoint(), roleA, roleB));
    return file;
  }

  /** The config in the seed's layout, pointed at the fake and at the test database. */
  public Path writeConfig(Path dir, int pgPort, String database) throws IOException {
    Path file = dir.resolve("cloudquery.yml");
    Files.writeString(
        file,
        """
        cloudquery:
          providers:
            - name: "aws"
              source: "cloudquery/aws"
              version: "latest"

          connection:
            type: postgres
            username: inventory
            password: %s
            host: localhost
            port: %d
            database: %s
            sslmode: disable

        providers:
          - name: "aws"
            configuration:
              regions: ["us-east-1", "eu-west-1"]
              custom_endpoint_url: "%s"
              accounts:
                - account_name: "target_account_a"
                  role_arn: "%s"
                - account_name: "target_account_b"
                  role_arn: "%s"
        """
            .formatted(TestDatabase.PASSWORD, pgPort, database, aws.endpoint(), roleA, roleB));
    return file;
  }
}
