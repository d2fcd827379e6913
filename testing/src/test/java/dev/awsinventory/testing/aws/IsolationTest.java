package dev.awsinventory.testing.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.sts.StsClient;

class IsolationTest {

  private static final String SOURCE = "111111111111";
  private static final String A = "222222222222";
  private static final String B = "333333333333";

  private static FakeAws fake;
  private static StsClient sts;
  private static String roleA;
  private static String roleB;

  @BeforeAll
  static void start() {
    fake = FakeAws.start();
    sts = Clients.sts(fake, fake.sourceUser(SOURCE));
    roleA = fake.account(A).role("Read", SOURCE);
    roleB = fake.account(B).role("Read", SOURCE);
    fake.account(A).region("us-east-1").put("DescribeVpcs", List.of(vpc("vpc-a-use1")));
    fake.account(A).region("us-west-2").put("DescribeVpcs", List.of(vpc("vpc-a-usw2")));
    fake.account(B).region("us-east-1").put("DescribeVpcs", List.of(vpc("vpc-b-use1")));
  }

  @AfterAll
  static void stop() {
    sts.close();
    fake.close();
  }

  private static Vpc vpc(String id) {
    return ModelFiller.withField(ModelFiller.filled(Vpc.class, id.hashCode()), "VpcId", id);
  }

  private static List<String> vpcIds(String role, String region) {
    try (Ec2Client ec2 = Clients.ec2(fake, Clients.assume(sts, role, "iso"), region)) {
      return ec2.describeVpcs().vpcs().stream().map(Vpc::vpcId).toList();
    }
  }

  @Test
  void accountsAreIsolated() {
    assertThat(vpcIds(roleA, "us-east-1")).containsExactly("vpc-a-use1");
    assertThat(vpcIds(roleB, "us-east-1")).containsExactly("vpc-b-use1");
  }

  @Test
  void regionsAreIsolated() {
    assertThat(vpcIds(roleA, "us-west-2")).containsExactly("vpc-a-usw2");
    assertThat(vpcIds(roleB, "us-west-2")).isEmpty();
    assertThat(vpcIds(roleA, "eu-west-1")).isEmpty();
  }

  @Test
  void callsAreCountedPerAccountRegionAndAction() {
    fake.resetCounters();
    vpcIds(roleA, "us-west-2");
    vpcIds(roleA, "us-west-2");
    vpcIds(roleB, "us-east-1");
    assertThat(fake.calls(A, "us-west-2", "DescribeVpcs")).isEqualTo(2);
    assertThat(fake.calls(B, "us-east-1", "DescribeVpcs")).isEqualTo(1);
    assertThat(fake.calls("DescribeVpcs")).isEqualTo(3);
    assertThat(fake.calls("AssumeRole")).isEqualTo(3);
    assertThat(fake.callsByAction())
        .containsExactly(entry("AssumeRole", 3L), entry("DescribeVpcs", 3L));
  }

  @Test
  void regionsNotEnabledAnswerOptInRequired() {
    fake.account(A).notOptedIn("af-south-1");
    assertThatThrownBy(() -> vpcIds(roleA, "af-south-1"))
        .satisfies(
            e ->
                assertThat(((AwsServiceException) e).awsErrorDetails().errorCode())
                    .isEqualTo("OptInRequired"))
        .satisfies(e -> assertThat(((AwsServiceException) e).statusCode()).isEqualTo(401));
    assertThatThrownBy(() -> vpcIds(roleA, "ap-northeast-3"))
        .satisfies(
            e ->
                assertThat(((AwsServiceException) e).awsErrorDetails().errorCode())
                    .isEqualTo("OptInRequired"));
  }

  @Test
  void wrongItemTypesAreRefused() {
    FakeRegion region = fake.account(A).region("us-east-1");
    assertThatThrownBy(() -> region.add("DescribeSubnets", vpc("x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> region.put("DescribeNothing", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
