package dev.awsinventory.transforms.postgres;

import dev.awsinventory.config.WriteMode;
import dev.awsinventory.transforms.model.ResourceRow;
import dev.awsinventory.transforms.model.SyncRun;
import dev.awsinventory.transforms.model.Table;
import dev.awsinventory.transforms.tables.TableRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.jdbc.JdbcIO;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;

/**
 * Writes rows to their tables as idempotent upserts (or delete-and-insert; see {@link Target}) (so
 * a re-executed bundle is harmless), batched per table within a bundle, through JdbcIO's data
 * source (built on the worker, pooled per JVM). One step for every table, rather than one JdbcIO
 * write per table: 52 write branches made a large graph whose shuffles needed more network buffers
 * than a Flink TaskManager has by default. The output completes when every write has committed.
 */
public final class WriteRows extends PTransform<PCollection<ResourceRow>, PCollection<Void>> {
  static final int BATCH_SIZE = 1000;

  private final JdbcIO.DataSourceConfiguration database;
  private final SyncRun run;

  /** Writes the rows of {@code run} in its write mode. */
  public WriteRows(JdbcIO.DataSourceConfiguration database, SyncRun run) {
    this.database = database;
    this.run = run;
  }

  @Override
  public PCollection<Void> expand(PCollection<ResourceRow> rows) {
    return rows.apply("Upsert", ParDo.of(new UpsertFn(database, run.mode())));
  }

  static final class UpsertFn extends DatabaseFn<ResourceRow> {
    private final WriteMode mode;
    private final Distribution batchSizes = Metrics.distribution("aws_inventory", "rows_per_batch");
    private transient Map<String, List<ResourceRow>> batches;
    private transient Map<String, Target> targets;

    UpsertFn(JdbcIO.DataSourceConfiguration database, WriteMode mode) {
      super(database);
      this.mode = mode;
    }

    @StartBundle
    public void startBundle() {
      batches = new HashMap<>();
    }

    @ProcessElement
    public void process(@Element ResourceRow row) throws Exception {
      List<ResourceRow> batch = batches.computeIfAbsent(row.table(), t -> new ArrayList<>());
      batch.add(row);
      if (batch.size() >= BATCH_SIZE) {
        flush(row.table(), batches.remove(row.table()));
      }
    }

    @FinishBundle
    public void finishBundle() throws Exception {
      for (Map.Entry<String, List<ResourceRow>> e : batches.entrySet()) {
        flush(e.getKey(), e.getValue());
      }
      batches.clear();
    }

    /**
     * One transaction per batch, retried per {@link RetryPolicy}. How the batch is written (upsert,
     * or delete and insert for a table without a usable key) is read from the catalog once per
     * table (see {@link Target}).
     */
    private void flush(String table, List<ResourceRow> batch) throws Exception {
      List<ResourceRow> rows = lastPerKey(batch, TableRegistry.get(table).indexOf(Table.CQ_ID));
      RetryPolicy.inTransaction(
          dataSource(),
          "writing " + rows.size() + " rows to " + table,
          c -> {
            Target target = target(c, table);
            if (target.deletesBeforeInsert()) {
              try (PreparedStatement lock = c.prepareStatement(target.lockKeyless());
                  PreparedStatement delete = c.prepareStatement(target.deleteKeys())) {
                lock.execute();
                int i = 1;
                for (String[] keys : target.keyArrays(rows)) {
                  delete.setArray(i++, c.createArrayOf("text", keys));
                }
                delete.executeUpdate();
              }
            }
            try (PreparedStatement ps = c.prepareStatement(target.write())) {
              for (ResourceRow row : rows) {
                for (int i = 0; i < row.size(); i++) {
                  ps.setString(i + 1, target.value(row, i));
                }
                ps.addBatch();
              }
              ps.executeBatch();
            }
            return null;
          });
      batchSizes.update(rows.size());
    }

    /**
     * The batch with one row per {@code _cq_id} (a function of the key), the last one seen: one
     * multi-row statement may not upsert the same key twice, and a resource listed twice (a child
     * seen under two parents, an account configured twice) is one row.
     */
    static List<ResourceRow> lastPerKey(List<ResourceRow> rows, int idIndex) {
      Map<String, ResourceRow> byId = new LinkedHashMap<>();
      for (ResourceRow row : rows) {
        byId.put(row.value(idIndex), row);
      }
      return byId.size() == rows.size() ? rows : new ArrayList<>(byId.values());
    }

    private Target target(Connection c, String table) throws SQLException {
      if (targets == null) {
        targets = new HashMap<>();
      }
      Target t = targets.get(table);
      if (t == null) {
        t = Target.read(c, TableRegistry.get(table), mode);
        targets.put(table, t);
      }
      return t;
    }
  }
}
