package dev.awsinventory.transforms.postgres;

import dev.awsinventory.transforms.model.CallCounts;
import dev.awsinventory.transforms.model.SliceError;
import dev.awsinventory.transforms.model.SliceKey;
import dev.awsinventory.transforms.model.SliceOutcome;
import dev.awsinventory.transforms.model.SyncRun;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The record of every run and every slice, in the same database as the data: {@code
 * aws_inventory_sync_runs} and {@code aws_inventory_sync_slices}.
 */
public final class SyncTables {
  public static final String RUNS = "aws_inventory_sync_runs";
  public static final String SLICES = "aws_inventory_sync_slices";

  private SyncTables() {}

  /** The CREATE TABLE statements of the sync tables the database does not have yet. */
  static List<String> missing(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    if (!Catalog.exists(c, RUNS)) {
      out.add(
          "CREATE TABLE IF NOT EXISTS "
              + RUNS
              + " (run_id uuid PRIMARY KEY, "
              + "source_name text NOT NULL, sync_time timestamp with time zone NOT NULL, "
              + "started_at timestamp with time zone NOT NULL, finished_at timestamp with time zone, "
              + "status text NOT NULL, runner text, write_mode text, resources bigint, "
              + "slices_ok bigint, slices_failed bigint, error text)");
    }
    if (!Catalog.exists(c, SLICES)) {
      out.add(
          "CREATE TABLE IF NOT EXISTS "
              + SLICES
              + " (run_id uuid NOT NULL, "
              + "table_name text NOT NULL, account_id text NOT NULL, account_name text, "
              + "region text NOT NULL, status text NOT NULL, resources bigint, pages bigint, "
              + "throttles bigint, retries bigint, duration_ms bigint, error_code text, "
              + "error_message text, recorded_at timestamp with time zone NOT NULL DEFAULT now(), "
              + "PRIMARY KEY (run_id, table_name, account_id, region))");
    }
    out.addAll(ProgressTable.missing(c));
    return out;
  }

  /**
   * Records that {@code run} started, on the runner named {@code runner} (such as {@code
   * DirectRunner}), with status {@code running}. Runs of the same source still marked {@code
   * running} are marked {@code interrupted} first: the caller holds the source's {@link
   * SourceLock}, so none of them is running still (it was killed, or its machine or database
   * stopped, before it could record its end); their {@code finished_at} stays empty.
   *
   * @return how many earlier runs were marked interrupted
   * @throws SQLException from the statements (a run id recorded twice, say)
   */
  public static int startRun(Connection c, SyncRun run, String runner) throws SQLException {
    int interrupted;
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE "
                + RUNS
                + " SET status = 'interrupted', error = COALESCE(error, ?) "
                + "WHERE source_name = ? AND status = 'running'")) {
      ps.setString(
          1,
          "the run ended without recording its end (killed, or its machine or database stopped);"
              + " found by run "
              + run.runId());
      ps.setString(2, run.sourceName());
      interrupted = ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO "
                + RUNS
                + " (run_id, source_name, sync_time, started_at, status, runner, write_mode) VALUES "
                + "(CAST(? AS uuid), ?, CAST(? AS timestamp with time zone), now(), 'running', ?, ?)")) {
      ps.setString(1, run.runId());
      ps.setString(2, run.sourceName());
      ps.setString(3, run.syncTimeText());
      ps.setString(4, runner);
      ps.setString(5, run.mode().configName());
      ps.executeUpdate();
    }
    return interrupted;
  }

  public static void finishRun(
      Connection c,
      String runId,
      String status,
      long resources,
      long slicesOk,
      long slicesFailed,
      String error)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE "
                + RUNS
                + " SET finished_at = now(), "
                + "status = ?, resources = ?, slices_ok = ?, slices_failed = ?, error = ? "
                + "WHERE run_id = CAST(? AS uuid)")) {
      ps.setString(1, status);
      ps.setLong(2, resources);
      ps.setLong(3, slicesOk);
      ps.setLong(4, slicesFailed);
      ps.setString(5, error);
      ps.setString(6, runId);
      ps.executeUpdate();
    }
  }

  /** Records a slice's outcome; re-recording the same slice (a retried bundle) replaces it. */
  static void recordSlice(Connection c, String runId, SliceOutcome o) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO "
                + SLICES
                + " (run_id, table_name, "
                + "account_id, account_name, region, status, resources, pages, throttles, retries, "
                + "duration_ms, error_code, error_message) VALUES (CAST(? AS uuid), ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?, ?) ON CONFLICT (run_id, table_name, account_id, region) DO UPDATE SET "
                + "status = EXCLUDED.status, resources = EXCLUDED.resources, pages = EXCLUDED.pages, "
                + "throttles = EXCLUDED.throttles, retries = EXCLUDED.retries, "
                + "duration_ms = EXCLUDED.duration_ms, error_code = EXCLUDED.error_code, "
                + "error_message = EXCLUDED.error_message, recorded_at = now()")) {
      ps.setString(1, runId);
      ps.setString(2, o.table());
      ps.setString(3, o.accountId());
      ps.setString(4, o.accountName());
      ps.setString(5, o.region());
      ps.setString(6, o.status().label());
      ps.setLong(7, o.resources());
      ps.setLong(8, o.pages());
      ps.setLong(9, o.throttles());
      ps.setLong(10, o.retries());
      ps.setLong(11, o.durationMs());
      ps.setString(12, o.errorCode());
      ps.setString(13, o.errorMessage());
      ps.executeUpdate();
    }
  }

  /** The slices a run recorded, in a stable order. */
  public static List<SliceOutcome> slices(Connection c, String runId) throws SQLException {
    List<SliceOutcome> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT table_name, account_id, account_name, "
                + "region, status, resources, pages, throttles, retries, duration_ms, error_code, "
                + "error_message FROM "
                + SLICES
                + " WHERE run_id = CAST(? AS uuid) "
                + "ORDER BY table_name, account_id, region")) {
      ps.setString(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          SliceKey key =
              new SliceKey(
                  rs.getString("table_name"), rs.getString("account_id"), rs.getString("region"));
          CallCounts calls =
              CallCounts.NONE
                  .withResources(rs.getLong("resources"))
                  .withPages(rs.getLong("pages"))
                  .withThrottles(rs.getLong("throttles"))
                  .withRetries(rs.getLong("retries"))
                  .withDurationMs(rs.getLong("duration_ms"));
          out.add(
              new SliceOutcome(
                  key,
                  rs.getString("account_name"),
                  SliceOutcome.Status.ofLabel(rs.getString("status")),
                  calls,
                  SliceError.ofNullable(
                      rs.getString("error_code"), rs.getString("error_message"))));
        }
      }
    }
    return out;
  }
}
