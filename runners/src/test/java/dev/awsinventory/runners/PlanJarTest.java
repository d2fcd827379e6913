package dev.awsinventory.runners;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsinventory.testing.aws.FakeAws;
import dev.awsinventory.testing.db.TestDatabase;
import dev.awsinventory.testing.scenario.LegacyConfig;
import dev.awsinventory.testing.scenario.SeedScenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --plan} and the first failures of a run, with the jar as a user runs it: a good config
 * plans the slices a run then fetches and writes nothing; a denied role, missing credentials and an
 * unreachable database each give exit 1 and one line saying what to do.
 */
class PlanJarTest {
  private static final String TABLES =
      "[\"aws_ec2_instances\", \"aws_ec2_vpcs\", \"aws_ec2_ebs_snapshot_attributes\"]";
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
  }

  @AfterAll
  static void stop() throws Exception {
    aws.close();
    pg.close();
  }

  private static Path config(String name, String url) throws Exception {
    return LegacyConfig.write(
        dir.resolve(name),
        pg.port(),
        url,
        TABLES,
        """
        regions: ["us-east-1", "eu-west-1"]
        custom_endpoint_url: "%s"
        accounts:
          - account_name: "target_account_a"
            role_arn: "%s"
          - account_name: "target_account_b"
            role_arn: "%s"
        """
            .formatted(aws.endpoint(), seed.roleA, seed.roleB));
  }

  @Test
  void aGoodConfigPlansTheSlicesARunFetchesAndWritesNothing() throws Exception {
    String url = pg.newDatabase();
    Path config = config("good.yml", url);
    Jar.Result plan = Jar.run(env, dir, "--config=" + config, "--plan");
    assertThat(plan.exitCode()).as(plan.toString()).isZero();
    // 2 accounts x 2 regions x (instances, vpcs, snapshots, snapshot attributes)
    assertThat(plan.stdout())
        .contains(
            "Slices: 16 (2 accounts, 4 account-regions",
            "target_account_a (222222222222)",
            "AssumeRole ok; 2 regions: eu-west-1, us-east-1",
            "schema changes a run would make: 4 new tables",
            "Plan: a run could proceed.");
    assertThat(
            TestDatabase.count(
                url,
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"))
        .as("nothing written")
        .isZero();

    Jar.Result run = Jar.run(env, dir, "--config=" + config);
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.stdout()).contains("16 slices ok, 0 failed");
  }

  @Test
  void aDeniedRoleIsOneLineAboutTheTrustPolicy() throws Exception {
    Path config = config("denied.yml", pg.newDatabase());
    aws.denyAssumeRole(seed.roleB);
    try {
      Jar.Result plan = Jar.run(env, dir, "--config=" + config, "--plan");
      assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(1);
      assertThat(plan.stderr().strip().lines())
          .as(plan.toString())
          .singleElement()
          .asString()
          .startsWith(
              "aws-inventory: plan: account target_account_b (333333333333): AssumeRole of "
                  + seed.roleB
                  + " was denied: the role's trust policy must allow the source principal");
    } finally {
      aws.allowAssumeRole(seed.roleB);
    }
  }

  @Test
  void withoutCredentialsThePlanAndTheRunSayHowToGiveThem() throws Exception {
    Path config = config("nocreds.yml", pg.newDatabase());
    String advice =
        "no AWS credentials found: run `aws configure`, set AWS_PROFILE to a profile of ~/.aws/config, "
            + "or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY";
    Jar.Result plan = Jar.run(Map.of(), dir, "--config=" + config, "--plan");
    assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(1);
    assertThat(plan.stderr().strip()).isEqualTo("aws-inventory: plan: " + advice);

    Jar.Result run = Jar.run(Map.of(), dir, "--config=" + config);
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.stderr().strip()).isEqualTo("aws-inventory: " + advice);
    assertThat(run.stdout()).doesNotContain("Embedded PostgreSQL", "aws-inventory run");
  }

  @Test
  void anUnreachableDatabaseIsOneLine() throws Exception {
    Path config = dir.resolve("nowhere.yml");
    Files.writeString(
        config,
        Files.readString(config("base.yml", pg.newDatabase()))
            .replace("port: " + pg.port(), "port: 1"));
    Jar.Result plan = Jar.run(env, dir, "--config=" + config, "--plan");
    assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(1);
    assertThat(plan.stderr().strip().lines())
        .as(plan.toString())
        .singleElement()
        .asString()
        .startsWith("aws-inventory: plan: database unreachable at jdbc:postgresql://localhost:1/")
        .endsWith("; check the connection in the config and that PostgreSQL is running");

    Jar.Result run = Jar.run(env, dir, "--config=" + config);
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.stderr().strip().lines())
        .as(run.toString())
        .singleElement()
        .asString()
        .startsWith("aws-inventory: database unreachable at jdbc:postgresql://localhost:1/");
  }
}
