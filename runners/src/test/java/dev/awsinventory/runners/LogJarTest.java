package dev.awsinventory.runners;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.awsinventory.testing.aws.FakeAws;
import dev.awsinventory.testing.db.TestDatabase;
import dev.awsinventory.testing.scenario.LegacyConfig;
import dev.awsinventory.testing.scenario.SeedScenario;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar's log: --log-format=json gives one JSON object per line, a line about a slice carries
 * account_id, region and table as fields (in text too), and --log-level filters.
 */
class LogJarTest {
  private static FakeAws aws;
  private static TestDatabase pg;
  private static SeedScenario seed;
  private static Map<String, String> env;
  @TempDir static Path dir;

  @BeforeAll
  static void start() {
    aws = FakeAws.start();
    pg = TestDatabase.start();
    seed = new SeedScenario(aws);
    env = seed.sourceUser.environment();
    aws.faults().unauthorized("DescribeSubnets");
  }

  @AfterAll
  static void stop() throws Exception {
    aws.close();
    pg.close();
  }

  private static Path config() throws Exception {
    return LegacyConfig.write(
        dir.resolve("log.yml"),
        pg.port(),
        pg.newDatabase(),
        "[\"aws_ec2_vpcs\", \"aws_ec2_subnets\"]",
        """
        regions: ["us-east-1"]
        custom_endpoint_url: "%s"
        accounts:
          - account_name: "target_account_a"
            role_arn: "%s"
        """
            .formatted(aws.endpoint(), seed.roleA));
  }

  @Test
  void jsonLinesCarryTheSliceAsFields() throws Exception {
    Jar.Result r = Jar.run(env, dir, "--config=" + config(), "--log-format=json");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> lines = new ArrayList<>();
    for (String line : r.stderr().lines().filter(l -> l.startsWith("{")).toList()) {
      lines.add(json.readTree(line));
    }
    assertThat(lines).as(r.stderr()).isNotEmpty();
    JsonNode failed =
        lines.stream()
            .filter(
                n ->
                    n.path("level").asText().equals("WARN")
                        && n.path("table").asText().equals("aws_ec2_subnets"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(r.stderr()));
    assertThat(failed.path("account_id").asText()).isEqualTo(SeedScenario.A);
    assertThat(failed.path("region").asText()).isEqualTo("us-east-1");
    assertThat(failed.path("message").asText()).contains("UnauthorizedOperation");
    assertThat(failed.path("time").asText()).isNotEmpty();
  }

  @Test
  void textLinesEndWithTheFieldsAndTheLevelFilters() throws Exception {
    Path config = config();
    Jar.Result text = Jar.run(env, dir, "--config=" + config);
    assertThat(text.exitCode()).as(text.toString()).isEqualTo(2);
    assertThat(text.stderr())
        .contains(
            "WARN FetchResources - ",
            "account_id=" + SeedScenario.A + " region=us-east-1 table=aws_ec2_subnets");

    Jar.Result quiet = Jar.run(env, dir, "--config=" + config, "--log-level=error");
    assertThat(quiet.exitCode()).as(quiet.toString()).isEqualTo(2);
    assertThat(quiet.stderr()).doesNotContain("WARN FetchResources", "INFO ");

    Jar.Result bad = Jar.run(env, dir, "--config=" + config, "--log-format=xml");
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.stderr().strip())
        .isEqualTo("aws-inventory: --log-format=xml: expected text or json");
  }
}
