package dev.awsinventory.transforms.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointServicesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointServicesResponse;
import software.amazon.awssdk.services.ec2.model.ServiceDetail;

class Ec2VpcEndpointServicesTest {
  private final List<DescribeVpcEndpointServicesRequest> requests = new ArrayList<>();

  /** Pages by NextToken; the last page ends with an empty token, as EC2 may send. */
  private final StubContext.Ec2 ec2 =
      new StubContext.Ec2() {
        @Override
        public DescribeVpcEndpointServicesResponse describeVpcEndpointServices(
            DescribeVpcEndpointServicesRequest r) {
          requests.add(r);
          if (r.nextToken() == null) {
            return DescribeVpcEndpointServicesResponse.builder()
                .nextToken("page-2")
                .serviceDetails(
                    service("vpce-svc-1", "amazon", "com.amazonaws.eu-west-1.s3"),
                    service(
                        "vpce-svc-2", "123456789012", "com.amazonaws.vpce.eu-west-1.vpce-svc-2"))
                .build();
          }
          return DescribeVpcEndpointServicesResponse.builder()
              .nextToken("")
              .serviceDetails(
                  service("vpce-svc-3", "210987654321", "com.amazonaws.vpce.eu-west-1.vpce-svc-3"))
              .build();
        }
      };

  @Test
  void followsTheNextTokenUntilTheLastPage() {
    List<Map<String, String>> rows = StubContext.rows(Ec2VpcEndpointServices.TABLE, ec2);

    assertThat(rows)
        .extracting(r -> r.get("service_id"))
        .containsExactly("vpce-svc-1", "vpce-svc-2", "vpce-svc-3");
    assertThat(rows)
        .extracting(r -> r.get("owner"))
        .containsExactly("amazon", "123456789012", "210987654321");
    assertThat(rows)
        .extracting(r -> r.get("service_name"))
        .containsExactly(
            "com.amazonaws.eu-west-1.s3",
            "com.amazonaws.vpce.eu-west-1.vpce-svc-2",
            "com.amazonaws.vpce.eu-west-1.vpce-svc-3");
    assertThat(requests)
        .extracting(DescribeVpcEndpointServicesRequest::nextToken)
        .containsExactly(null, "page-2");
    assertThat(requests)
        .extracting(DescribeVpcEndpointServicesRequest::maxResults)
        .containsExactly(2, 2);
    assertThat(rows)
        .allSatisfy(
            r ->
                assertThat(r)
                    .containsEntry("account_id", "123456789012")
                    .containsEntry("region", "eu-west-1"));
  }

  private static ServiceDetail service(String id, String owner, String name) {
    return ServiceDetail.builder().serviceId(id).owner(owner).serviceName(name).build();
  }
}
