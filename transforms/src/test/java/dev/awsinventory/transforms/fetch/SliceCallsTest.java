package dev.awsinventory.transforms.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awsinventory.transforms.aws.AwsClients;
import dev.awsinventory.transforms.aws.CallStats;
import dev.awsinventory.transforms.aws.SliceDeadlineExceededException;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * A slice's view of the shared EC2 client ({@link CallStats#track}), over HTTP against the fake
 * AWS: every form of call a table can make carries the slice's statistics, counted as AWS counts
 * them.
 */
class SliceCallsTest {
  private static final String REGION = "us-east-1";
  @TempDir Path dir;
  private FakeAccount fake;
  private AwsClients clients;
  private Ec2Client shared;

  @BeforeEach
  void start() throws Exception {
    fake = new FakeAccount(dir, "[\"us-east-1\"]");
    fake.aws.account(FakeAccount.ID).regions(REGION);
    clients = AwsClients.acquire(fake.settings);
    shared = clients.ec2(fake.account, REGION);
  }

  @AfterEach
  void stop() {
    clients.release();
    fake.close();
  }

  @Test
  void everyPageOfAPaginatorIsCounted() {
    fake.aws.account(FakeAccount.ID).region(REGION).fill("DescribeVpcs", 5, 3);
    CallStats stats = new CallStats();

    String ids =
        stats.track(shared).describeVpcsPaginator(r -> r.maxResults(2)).vpcs().stream()
            .map(Vpc::vpcId)
            .collect(Collectors.joining(","));

    assertThat(ids.split(",")).hasSize(5);
    assertThat(stats.pages()).isEqualTo(3).isEqualTo(awsCalls("DescribeVpcs"));
    assertThat(stats.attempts()).isEqualTo(3);
  }

  @Test
  void aCallWithoutArgumentsIsCountedLikeAnyOther() {
    fake.aws.account(FakeAccount.ID).region(REGION).fill("DescribeAddresses", 3, 5);
    CallStats stats = new CallStats();

    assertThat(stats.track(shared).describeAddresses().addresses()).hasSize(3);

    assertThat(stats.pages()).isEqualTo(1).isEqualTo(awsCalls("DescribeAddresses"));
  }

  @Test
  void aCallWithoutArgumentsPastTheDeadlineIsRefusedBeforeItIsSent() {
    CallStats late = new CallStats(System.nanoTime() - 1);

    assertThatThrownBy(() -> late.track(shared).describeAddresses())
        .isInstanceOf(SliceDeadlineExceededException.class);
    assertThatThrownBy(() -> late.track(shared).describeRegions(r -> r.allRegions(true)))
        .isInstanceOf(SliceDeadlineExceededException.class);

    assertThat(awsCalls("DescribeAddresses") + awsCalls("DescribeRegions")).isZero();
    assertThat(late.attempts()).isZero();
  }

  @Test
  void anOperationNoTableCallsFailsWithoutReachingAws() {
    CallStats stats = new CallStats();

    assertThatThrownBy(() -> stats.track(shared).describeVpcAttribute(r -> r.vpcId("vpc-1")))
        .isInstanceOf(UnsupportedOperationException.class);

    assertThat(awsCalls("DescribeVpcAttribute")).isZero();
  }

  private long awsCalls(String action) {
    return fake.aws.calls(FakeAccount.ID, REGION, action);
  }
}
