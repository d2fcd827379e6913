package dev.awsinventory.runners;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsinventory.testing.aws.Credentials;
import dev.awsinventory.testing.aws.FakeAws;
import dev.awsinventory.testing.db.TestDatabase;
import dev.awsinventory.testing.scenario.OrgScenario;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Organizations discovery on a real Flink session cluster: the TaskManager holds the management
 * account's credentials in its environment, the submitting client holds no AWS credentials at all,
 * and the organization still becomes the fetched accounts (discovery runs on the worker).
 */
class FlinkOrgDiscoveryTest {
  @TempDir Path dir;

  @Test
  void theTaskManagerDiscoversTheOrganizationWithItsOwnCredentials() throws Exception {
    try (FakeAws aws = FakeAws.start();
        TestDatabase pg = TestDatabase.start()) {
      OrgScenario scenario = OrgScenario.create(aws);
      Credentials management = aws.sourceUser(OrgScenario.MANAGEMENT);
      Map<String, String> credentials = management.environment();
      Path state = dir.resolve("flink");
      Thread stopper = new Thread(() -> FlinkScripts.run("stop-cluster.sh", state, Map.of()));
      Runtime.getRuntime().addShutdownHook(stopper);
      try {
        String master =
            FlinkScripts.run("start-cluster.sh", state, credentials)
                .lines()
                .filter(l -> l.startsWith("FLINK_MASTER="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the cluster did not start"))
                .substring("FLINK_MASTER=".length());
        String url = pg.newDatabase();
        Path config =
            scenario.writeConfig(
                dir.resolve("org.yml"),
                aws.endpoint(),
                url,
                "[\"aws_ec2_vpcs\", \"aws_organizations_*\"]");
        Jar.Result r =
            Jar.run(
                Map.of(),
                dir,
                "--config=" + config,
                "--runner=FlinkRunner",
                "--flinkMaster=" + master,
                "--parallelism=2",
                "--filesToStage=" + Path.of(System.getProperty("flinkJobJar")).toAbsolutePath());
        // the management account has no member role: partial, as on the DirectRunner
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.stdout() + r.stderr())
            .contains("NOT FETCHED account " + OrgScenario.SUSPENDED);
        Set<String> fetched =
            TestDatabase.query(url, "SELECT DISTINCT account_id FROM aws_ec2_vpcs").stream()
                .map(m -> (String) m.get("account_id"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(fetched).isEqualTo(OrgScenario.expectedFetched());
        assertThat(TestDatabase.count(url, "SELECT count(*) FROM aws_organizations_accounts"))
            .isEqualTo(25);
        assertThat(TestDatabase.count(url, "SELECT count(*) FROM aws_inventory_sync_accounts"))
            .isEqualTo(25);
        assertThat(aws.calls(OrgScenario.MANAGEMENT, "us-east-1", "ListRoots")).isPositive();
      } finally {
        FlinkScripts.run("stop-cluster.sh", state, Map.of());
        Runtime.getRuntime().removeShutdownHook(stopper);
      }
    }
  }
}
