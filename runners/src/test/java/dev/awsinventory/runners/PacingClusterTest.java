package dev.awsinventory.runners;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsinventory.testing.aws.Credentials;
import dev.awsinventory.testing.aws.FakeAws;
import dev.awsinventory.testing.db.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pacing holds on a real cluster: a Flink session cluster with two TaskManagers (two JVMs) runs the
 * job with parallelism 4 against the fake enforcing AWS's EC2 buckets. Eight slices share one
 * (account, region, action) (eight roles of one account listing its VPCs, 40 pages each, far more
 * than the bucket holds): the calls of that bucket are all paced by one worker, and AWS throttles
 * none of them. With {@code -DmeasurePerJvm=true} the same fetch runs once more with {@code
 * --routeByRegion=false} (slices spread at random, each JVM pacing alone) and prints how many calls
 * AWS throttled then.
 */
class PacingClusterTest {
  private static final String SOURCE = "111111111111";
  private static final String TARGET = "800000000008";
  private static final int ROLES = 8;

  @TempDir Path dir;

  @Test
  void oneBucketPerAccountRegionAndActionAcrossTwoTaskManagers() throws Exception {
    try (FakeAws aws = FakeAws.start();
        TestDatabase pg = TestDatabase.start()) {
      Credentials source = aws.sourceUser(SOURCE);
      aws.account(TARGET).regions("us-east-1");
      aws.account(TARGET).region("us-east-1").fill("DescribeVpcs", 200, 1);
      List<String> roles = new ArrayList<>();
      for (int i = 1; i <= ROLES; i++) {
        roles.add(aws.account(TARGET).role("InventoryRead" + i, SOURCE));
      }
      Map<String, String> credentials = source.environment();
      Path state = dir.resolve("flink");
      Thread stopper = new Thread(() -> FlinkScripts.run("stop-cluster.sh", state, Map.of()));
      Runtime.getRuntime().addShutdownHook(stopper);
      try {
        Map<String, String> env = new java.util.HashMap<>(credentials);
        env.put("FLINK_TASKMANAGERS", "2");
        env.put("FLINK_SLOTS", "2");
        String master =
            FlinkScripts.run("start-cluster.sh", state, env)
                .lines()
                .filter(l -> l.startsWith("FLINK_MASTER="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the cluster did not start"))
                .substring("FLINK_MASTER=".length());

        aws.faults().enforceAwsBuckets(true);
        Jar.Result routed = runOnCluster(aws, pg, roles, master, true);
        assertThat(routed.exitCode()).as(routed.toString()).isZero();
        assertThat(aws.calls(TARGET, "us-east-1", "DescribeVpcs"))
            .as("40 pages x 8 slices")
            .isGreaterThanOrEqualTo(ROLES * 40);
        assertThat(aws.faults().throttled())
            .as("throttled calls with routing by (account, region)")
            .isZero();
        assertThat(Files.readString(state.resolve("log/taskmanager-2.log"))).isNotEmpty();

        if (Boolean.getBoolean("measurePerJvm")) {
          aws.faults().enforceAwsBuckets(true);
          aws.resetCounters();
          long before = aws.faults().throttled();
          Jar.Result spread = runOnCluster(aws, pg, roles, master, false);
          System.out.println(
              "PACING per-JVM buckets (--routeByRegion=false): exit "
                  + spread.exitCode()
                  + ", "
                  + (aws.faults().throttled() - before)
                  + " throttled of "
                  + aws.calls(TARGET, "us-east-1", "DescribeVpcs")
                  + " DescribeVpcs calls");
        }
      } finally {
        FlinkScripts.run("stop-cluster.sh", state, Map.of());
        Runtime.getRuntime().removeShutdownHook(stopper);
      }
    }
  }

  private Jar.Result runOnCluster(
      FakeAws aws, TestDatabase pg, List<String> roles, String master, boolean routeByRegion)
      throws Exception {
    String db = pg.newDatabase();
    StringBuilder accounts = new StringBuilder();
    for (int i = 0; i < roles.size(); i++) {
      accounts
          .append("          - account_name: reader")
          .append(i + 1)
          .append('\n')
          .append("            role_arn: \"")
          .append(roles.get(i))
          .append("\"\n");
    }
    Path config =
        Files.writeString(
            Files.createTempFile(dir, "pacing", ".yml"),
            """
        kind: source
        spec:
          name: aws
          path: cloudquery/aws
          tables: ["aws_ec2_vpcs"]
          destinations: ["postgresql"]
          spec:
            regions: ["us-east-1"]
            custom_endpoint_url: "%s"
            accounts:
        %s---
        kind: destination
        spec:
          name: postgresql
          path: cloudquery/postgresql
          write_mode: append
          spec:
            connection_string: "postgres://%s:%s@localhost:%d/%s"
        """
                .formatted(
                    aws.endpoint(),
                    accounts,
                    TestDatabase.USER,
                    TestDatabase.PASSWORD,
                    pg.port(),
                    db.substring(db.lastIndexOf('/') + 1)));
    return Jar.run(
        Map.of(),
        dir,
        "--config=" + config,
        "--runner=FlinkRunner",
        "--flinkMaster=" + master,
        "--parallelism=4",
        "--pageSize=5",
        "--routeByRegion=" + routeByRegion,
        "--filesToStage=" + Path.of(System.getProperty("flinkJobJar")).toAbsolutePath());
  }
}
