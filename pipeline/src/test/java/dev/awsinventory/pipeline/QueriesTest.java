package dev.awsinventory.pipeline;

import static dev.awsinventory.testing.scenario.DemoOrganization.DEVELOPMENT;
import static dev.awsinventory.testing.scenario.DemoOrganization.MANAGEMENT;
import static dev.awsinventory.testing.scenario.DemoOrganization.PRODUCTION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.awsinventory.testing.aws.FakeAws;
import dev.awsinventory.testing.db.TestDatabase;
import dev.awsinventory.testing.scenario.DemoOrganization;
import dev.awsinventory.testing.scenario.LegacyConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each check of {@code docs/queries/} over the demo organization, fetched from the fake AWS by the
 * pipeline into PostgreSQL: exactly the rows the organization's findings call for.
 */
class QueriesTest {
  private static final String E = "us-east-1";
  private static final String W = "eu-west-1";
  private static FakeAws aws;
  private static TestDatabase pg;
  private static String url;
  private static DemoOrganization org;
  private static Path config;
  @TempDir static Path dir;

  /** The expected rows of each check, as the query prints its columns. */
  static final Map<String, List<List<String>>> EXPECTED =
      Map.ofEntries(
          Map.entry(
              "ssh-rdp-open-to-internet",
              List.of(
                  List.of(PRODUCTION, E, "sg-0bastion44455566", "bastion-ssh", "22"),
                  List.of(DEVELOPMENT, W, "sg-0windows77788899", "windows-rdp", "3389"))),
          Map.entry(
              "critical-ports-open-to-internet",
              List.of(
                  List.of(PRODUCTION, E, "sg-0bastion44455566", "bastion-ssh", "22"),
                  List.of(DEVELOPMENT, W, "sg-0windows77788899", "windows-rdp", "3389"),
                  List.of(DEVELOPMENT, E, "sg-0devdb7778889999", "dev-db", "5432"))),
          Map.entry(
              "default-security-group-allows-traffic",
              List.of(List.of(DEVELOPMENT, E, "sg-default-7777use1", "vpc-07777use1", "1", "1"))),
          Map.entry(
              "unencrypted-ebs-volumes",
              List.of(
                  List.of(MANAGEMENT, W, "vol-0orphan00000001", "500", "available", ""),
                  List.of(
                      DEVELOPMENT,
                      E,
                      "vol-0devbuild000001",
                      "200",
                      "in-use",
                      "i-0devbuild0000001"))),
          Map.entry(
              "ebs-encryption-by-default-off",
              List.of(List.of(DEVELOPMENT, W), List.of(DEVELOPMENT, E))),
          Map.entry(
              "imdsv1-allowed",
              List.of(
                  List.of(PRODUCTION, E, "instance", "i-0prodbastion0001", "optional"),
                  List.of(DEVELOPMENT, E, "image", "ami-0devbase00000001", "not set"),
                  List.of(DEVELOPMENT, E, "instance", "i-0devbuild0000001", "optional"),
                  List.of(DEVELOPMENT, E, "instance", "i-0devold000000001", "optional"))),
          Map.entry(
              "public-ebs-snapshots",
              List.of(
                  List.of(DEVELOPMENT, W, "snap-0devexport00001", "vol-0devtest0000001", "20"))),
          Map.entry(
              "public-amis", List.of(List.of(DEVELOPMENT, E, "ami-0devbase00000001", "dev-base"))),
          Map.entry(
              "public-ips",
              List.of(
                  List.of(PRODUCTION, E, "instance", "i-0prodbastion0001", "54.210.10.12"),
                  List.of(PRODUCTION, E, "instance", "i-0prodweb00000001", "54.210.10.11"),
                  List.of(PRODUCTION, E, "subnet", "subnet-0public4444use1", ""))),
          Map.entry(
              "vpcs-without-flow-logs",
              List.of(
                  List.of(PRODUCTION, E, "vpc-0legacy4445555", "172.31.0.0/16", "t"),
                  List.of(DEVELOPMENT, W, "vpc-07777euw1", "10.0.0.0/16", "f"))),
          Map.entry(
              "instances-stopped-over-30-days",
              List.of(List.of(DEVELOPMENT, E, "i-0devold000000001", "t3.medium", "2024-01-15"))),
          Map.entry(
              "unattached-elastic-ips",
              List.of(
                  List.of(MANAGEMENT, W, "eipalloc-0mgmtold0001", "52.18.44.55"),
                  List.of(DEVELOPMENT, E, "eipalloc-0devspare001", "3.90.12.34"))));

  @BeforeAll
  static void fetch() throws IOException {
    aws = FakeAws.start();
    pg = TestDatabase.start();
    org = new DemoOrganization(aws);
    url = pg.newDatabase();
    config =
        LegacyConfig.write(
            dir.resolve("demo.yml"),
            pg.port(),
            url,
            DemoOrganization.tablesYaml(),
            org.configuration());
    InventoryRun.Result r = InventoryRun.run(org.managementUser, "--config=" + config);
    assertThat(r.code()).as(r.output()).isZero();
  }

  @AfterAll
  static void stop() throws IOException {
    aws.close();
    pg.close();
  }

  static Stream<String> checks() {
    return Report.CHECKS.stream();
  }

  @ParameterizedTest
  @MethodSource("checks")
  void eachCheckFindsExactlyItsRows(String name) throws Exception {
    try (Connection c =
        DriverManager.getConnection(url, TestDatabase.USER, TestDatabase.PASSWORD)) {
      Report.Result r = Report.run(c, Report.check(name));
      assertThat(r.error()).isNull();
      assertThat(r.rows()).isEqualTo(EXPECTED.get(name));
      assertThat(r.check().description()).isNotBlank();
    }
  }

  @Test
  void everyQueryFileIsACheckAndTheDemoCountsMatch() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("..", "docs", "queries"))) {
      assertThat(files.map(p -> p.getFileName().toString().replaceAll("\\.sql$", "")))
          .containsExactlyInAnyOrderElementsOf(Report.CHECKS);
    }
    assertThat(EXPECTED.keySet()).containsExactlyInAnyOrderElementsOf(Report.CHECKS);
    for (DemoOrganization.Finding f : DemoOrganization.EXPECTED) {
      assertThat(EXPECTED.get(f.check())).as(f.check()).hasSize(f.rows());
    }
  }

  @Test
  void reportOnlyPrintsTheChecksFromTheDatabaseWithoutFetching() {
    aws.resetCounters();
    InventoryRun.Result r =
        InventoryRun.run(org.managementUser, "--config=" + config, "--report=only");
    assertThat(r.code()).as(r.output()).isZero();
    assertThat(r.output())
        .contains("== unattached-elastic-ips (2 rows):", "eipalloc-0mgmtold0001")
        .doesNotContain("aws-inventory run");
    assertThat(aws.calls("DescribeInstances") + aws.calls("AssumeRole")).as("no AWS call").isZero();
  }

  @Test
  void theReportPrintsEachCheckWithItsCount() throws Exception {
    try (Connection c =
        DriverManager.getConnection(url, TestDatabase.USER, TestDatabase.PASSWORD)) {
      java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
      Report.print(
          c, new java.io.PrintStream(buffer, true, java.nio.charset.StandardCharsets.UTF_8));
      String text = buffer.toString(java.nio.charset.StandardCharsets.UTF_8);
      assertThat(text)
          .contains(
              "== ssh-rdp-open-to-internet (2 rows): Security groups that let",
              "== public-amis (1 row):",
              "sg-0bastion44455566",
              "ami-0devbase00000001");
    }
  }
}
