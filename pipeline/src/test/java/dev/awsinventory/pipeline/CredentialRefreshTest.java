package dev.awsinventory.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsinventory.testing.aws.Credentials;
import dev.awsinventory.testing.aws.FakeAws;
import dev.awsinventory.testing.db.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Role credentials that last 3 seconds, a fetch that takes several times longer: nothing fails. */
class CredentialRefreshTest {
  @TempDir Path dir;

  @Test
  void aFetchLongerThanTheSessionCompletes() throws Exception {
    try (FakeAws aws = FakeAws.start();
        TestDatabase pg = TestDatabase.start()) {
      Credentials source = aws.sourceUser(InventoryRun.SOURCE);
      String role = aws.account("888888888888").role("InventoryRead", InventoryRun.SOURCE);
      aws.account("888888888888").regions("us-east-1");
      aws.account("888888888888").region("us-east-1").fill("DescribeVpcs", 60, 1);
      aws.credentialLifetime(Duration.ofSeconds(3));
      aws.faults().latency(Duration.ofMillis(200));
      String url = pg.newDatabase();
      Path config =
          InventoryRun.config(
              dir, aws, role, url, List.of("aws_ec2_vpcs"), List.of("us-east-1"), "");

      InventoryRun.Result r = InventoryRun.run(source, "--config=" + config, "--page-size=1");

      assertThat(r.code()).as(r.output()).isZero();
      assertThat(r.summary().failed()).isEmpty();
      assertThat(r.seconds()).isGreaterThan(9);
      assertThat(TestDatabase.count(url, "SELECT count(*) FROM aws_ec2_vpcs")).isEqualTo(60);
      assertThat(aws.assumeRoleCalls())
          .as("the role was assumed again before its credentials expired")
          .hasSizeGreaterThan(2);
    }
  }
}
