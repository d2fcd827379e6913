package dev.awsinventory.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awsinventory.config.WriteMode;
import dev.awsinventory.testing.db.TestDatabase;
import dev.awsinventory.transforms.postgres.Schema;
import dev.awsinventory.transforms.postgres.SchemaException;
import dev.awsinventory.transforms.tables.Ec2Vpcs;
import dev.awsinventory.transforms.tables.TableRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Schema work on a real PostgreSQL: create, add missing columns, refuse a retyped column. */
class SchemaTest {
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
  void createsEveryTableWithItsKeyAndIsIdempotent() throws Exception {
    String url = pg.newDatabase();
    ensure(url);
    ensure(url);
    for (var t : TableRegistry.all()) {
      List<String> key =
          TestDatabase.query(
                  url,
                  "SELECT a.attname AS c FROM pg_index i JOIN pg_attribute a "
                      + "ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) WHERE i.indrelid = '\""
                      + t.name()
                      + "\"'::regclass AND i.indisprimary")
              .stream()
              .map(r -> (String) r.get("c"))
              .toList();
      assertThat(key).as(t.name()).containsExactlyInAnyOrderElementsOf(t.primaryKey());
      assertThat(
              TestDatabase.count(
                  url,
                  "SELECT count(*) FROM information_schema.columns WHERE table_name = '"
                      + t.name()
                      + "'"))
          .as(t.name())
          .isEqualTo(t.columns().size());
    }
  }

  @Test
  void aColumnANewerSdkAddsIsAddedAndNothingIsDropped() throws Exception {
    String url = pg.newDatabase();
    ensure(url);
    TestDatabase.execute(url, "ALTER TABLE aws_ec2_vpcs DROP COLUMN is_default");
    TestDatabase.execute(url, "ALTER TABLE aws_ec2_vpcs ADD COLUMN my_notes text");
    ensure(url);
    List<String> columns =
        TestDatabase.query(
                url,
                "SELECT column_name AS c FROM information_schema.columns "
                    + "WHERE table_name = 'aws_ec2_vpcs'")
            .stream()
            .map(r -> (String) r.get("c"))
            .toList();
    assertThat(columns)
        .contains("is_default", "my_notes")
        .hasSize(Ec2Vpcs.TABLE.columns().size() + 1);
    assertThat(
            TestDatabase.query(
                    url,
                    "SELECT data_type AS t FROM information_schema.columns "
                        + "WHERE table_name = 'aws_ec2_vpcs' AND column_name = 'is_default'")
                .get(0)
                .get("t"))
        .isEqualTo("boolean");
  }

  @Test
  void aColumnWhoseTypeChangedIsAClearErrorAndIsLeftAlone() throws Exception {
    String url = pg.newDatabase();
    ensure(url);
    TestDatabase.execute(url, "ALTER TABLE aws_ec2_vpcs ALTER COLUMN is_default TYPE text");
    assertThatThrownBy(() -> ensure(url))
        .isInstanceOf(SchemaException.class)
        .hasMessageContaining("table aws_ec2_vpcs, column is_default")
        .hasMessageContaining("has type text but this version writes boolean");
    assertThat(
            TestDatabase.query(
                    url,
                    "SELECT data_type AS t FROM information_schema.columns "
                        + "WHERE table_name = 'aws_ec2_vpcs' AND column_name = 'is_default'")
                .get(0)
                .get("t"))
        .isEqualTo("text");
  }

  private static void ensure(String url) throws Exception {
    try (Connection c =
        DriverManager.getConnection(url, TestDatabase.USER, TestDatabase.PASSWORD)) {
      Schema.ensure(c, TableRegistry.all(), WriteMode.OVERWRITE_DELETE_STALE);
    }
  }
}
