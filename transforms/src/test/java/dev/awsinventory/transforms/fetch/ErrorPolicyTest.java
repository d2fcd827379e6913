package dev.awsinventory.transforms.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsinventory.transforms.tables.Ec2EbsSnapshotAttributes;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.sts.model.StsException;

/** Which errors skip a region, deny it, fail an account or a slice, or are tolerated by a table. */
class ErrorPolicyTest {
  private static Ec2Exception ec2(String code, String message) {
    return (Ec2Exception)
        Ec2Exception.builder()
            .message(message)
            .awsErrorDetails(
                AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
            .build();
  }

  @Test
  void aTableToleratesOnlyItsDeclaredCodes() {
    Set<String> tolerated = Ec2EbsSnapshotAttributes.TABLE.tolerated();
    assertThat(tolerated).contains("InvalidSnapshot.NotFound");
    assertThat(ErrorPolicy.isTolerated(ec2("InvalidSnapshot.NotFound", "gone"), tolerated))
        .isTrue();
    assertThat(ErrorPolicy.isTolerated(ec2("UnauthorizedOperation", "no"), tolerated)).isFalse();
    assertThat(
            ErrorPolicy.isTolerated(
                new IllegalStateException("InvalidSnapshot.NotFound"), tolerated))
        .isFalse();
    assertThat(ErrorPolicy.isTolerated(ec2("InvalidSnapshot.NotFound", "gone"), Set.of()))
        .isFalse();
  }

  @Test
  void anExplicitScpDenyOfEc2DeniesTheRegionAndAnAssumeRoleDenyDoesNot() {
    String scp =
        "You are not authorized to perform this operation. User: x is not authorized to "
            + "perform: ec2:DescribeVpcs with an explicit deny in a service control policy";
    assertThat(ErrorPolicy.isRegionDenied(ec2("UnauthorizedOperation", scp))).isTrue();
    assertThat(ErrorPolicy.isRegionDenied(ec2("UnauthorizedOperation", "You are not authorized")))
        .isFalse();
    StsException sts =
        (StsException)
            StsException.builder()
                .message(scp)
                .awsErrorDetails(
                    AwsErrorDetails.builder().errorCode("AccessDenied").errorMessage(scp).build())
                .build();
    assertThat(ErrorPolicy.isRegionDenied(sts)).isFalse();
    assertThat(ErrorPolicy.isAccessDenied(sts)).isTrue();
  }

  @Test
  void optInRequiredSkipsTheRegionAndOnlyTheJvmsDistressEndsTheRun() {
    assertThat(ErrorPolicy.isRegionNotEnabled(ec2("OptInRequired", "not enabled"))).isTrue();
    assertThat(ErrorPolicy.isRegionNotEnabled(ec2("UnauthorizedOperation", "no"))).isFalse();
    assertThat(ErrorPolicy.failsOnlyItsSlice(new NullPointerException())).isTrue();
    assertThat(ErrorPolicy.failsOnlyItsSlice(new StackOverflowError())).isTrue();
    assertThat(ErrorPolicy.failsOnlyItsSlice(new OutOfMemoryError())).isFalse();
  }
}
