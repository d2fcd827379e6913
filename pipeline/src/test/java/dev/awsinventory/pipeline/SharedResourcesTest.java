package dev.awsinventory.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsinventory.testing.aws.Credentials;
import dev.awsinventory.testing.aws.FakeAws;
import dev.awsinventory.testing.db.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.model.CapacityReservation;
import software.amazon.awssdk.services.ec2.model.Subnet;

/**
 * A subnet and a capacity reservation shared (RAM) between two configured accounts: both accounts
 * list them; arn is the resource's own ARN (the owner's); each account has its own row; and when
 * the owner cannot be fetched, the participant's run neither overwrites, relabels nor deletes the
 * owner's rows.
 */
class SharedResourcesTest {
  private static final String OWNER = "600000000006";
  private static final String PARTICIPANT = "700000000007";
  private static final String SUBNET_ARN =
      "arn:aws:ec2:us-east-1:" + OWNER + ":subnet/subnet-0shared";
  private static final String RESERVATION_ARN =
      "arn:aws:ec2:us-east-1:" + OWNER + ":capacity-reservation/cr-0shared";

  @TempDir Path dir;

  @Test
  void eachAccountKeepsItsOwnRowOfASharedResource() throws Exception {
    try (FakeAws aws = FakeAws.start();
        TestDatabase pg = TestDatabase.start()) {
      Credentials source = aws.sourceUser(InventoryRun.SOURCE);
      String ownerRole = aws.account(OWNER).role("InventoryRead", InventoryRun.SOURCE);
      String participantRole = aws.account(PARTICIPANT).role("InventoryRead", InventoryRun.SOURCE);
      Subnet subnet =
          Subnet.builder()
              .subnetId("subnet-0shared")
              .subnetArn(SUBNET_ARN)
              .ownerId(OWNER)
              .vpcId("vpc-0owner")
              .cidrBlock("10.0.1.0/24")
              .build();
      CapacityReservation reservation =
          CapacityReservation.builder()
              .capacityReservationId("cr-0shared")
              .capacityReservationArn(RESERVATION_ARN)
              .ownerId(OWNER)
              .instanceType("m5.large")
              .totalInstanceCount(4)
              .build();
      for (String account : List.of(OWNER, PARTICIPANT)) {
        aws.account(account).regions("us-east-1");
        aws.account(account)
            .region("us-east-1")
            .put("DescribeSubnets", List.of(subnet))
            .put("DescribeCapacityReservations", List.of(reservation));
      }
      String url = pg.newDatabase();
      Path config =
          Files.writeString(
              dir.resolve("shared.yml"),
              """
          kind: source
          spec:
            name: aws
            path: cloudquery/aws
            tables: ["aws_ec2_subnets", "aws_ec2_capacity_reservations"]
            destinations: ["postgresql"]
            spec:
              regions: ["us-east-1"]
              custom_endpoint_url: "%s"
              accounts:
                - account_name: owner
                  role_arn: "%s"
                - account_name: participant
                  role_arn: "%s"
          ---
          kind: destination
          spec:
            name: postgresql
            path: cloudquery/postgresql
            spec:
              connection_string: "postgres://%s:%s@%s"
          """
                  .formatted(
                      aws.endpoint(),
                      ownerRole,
                      participantRole,
                      TestDatabase.USER,
                      TestDatabase.PASSWORD,
                      url.substring("jdbc:postgresql://".length())));

      InventoryRun.Result both = InventoryRun.run(source, "--config=" + config);
      assertThat(both.code()).as(both.output()).isZero();
      String subnets = "SELECT request_account_id, account_id, arn, owner_id FROM aws_ec2_subnets";
      assertThat(TestDatabase.query(url, subnets))
          .containsExactlyInAnyOrder(
              Map.of(
                  "request_account_id",
                  OWNER,
                  "account_id",
                  OWNER,
                  "arn",
                  SUBNET_ARN,
                  "owner_id",
                  OWNER),
              Map.of(
                  "request_account_id",
                  PARTICIPANT,
                  "account_id",
                  PARTICIPANT,
                  "arn",
                  SUBNET_ARN,
                  "owner_id",
                  OWNER));
      String reservations =
          "SELECT account_id, arn, total_instance_count FROM aws_ec2_capacity_reservations";
      assertThat(TestDatabase.query(url, reservations))
          .containsExactlyInAnyOrder(
              Map.of("account_id", OWNER, "arn", RESERVATION_ARN, "total_instance_count", 4L),
              Map.of(
                  "account_id", PARTICIPANT, "arn", RESERVATION_ARN, "total_instance_count", 4L));
      List<Map<String, Object>> ownerRows =
          TestDatabase.query(
              url,
              "SELECT _cq_id, _cq_sync_time FROM "
                  + "aws_ec2_capacity_reservations WHERE account_id = '"
                  + OWNER
                  + "' UNION ALL SELECT _cq_id, "
                  + "_cq_sync_time FROM aws_ec2_subnets WHERE account_id = '"
                  + OWNER
                  + "'");

      aws.denyAssumeRole(ownerRole);
      CapacityReservation grown = reservation.toBuilder().totalInstanceCount(6).build();
      aws.account(PARTICIPANT)
          .region("us-east-1")
          .put("DescribeCapacityReservations", List.of(grown));
      InventoryRun.Result ownerDenied = InventoryRun.run(source, "--config=" + config);

      assertThat(ownerDenied.code()).as(ownerDenied.output()).isEqualTo(2);
      assertThat(ownerDenied.summary().failed())
          .isNotEmpty()
          .allSatisfy(
              f -> {
                assertThat(f.accountId()).isEqualTo(OWNER);
                assertThat(f.errorCode()).isEqualTo("AccessDenied");
              });
      assertThat(TestDatabase.query(url, reservations))
          .containsExactlyInAnyOrder(
              Map.of("account_id", OWNER, "arn", RESERVATION_ARN, "total_instance_count", 4L),
              Map.of(
                  "account_id", PARTICIPANT, "arn", RESERVATION_ARN, "total_instance_count", 6L));
      assertThat(TestDatabase.query(url, subnets)).hasSize(2);
      assertThat(
              TestDatabase.query(
                  url,
                  "SELECT _cq_id, _cq_sync_time FROM aws_ec2_capacity_reservations "
                      + "WHERE account_id = '"
                      + OWNER
                      + "' UNION ALL SELECT _cq_id, _cq_sync_time FROM aws_ec2_subnets "
                      + "WHERE account_id = '"
                      + OWNER
                      + "'"))
          .containsExactlyInAnyOrderElementsOf(ownerRows);
    }
  }
}
