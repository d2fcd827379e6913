package dev.awsinventory.transforms.aws;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.DescribeSpotFleetInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSpotFleetInstancesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;

/**
 * The pagination guard alone: repeats and cycles per call fail at the second repeat; distinct calls
 * are apart.
 */
class PaginationGuardTest {
  private static DescribeVpcsResponse vpcs(String token) {
    return DescribeVpcsResponse.builder().nextToken(token).build();
  }

  private static DescribeVpcsRequest vpcsRequest(String token) {
    return DescribeVpcsRequest.builder().maxResults(5).nextToken(token).build();
  }

  @Test
  void aRepeatedTokenFailsAtItsSecondRepeat() {
    PaginationGuard guard = new PaginationGuard();
    guard.check("DescribeVpcs", vpcsRequest(null), vpcs("a"));
    guard.check("DescribeVpcs", vpcsRequest("a"), vpcs("a"));
    assertThatThrownBy(() -> guard.check("DescribeVpcs", vpcsRequest("a"), vpcs("a")))
        .isInstanceOf(PaginationStalledException.class)
        .hasMessageStartingWith("pagination did not advance: DescribeVpcs");
  }

  @Test
  void aCycleFailsAtItsSecondRepeat() {
    PaginationGuard guard = new PaginationGuard();
    guard.check("DescribeVpcs", vpcsRequest(null), vpcs("a"));
    guard.check("DescribeVpcs", vpcsRequest("a"), vpcs("b"));
    guard.check("DescribeVpcs", vpcsRequest("b"), vpcs("a"));
    assertThatThrownBy(() -> guard.check("DescribeVpcs", vpcsRequest("a"), vpcs("b")))
        .isInstanceOf(PaginationStalledException.class);
  }

  @Test
  void advancingPagesAndOtherParentsAreFine() {
    PaginationGuard guard = new PaginationGuard();
    assertThatCode(
            () -> {
              for (int i = 0; i < 100; i++) {
                guard.check(
                    "DescribeVpcs", vpcsRequest(i == 0 ? null : "t" + i), vpcs("t" + (i + 1)));
              }
              guard.check("DescribeVpcs", vpcsRequest("t100"), vpcs(null));
              for (String fleet : new String[] {"sfr-1", "sfr-2", "sfr-3"}) {
                guard.check(
                    "DescribeSpotFleetInstances",
                    DescribeSpotFleetInstancesRequest.builder().spotFleetRequestId(fleet).build(),
                    DescribeSpotFleetInstancesResponse.builder().nextToken("p2").build());
              }
            })
        .doesNotThrowAnyException();
  }
}
