package dev.awsinventory.transforms.postgres;

import dev.awsinventory.config.WriteMode;
import dev.awsinventory.transforms.model.ResourceRow;
import dev.awsinventory.transforms.model.SyncRun;
import java.util.ArrayList;
import java.util.HashMap;
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
 * a re-executed bundle is harmless), batched per table within a bundle ({@link RowWriter}), through
 * JdbcIO's data source (built on the worker, pooled per JVM). One step for every table, rather than
 * one JdbcIO write per table: 52 write branches made a large graph whose shuffles needed more
 * network buffers than a Flink TaskManager has by default. The output completes when every write
 * has committed.
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
    private transient RowWriter writer;

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

    /** One transaction per batch (see {@link RowWriter}). */
    private void flush(String table, List<ResourceRow> batch) {
      if (writer == null) {
        writer = new RowWriter(dataSource(), mode);
      }
      batchSizes.update(writer.write(table, batch));
    }
  }
}
