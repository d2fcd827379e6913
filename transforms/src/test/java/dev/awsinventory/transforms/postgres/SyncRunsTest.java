package dev.awsinventory.transforms.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsinventory.config.WriteMode;
import dev.awsinventory.testing.db.TestDatabase;
import dev.awsinventory.transforms.model.SyncRun;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The record of runs in a real PostgreSQL: a run killed before its end does not stay running. */
class SyncRunsTest {
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
  void aRunOfTheSameSourceLeftRunningIsMarkedInterruptedByTheNextOne() throws Exception {
    String url = pg.newDatabase();
    String killed = UUID.randomUUID().toString();
    String otherSource = UUID.randomUUID().toString();
    String next = UUID.randomUUID().toString();
    try (Connection c =
        DriverManager.getConnection(url, TestDatabase.USER, TestDatabase.PASSWORD)) {
      try (Statement s = c.createStatement()) {
        for (String sql : SyncTables.missing(c)) {
          s.execute(sql);
        }
      }
      SyncTables.startRun(c, run(killed, "aws"), "DirectRunner");
      SyncTables.startRun(c, run(otherSource, "aws-shard-2"), "DirectRunner");

      assertThat(SyncTables.startRun(c, run(next, "aws"), "DirectRunner")).isEqualTo(1);
    }

    List<Map<String, Object>> rows =
        TestDatabase.query(
            url,
            "SELECT run_id::text AS id, status, finished_at, error FROM "
                + SyncTables.RUNS
                + " ORDER BY started_at, run_id");
    assertThat(rows)
        .extracting(r -> r.get("id") + " " + r.get("status"))
        .containsExactlyInAnyOrder(
            killed + " interrupted", otherSource + " running", next + " running");
    Map<String, Object> interrupted =
        rows.stream().filter(r -> r.get("id").equals(killed)).findFirst().orElseThrow();
    assertThat(interrupted.get("finished_at")).isNull();
    assertThat((String) interrupted.get("error"))
        .startsWith("the run ended without recording its end")
        .endsWith("found by run " + next);
  }

  private static SyncRun run(String id, String source) {
    return SyncRun.startingNow(id, source, WriteMode.OVERWRITE_DELETE_STALE);
  }
}
