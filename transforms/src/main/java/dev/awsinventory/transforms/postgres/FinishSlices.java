package dev.awsinventory.transforms.postgres;

import dev.awsinventory.config.WriteMode;
import dev.awsinventory.transforms.model.SliceKey;
import dev.awsinventory.transforms.model.SliceOutcome;
import dev.awsinventory.transforms.model.SyncRun;
import dev.awsinventory.transforms.tables.TableRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.io.jdbc.JdbcIO;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;

/**
 * Runs after every row write has committed: for each slice, in one transaction, deletes the slice's
 * stale rows (only if the slice succeeded and the mode deletes stale rows) and records the outcome.
 * So a slice's deletion and the record that it completed always agree, and a failed slice keeps its
 * previous rows.
 */
public final class FinishSlices extends DatabaseFn<SliceOutcome> {
  private final SyncRun run;
  private final Counter deleted = Metrics.counter("aws_inventory", "stale_rows_deleted");
  private transient Map<String, Target> targets;

  /** Finishes the slices of {@code run}, whose write mode says whether stale rows go. */
  public FinishSlices(JdbcIO.DataSourceConfiguration database, SyncRun run) {
    super(database);
    this.run = run;
  }

  /**
   * Deletes and records in one transaction, retried per {@link RetryPolicy} (both are idempotent).
   */
  @ProcessElement
  public void process(@Element SliceOutcome o) throws Exception {
    int stale =
        RetryPolicy.inTransaction(
            dataSource(),
            "finishing slice " + o.table() + " " + o.accountId() + " " + o.region(),
            c -> {
              int n = 0;
              if (o.ok() && run.mode() == WriteMode.OVERWRITE_DELETE_STALE && o.key().oneTable()) {
                n = deleteStale(c, target(c, o.table()), o);
              }
              SyncTables.recordSlice(c, run.runId(), o);
              return n;
            });
    deleted.inc(stale);
  }

  private Target target(Connection c, String table) throws SQLException {
    if (targets == null) {
      targets = new HashMap<>();
    }
    Target t = targets.get(table);
    if (t == null) {
      t = Target.read(c, TableRegistry.get(table), run.mode());
      targets.put(table, t);
    }
    return t;
  }

  private int deleteStale(Connection c, Target target, SliceOutcome o) throws SQLException {
    boolean accountWide = o.key().extent() == SliceKey.Extent.ACCOUNT_WIDE;
    try (PreparedStatement ps = c.prepareStatement(target.deleteStale(accountWide))) {
      int i = 1;
      ps.setString(i++, run.sourceName());
      ps.setString(i++, o.accountId());
      if (!accountWide) {
        ps.setString(i++, o.region());
      }
      ps.setString(i, run.syncTimeText());
      return ps.executeUpdate();
    }
  }
}
