package dev.awsinventory.transforms.postgres;

import dev.awsinventory.transforms.fetch.FetchTask;
import dev.awsinventory.transforms.fetch.SliceListener;
import dev.awsinventory.transforms.model.SliceOutcome;
import dev.awsinventory.transforms.model.SyncRun;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.beam.sdk.io.jdbc.JdbcIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code aws_inventory_sync_progress}: one row per slice of a run, written as the run goes (a slice
 * is {@code planned} when its account is resolved, then {@code ok} or {@code failed} as soon as it
 * is fetched, before its rows are written). The driver reads it for its progress lines, the same
 * way on every runner. {@code aws_inventory_sync_slices} stays the record of finished slices.
 */
public final class ProgressTable {
  public static final String NAME = "aws_inventory_sync_progress";

  private ProgressTable() {}

  /**
   * The CREATE TABLE statement of the progress table if the database does not have it yet (run by
   * {@link Schema#ensure} with the other schema changes).
   */
  static List<String> missing(Connection c) throws SQLException {
    return Catalog.exists(c, NAME)
        ? List.of()
        : List.of(
            "CREATE TABLE IF NOT EXISTS "
                + NAME
                + " (run_id uuid NOT NULL, table_name text NOT NULL, "
                + "account_id text NOT NULL, region text NOT NULL, status text NOT NULL, resources bigint, "
                + "throttles bigint, updated_at timestamp with time zone NOT NULL DEFAULT now(), "
                + "PRIMARY KEY (run_id, table_name, account_id, region))");
  }

  /** A run's progress so far: slices known, done and failed, resources fetched, throttled calls. */
  public record Counts(long slices, long done, long failed, long resources, long throttles) {}

  public static Counts read(Connection c, String runId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT count(*), count(*) FILTER (WHERE status <> 'planned'), "
                + "count(*) FILTER (WHERE status = 'failed'), COALESCE(sum(resources), 0), COALESCE(sum(throttles), 0) "
                + "FROM "
                + NAME
                + " WHERE run_id = CAST(? AS uuid)")) {
      ps.setString(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new Counts(
            rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
      }
    }
  }

  /** Records the slices of a task (its table and each child table) as planned. */
  public static final class RecordPlanned extends DatabaseFn<FetchTask> {
    private final SyncRun run;

    /** Records in {@code database} under {@code run}'s id. */
    public RecordPlanned(JdbcIO.DataSourceConfiguration database, SyncRun run) {
      super(database);
      this.run = run;
    }

    @ProcessElement
    public void process(@Element FetchTask task) throws SQLException, InterruptedException {
      recordPlanned(dataSource(), run.runId(), task);
    }

    private static List<String> tables(FetchTask task) {
      List<String> out = new ArrayList<>();
      out.add(task.table());
      out.addAll(task.children());
      return out;
    }
  }

  /**
   * Records the slices of {@code task} as planned, in one transaction retried per {@link
   * RetryPolicy} (an insert that keeps a row already there, so running it again changes nothing).
   *
   * @throws SQLException the last error, when it is not transient or the attempts are used up
   */
  static void recordPlanned(DataSource dataSource, String runId, FetchTask task)
      throws SQLException, InterruptedException {
    RetryPolicy.inTransaction(
        dataSource,
        "recording planned slices",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO "
                      + NAME
                      + " (run_id, table_name, account_id, region, status) VALUES (CAST(? AS uuid), ?, ?, ?, "
                      + "'planned') ON CONFLICT DO NOTHING")) {
            for (String table : RecordPlanned.tables(task)) {
              ps.setString(1, runId);
              ps.setString(2, table);
              ps.setString(3, task.accountId());
              ps.setString(4, task.sliceRegion());
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return null;
        });
  }

  /**
   * Records a slice's outcome, in one transaction retried per {@link RetryPolicy} (an upsert).
   *
   * @throws SQLException the last error, when it is not transient or the attempts are used up
   */
  static void recordOutcome(DataSource dataSource, String runId, SliceOutcome o)
      throws SQLException, InterruptedException {
    RetryPolicy.inTransaction(
        dataSource,
        "recording a slice's outcome",
        c -> {
          record(c, runId, o);
          return null;
        });
  }

  /** Records each slice's outcome as it arrives. */
  public static final class RecordOutcome extends DatabaseFn<SliceOutcome> {
    private final SyncRun run;

    /** Records in {@code database} under {@code run}'s id. */
    public RecordOutcome(JdbcIO.DataSourceConfiguration database, SyncRun run) {
      super(database);
      this.run = run;
    }

    @ProcessElement
    public void process(@Element SliceOutcome o) throws SQLException, InterruptedException {
      recordOutcome(dataSource(), run.runId(), o);
    }
  }

  /**
   * Records the outcomes of each fetch task as soon as it ends, from the fetch itself: on a runner
   * that holds a bundle's outputs until the bundle ends, {@link RecordOutcome} alone would move the
   * progress only then. Progress is informative: a failure to record is logged, never thrown.
   */
  public static final class Listener implements SliceListener {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(Listener.class);
    private final JdbcIO.DataSourceConfiguration database;
    private final SyncRun run;
    private transient DataSource dataSource;

    /** Records in {@code database} under {@code run}'s id. */
    public Listener(JdbcIO.DataSourceConfiguration database, SyncRun run) {
      this.database = database;
      this.run = run;
    }

    @Override
    public void finished(List<SliceOutcome> outcomes) {
      try {
        if (dataSource == null) {
          dataSource =
              JdbcIO.DataSourceProviderFromDataSourceConfiguration.of(database).apply(null);
        }
        try (Connection c = dataSource.getConnection()) {
          for (SliceOutcome o : outcomes) {
            record(c, run.runId(), o);
          }
        }
      } catch (SQLException | RuntimeException e) {
        LOG.debug("progress not recorded: {}", e.toString());
      }
    }
  }

  private static void record(Connection c, String runId, SliceOutcome o) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO "
                + NAME
                + " (run_id, table_name, account_id, region, status, resources, throttles) VALUES "
                + "(CAST(? AS uuid), ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, table_name, account_id, region) DO UPDATE "
                + "SET status = EXCLUDED.status, resources = EXCLUDED.resources, throttles = EXCLUDED.throttles, "
                + "updated_at = now()")) {
      ps.setString(1, runId);
      ps.setString(2, o.table());
      ps.setString(3, o.accountId());
      ps.setString(4, o.region());
      ps.setString(5, o.ok() ? "ok" : "failed");
      ps.setLong(6, o.resources());
      ps.setLong(7, o.throttles());
      ps.executeUpdate();
    }
  }
}
