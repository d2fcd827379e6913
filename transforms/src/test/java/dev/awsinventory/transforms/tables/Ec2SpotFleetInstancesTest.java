package dev.awsinventory.transforms.tables;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsinventory.transforms.model.ResourceRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.ActiveInstance;
import software.amazon.awssdk.services.ec2.model.DescribeSpotFleetInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSpotFleetInstancesResponse;
import software.amazon.awssdk.services.ec2.model.SpotFleetRequestConfig;

class Ec2SpotFleetInstancesTest {
  private final List<DescribeSpotFleetInstancesRequest> requests = new ArrayList<>();

  private final StubContext.Ec2 ec2 =
      new StubContext.Ec2() {
        @Override
        public DescribeSpotFleetInstancesResponse describeSpotFleetInstances(
            DescribeSpotFleetInstancesRequest r) {
          requests.add(r);
          String fleet = r.spotFleetRequestId();
          if (r.nextToken() == null) {
            return DescribeSpotFleetInstancesResponse.builder()
                .spotFleetRequestId(fleet)
                .nextToken("page-2")
                .activeInstances(instance("i-a1", "c5.large"), instance("i-a2", "m5.large"))
                .build();
          }
          return DescribeSpotFleetInstancesResponse.builder()
              .spotFleetRequestId(fleet)
              .activeInstances(instance("i-a3", "t3.micro"))
              .build();
        }
      };

  @Test
  void followsThePagesOfOneFleetAndDerivesTheArn() {
    SpotFleetRequestConfig fleet =
        SpotFleetRequestConfig.builder().spotFleetRequestId("sfr-1").build();
    ResourceRow fleetRow = StubContext.parentRow(Ec2SpotFleetRequests.TABLE, fleet);

    List<Map<String, String>> rows =
        StubContext.childRows(Ec2SpotFleetInstances.TABLE, ec2, fleet, fleetRow);

    assertThat(rows).extracting(r -> r.get("instance_id")).containsExactly("i-a1", "i-a2", "i-a3");
    assertThat(rows)
        .extracting(r -> r.get("instance_type"))
        .containsExactly("c5.large", "m5.large", "t3.micro");
    assertThat(rows)
        .extracting(r -> r.get("arn"))
        .containsExactly(
            "arn:aws:ec2:eu-west-1:123456789012:instance/i-a1",
            "arn:aws:ec2:eu-west-1:123456789012:instance/i-a2",
            "arn:aws:ec2:eu-west-1:123456789012:instance/i-a3");
    assertThat(rows).extracting(r -> r.get("spot_fleet_request_id")).containsOnly("sfr-1");
    assertThat(rows).extracting(r -> r.get("_cq_parent_id")).containsOnly(fleetRow.value(0));
    assertThat(requests)
        .extracting(r -> r.spotFleetRequestId() + " " + r.nextToken() + " " + r.maxResults())
        .containsExactly("sfr-1 null 2", "sfr-1 page-2 2");
  }

  private static ActiveInstance instance(String id, String type) {
    return ActiveInstance.builder().instanceId(id).instanceType(type).build();
  }
}
