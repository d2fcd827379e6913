package dev.awsinventory.transforms.postgres;

import dev.awsinventory.config.WriteMode;
import dev.awsinventory.transforms.fetch.FetchTask;
import dev.awsinventory.transforms.fetch.SliceOutcome;
import dev.awsinventory.transforms.model.Table;
import dev.awsinventory.transforms.tables.TableRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.apache.beam.sdk.io.jdbc.JdbcIO;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.transforms.display.HasDisplayData;

/**
 * Runs after every row write has committed: for each slice, in one transaction, deletes the
 * slice's stale rows (only if the slice succeeded and the mode deletes stale rows) and records
 * the outcome. So a slice's deletion and the record that it completed always agree, and a
 * failed slice keeps its previous rows.
 */
public final class FinishSlices extends DoFn<SliceOutcome, Void> {
  private final JdbcIO.DataSourceConfiguration database;
  private final String runId;
  private final String sourceName;
  private final String syncTime;
  private final WriteMode mode;
  private final Counter deleted = Metrics.counter("aws_inventory", "stale_rows_deleted");
  private transient DataSource dataSource;

  public FinishSlices(JdbcIO.DataSourceConfiguration database, String runId, String sourceName,
      String syncTime, WriteMode mode) {
    this.database = database;
    this.runId = runId;
    this.sourceName = sourceName;
    this.syncTime = syncTime;
    this.mode = mode;
  }

  /** The database's URL and user (JdbcIO's display data never includes the password). */
  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder.include("database", (HasDisplayData) JdbcIO.DataSourceProviderFromDataSourceConfiguration.of(database));
  }

  @Setup
  public void setup() {
    // The same pool as JdbcIO's writers: a closed connection goes back to it. (A pool over
    // that pool would keep its borrowed connections idle and starve the writers of later runs.)
    dataSource = JdbcIO.DataSourceProviderFromDataSourceConfiguration.of(database).apply(null);
  }

  @ProcessElement
  public void process(@Element SliceOutcome o) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        if (o.ok() && mode == WriteMode.OVERWRITE_DELETE_STALE && !FetchTask.ALL.equals(o.table())) {
          deleted.inc(deleteStale(c, TableRegistry.get(o.table()), o));
        }
        SyncTables.recordSlice(c, runId, o);
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    }
  }

  private int deleteStale(Connection c, Table<?> table, SliceOutcome o) throws SQLException {
    boolean accountWide = FetchTask.ALL.equals(o.region());
    try (PreparedStatement ps = c.prepareStatement(Sql.deleteStale(table, accountWide))) {
      int i = 1;
      ps.setString(i++, sourceName);
      ps.setString(i++, o.accountId());
      if (!accountWide) {
        ps.setString(i++, o.region());
      }
      ps.setString(i, syncTime);
      return ps.executeUpdate();
    }
  }
}
