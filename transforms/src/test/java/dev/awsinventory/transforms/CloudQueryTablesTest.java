package dev.awsinventory.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awsinventory.config.PkMode;
import dev.awsinventory.config.WriteMode;
import dev.awsinventory.testing.db.TestDatabase;
import dev.awsinventory.transforms.model.ResourceRow;
import dev.awsinventory.transforms.model.RowContext;
import dev.awsinventory.transforms.model.SyncRun;
import dev.awsinventory.transforms.postgres.Coverage;
import dev.awsinventory.transforms.postgres.ProgressTable;
import dev.awsinventory.transforms.postgres.Schema;
import dev.awsinventory.transforms.postgres.SchemaException;
import dev.awsinventory.transforms.postgres.Target;
import dev.awsinventory.transforms.tables.Ec2Vpcs;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * Tables as CloudQuery's PostgreSQL destination makes them, on a real PostgreSQL: compatible types
 * are written as they are (timestamps as UTC wall-clock whatever the session's zone), nothing but
 * missing columns is added, and what cannot be written is refused with a statement that, run as
 * given, makes the table writable.
 */
class CloudQueryTablesTest {
  /** CloudQuery's DDL for aws_ec2_vpcs, with a few compatible variations of its types. */
  static final String VPCS =
      "CREATE TABLE IF NOT EXISTS \"aws_ec2_vpcs\" (\"_cq_source_name\" text, "
          + "\"_cq_sync_time\" timestamp without time zone, \"_cq_id\" uuid UNIQUE NOT NULL, \"_cq_parent_id\" uuid, "
          + "\"account_id\" character varying(20), \"region\" text, \"arn\" text NOT NULL, \"tags\" json, "
          + "\"cidr_block\" text, \"cidr_block_association_set\" jsonb, \"dhcp_options_id\" text, "
          + "\"instance_tenancy\" text, \"ipv6_cidr_block_association_set\" jsonb, \"is_default\" boolean, "
          + "\"owner_id\" text, \"state\" text, \"vpc_id\" text, CONSTRAINT \"aws_ec2_vpcs_cqpk\" PRIMARY KEY (\"arn\"))";

  private static TestDatabase pg;

  @BeforeAll
  static void start() {
    pg = TestDatabase.start();
  }

  @AfterAll
  static void stop() throws Exception {
    pg.close();
  }

  @Test
  void aCloudQueryTableIsWrittenAsItIsWithUtcWallClockTimes() throws Exception {
    String url = pg.newDatabase();
    TestDatabase.execute(url, VPCS);
    TestDatabase.execute(url, "CREATE TABLE aws_inventory_sync_runs (run_id uuid)");
    TestDatabase.execute(url, "CREATE TABLE aws_inventory_sync_slices (run_id uuid)");
    for (String syncTable : List.of(ProgressTable.NAME, Coverage.ACCOUNTS, Coverage.ORPHANS)) {
      TestDatabase.execute(url, "CREATE TABLE " + syncTable + " (run_id uuid)");
    }
    TestDatabase.recordDdl(url);
    Map<String, Target> targets;
    try (Connection c = connect(url)) {
      targets = Schema.ensure(c, List.of(Ec2Vpcs.TABLE), WriteMode.OVERWRITE_DELETE_STALE);
    }
    List<String> ddl = TestDatabase.ddl(url);
    assertThat(ddl)
        .allMatch(
            q -> q.startsWith("ALTER TABLE \"aws_ec2_vpcs\" ADD COLUMN "), "only columns added");
    assertThat(
            TestDatabase.query(
                url,
                "SELECT conname FROM pg_constraint WHERE contype = 'p' AND "
                    + "conrelid = 'aws_ec2_vpcs'::regclass"))
        .containsExactly(Map.of("conname", "aws_ec2_vpcs_cqpk"));
    assertThat(type(url, "_cq_sync_time")).isEqualTo("timestamp without time zone");
    assertThat(type(url, "tags")).isEqualTo("json");
    assertThat(type(url, "account_id")).isEqualTo("character varying");

    Target vpcs = targets.get("aws_ec2_vpcs");
    ResourceRow row =
        Ec2Vpcs.TABLE.row(
            Vpc.builder().vpcId("vpc-1").isDefault(true).build(),
            new RowContext(
                new SyncRun(
                    UUID.randomUUID().toString(),
                    "aws",
                    Instant.parse("2024-05-06T07:08:09.123456Z"),
                    WriteMode.OVERWRITE_DELETE_STALE),
                "123456789012",
                "eu-west-1",
                "aws"));
    try (Connection c = connect(url);
        Statement s = c.createStatement()) {
      s.execute("SET TIME ZONE 'Asia/Kolkata'");
      try (PreparedStatement ps = c.prepareStatement(vpcs.write())) {
        for (int i = 0; i < row.size(); i++) {
          ps.setString(i + 1, vpcs.value(row, i));
        }
        ps.executeUpdate();
        ps.executeUpdate();
      }
      assertThat(deleteStale(c, vpcs, "2024-05-06T07:08:09.123456Z"))
          .as("not older than itself")
          .isZero();
    }
    assertThat(
            TestDatabase.query(
                url,
                "SELECT _cq_sync_time::text AS t, is_default, tags::text AS tags "
                    + "FROM aws_ec2_vpcs"))
        .containsExactly(
            Map.of("t", "2024-05-06 07:08:09.123456", "is_default", true, "tags", "{}"));
    try (Connection c = connect(url);
        Statement s = c.createStatement()) {
      s.execute("SET TIME ZONE 'America/Los_Angeles'");
      assertThat(deleteStale(c, vpcs, "2024-05-06T07:08:09.123457Z")).isEqualTo(1);
    }
  }

  @Test
  void aColumnOfAnotherTypeIsRefusedWithTheStatementThatFixesIt() throws Exception {
    String url = pg.newDatabase();
    TestDatabase.execute(url, VPCS.replace("\"is_default\" boolean", "\"is_default\" macaddr"));
    SchemaException e = refused(url);
    assertThat(e)
        .hasMessageStartingWith(
            "table aws_ec2_vpcs, column is_default: the database has type macaddr "
                + "but this version writes boolean");
    assertThat(e.getMessage()).doesNotContain("unknown");
    assertThat(type(url, "is_default")).as("nothing changed").isEqualTo("macaddr");
    fixWith(url, e);
    assertThat(type(url, "is_default")).isEqualTo("boolean");
  }

  @Test
  void anotherKeyIsRefusedWithTheStatementThatFixesIt() throws Exception {
    String url = pg.newDatabase();
    TestDatabase.execute(
        url,
        VPCS.replace("PRIMARY KEY (\"arn\")", "PRIMARY KEY (\"vpc_id\", \"region\")")
            .replace("\"vpc_id\" text", "\"vpc_id\" text NOT NULL")
            .replace("\"region\" text", "\"region\" text NOT NULL"));
    TestDatabase.execute(
        url,
        "INSERT INTO aws_ec2_vpcs (_cq_id, arn, vpc_id, region, _cq_sync_time) VALUES "
            + "(gen_random_uuid(), 'arn:a', 'vpc-1', 'r1', '2024-01-01'), (gen_random_uuid(), 'arn:a', 'vpc-1', 'r2', '2024-01-02')");
    SchemaException e = refused(url);
    assertThat(e)
        .hasMessageContaining(
            "table aws_ec2_vpcs has primary key [vpc_id, region] but write_mode "
                + "overwrite-delete-stale needs [arn]");
    fixWith(url, e);
    assertThat(TestDatabase.query(url, "SELECT region FROM aws_ec2_vpcs"))
        .containsExactly(Map.of("region", "r2"));
  }

  @Test
  void aNotNullColumnThisVersionDoesNotWriteIsRefusedWithTheStatementThatFixesIt()
      throws Exception {
    String url = pg.newDatabase();
    TestDatabase.execute(
        url, VPCS.replace("\"owner_id\" text", "\"owner_id\" text, \"team\" text NOT NULL"));
    SchemaException e = refused(url);
    assertThat(e).hasMessageStartingWith("table aws_ec2_vpcs, column team is NOT NULL");
    fixWith(url, e);
  }

  @Test
  void pkModeCqIdOnlyKeysNewTablesOnCqId() throws Exception {
    String url = pg.newDatabase();
    try (Connection c = connect(url)) {
      Schema.ensure(
          c,
          List.of(Ec2Vpcs.TABLE),
          WriteMode.OVERWRITE_DELETE_STALE,
          PkMode.CQ_ID_ONLY,
          Schema.DEFAULT_LOCK_TIMEOUT);
    }
    assertThat(
            TestDatabase.query(
                url,
                "SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint "
                    + "WHERE contype = 'p' AND conrelid = 'aws_ec2_vpcs'::regclass"))
        .containsExactly(Map.of("conname", "aws_ec2_vpcs_cqpk", "def", "PRIMARY KEY (_cq_id)"));
  }

  /** Runs the statement the message gives, then the schema is accepted. */
  private static void fixWith(String url, SchemaException e) throws Exception {
    String fix = e.getMessage().substring(e.getMessage().indexOf("run: ") + "run: ".length());
    TestDatabase.execute(url, fix);
    try (Connection c = connect(url)) {
      Schema.ensure(c, List.of(Ec2Vpcs.TABLE), WriteMode.OVERWRITE_DELETE_STALE);
    }
  }

  private static SchemaException refused(String url) throws Exception {
    try (Connection c = connect(url)) {
      assertThatThrownBy(
              () -> Schema.ensure(c, List.of(Ec2Vpcs.TABLE), WriteMode.OVERWRITE_DELETE_STALE))
          .isInstanceOf(SchemaException.class);
      try {
        Schema.ensure(c, List.of(Ec2Vpcs.TABLE), WriteMode.OVERWRITE_DELETE_STALE);
      } catch (SchemaException e) {
        return e;
      }
    }
    throw new AssertionError("not refused");
  }

  private static int deleteStale(Connection c, Target t, String syncTime) throws Exception {
    try (PreparedStatement ps = c.prepareStatement(t.deleteStale(false))) {
      ps.setString(1, "aws");
      ps.setString(2, "123456789012");
      ps.setString(3, "eu-west-1");
      ps.setString(4, syncTime);
      return ps.executeUpdate();
    }
  }

  private static String type(String url, String column) {
    return (String)
        TestDatabase.query(
                url,
                "SELECT data_type AS t FROM information_schema.columns WHERE "
                    + "table_name = 'aws_ec2_vpcs' AND column_name = '"
                    + column
                    + "'")
            .get(0)
            .get("t");
  }

  private static Connection connect(String url) throws Exception {
    return DriverManager.getConnection(url, TestDatabase.USER, TestDatabase.PASSWORD);
  }
}
