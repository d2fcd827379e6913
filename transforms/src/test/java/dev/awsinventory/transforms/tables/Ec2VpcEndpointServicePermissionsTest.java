package dev.awsinventory.transforms.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.AllowedPrincipal;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointServicePermissionsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointServicePermissionsResponse;
import software.amazon.awssdk.services.ec2.model.ServiceDetail;

class Ec2VpcEndpointServicePermissionsTest {
  private final List<DescribeVpcEndpointServicePermissionsRequest> requests = new ArrayList<>();

  private final StubContext.Ec2 ec2 =
      new StubContext.Ec2() {
        @Override
        public DescribeVpcEndpointServicePermissionsResponse describeVpcEndpointServicePermissions(
            DescribeVpcEndpointServicePermissionsRequest r) {
          requests.add(r);
          if (r.nextToken() == null) {
            return DescribeVpcEndpointServicePermissionsResponse.builder()
                .nextToken("page-2")
                .allowedPrincipals(
                    principal("vpce-svc-perm-1", "arn:aws:iam::111122223333:root"),
                    principal("vpce-svc-perm-2", "arn:aws:iam::444455556666:role/reader"))
                .build();
          }
          return DescribeVpcEndpointServicePermissionsResponse.builder()
              .allowedPrincipals(principal("vpce-svc-perm-3", "*"))
              .build();
        }
      };

  @Test
  void listsBothPagesOfTheAccountsOwnService() {
    List<Map<String, String>> rows = rowsOf(service("vpce-svc-own", "123456789012"));

    assertThat(rows)
        .extracting(r -> r.get("service_permission_id"))
        .containsExactly("vpce-svc-perm-1", "vpce-svc-perm-2", "vpce-svc-perm-3");
    assertThat(rows)
        .extracting(r -> r.get("principal"))
        .containsExactly(
            "arn:aws:iam::111122223333:root", "arn:aws:iam::444455556666:role/reader", "*");
    assertThat(rows).extracting(r -> r.get("service_id")).containsOnly("vpce-svc-own");
    assertThat(requests)
        .extracting(DescribeVpcEndpointServicePermissionsRequest::serviceId)
        .containsExactly("vpce-svc-own", "vpce-svc-own");
    assertThat(requests)
        .extracting(DescribeVpcEndpointServicePermissionsRequest::nextToken)
        .containsExactly(null, "page-2");
    assertThat(requests)
        .extracting(DescribeVpcEndpointServicePermissionsRequest::maxResults)
        .containsExactly(2, 2);
  }

  @Test
  void skipsServicesOwnedByAmazonOrAnotherAccount() {
    assertThat(rowsOf(service("vpce-svc-aws", "amazon"))).isEmpty();
    assertThat(rowsOf(service("vpce-svc-other", "210987654321"))).isEmpty();
    assertThat(requests).isEmpty();
  }

  @Test
  void listsAServiceWhoseOwnerIsNotAnAccountId() {
    assertThat(rowsOf(service("vpce-svc-alias", "my-alias"))).hasSize(3);
    assertThat(rowsOf(service("vpce-svc-unknown", null))).hasSize(3);
    assertThat(requests)
        .extracting(DescribeVpcEndpointServicePermissionsRequest::serviceId)
        .containsExactly(
            "vpce-svc-alias", "vpce-svc-alias", "vpce-svc-unknown", "vpce-svc-unknown");
  }

  private List<Map<String, String>> rowsOf(ServiceDetail service) {
    return StubContext.childRows(
        Ec2VpcEndpointServicePermissions.TABLE,
        ec2,
        service,
        StubContext.parentRow(Ec2VpcEndpointServices.TABLE, service));
  }

  private static ServiceDetail service(String id, String owner) {
    return ServiceDetail.builder().serviceId(id).owner(owner).build();
  }

  private static AllowedPrincipal principal(String id, String principal) {
    return AllowedPrincipal.builder().servicePermissionId(id).principal(principal).build();
  }
}
