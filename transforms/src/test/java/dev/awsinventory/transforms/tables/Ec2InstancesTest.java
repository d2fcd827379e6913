package dev.awsinventory.transforms.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Reservation;

class Ec2InstancesTest {
  private final List<DescribeInstancesRequest> requests = new ArrayList<>();

  private final StubContext.Ec2 ec2 =
      new StubContext.Ec2() {
        @Override
        public DescribeInstancesResponse describeInstances(DescribeInstancesRequest r) {
          requests.add(r);
          if (r.nextToken() == null) {
            return DescribeInstancesResponse.builder()
                .nextToken("page-2")
                .reservations(
                    Reservation.builder()
                        .reservationId("r-1")
                        .instances(
                            instance("i-1", "User initiated (2019-10-07 22:52:14 GMT)"),
                            instance("i-2", "running"))
                        .build())
                .build();
          }
          return DescribeInstancesResponse.builder()
              .reservations(
                  Reservation.builder()
                      .reservationId("r-2")
                      .instances(
                          instance("i-3", null),
                          instance(
                              "i-4",
                              "Server.SpotInstanceTermination (2024-03-01 10:11:12 GMT) by AWS"))
                      .build())
              .build();
        }
      };

  @Test
  void flattensReservationsOfBothPages() {
    List<Map<String, String>> rows = StubContext.rows(Ec2Instances.TABLE, ec2);

    assertThat(rows)
        .extracting(r -> r.get("instance_id"))
        .containsExactly("i-1", "i-2", "i-3", "i-4");
    assertThat(requests)
        .extracting(DescribeInstancesRequest::nextToken)
        .containsExactly(null, "page-2");
    assertThat(requests).extracting(DescribeInstancesRequest::maxResults).containsExactly(2, 2);
  }

  @Test
  void derivesTheArnAndTheStateTransitionTime() {
    List<Map<String, String>> rows = StubContext.rows(Ec2Instances.TABLE, ec2);

    assertThat(rows)
        .extracting(r -> r.get("arn"))
        .containsExactly(
            "arn:aws:ec2:eu-west-1:123456789012:instance/i-1",
            "arn:aws:ec2:eu-west-1:123456789012:instance/i-2",
            "arn:aws:ec2:eu-west-1:123456789012:instance/i-3",
            "arn:aws:ec2:eu-west-1:123456789012:instance/i-4");
    assertThat(rows)
        .extracting(r -> r.get("state_transition_reason_time"))
        .containsExactly("2019-10-07T22:52:14Z", null, null, "2024-03-01T10:11:12Z");
  }

  @Test
  void carriesTheSliceAndAStableIdFromTheArn() {
    Map<String, String> first = StubContext.rows(Ec2Instances.TABLE, ec2).get(0);

    assertThat(first)
        .containsEntry("account_id", "123456789012")
        .containsEntry("region", "eu-west-1")
        .containsEntry("_cq_source_name", "aws")
        .containsEntry("_cq_sync_time", "2025-01-02T03:04:05Z")
        .containsEntry("_cq_parent_id", null)
        .containsEntry("state_transition_reason", "User initiated (2019-10-07 22:52:14 GMT)");
    String key = "aws_ec2_instances\u001farn:aws:ec2:eu-west-1:123456789012:instance/i-1";
    assertThat(first.get("_cq_id"))
        .isEqualTo(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString());
  }

  private static Instance instance(String id, String reason) {
    return Instance.builder().instanceId(id).stateTransitionReason(reason).build();
  }
}
