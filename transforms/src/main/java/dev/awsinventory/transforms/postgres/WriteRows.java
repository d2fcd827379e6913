package dev.awsinventory.transforms.postgres;

import dev.awsinventory.config.WriteMode;
import dev.awsinventory.transforms.model.ResourceRow;
import dev.awsinventory.transforms.model.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.jdbc.JdbcIO;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.Partition;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;

/**
 * Writes rows to their tables: one JdbcIO write per table, batched, as idempotent upserts (so
 * a re-executed bundle is harmless). The output completes when every write has committed.
 */
public final class WriteRows extends PTransform<PCollection<ResourceRow>, PCollection<Void>> {
  private static final int BATCH_SIZE = 1000;

  private final JdbcIO.DataSourceConfiguration database;
  private final List<Table<?>> tables;
  private final WriteMode mode;

  public WriteRows(JdbcIO.DataSourceConfiguration database, List<Table<?>> tables, WriteMode mode) {
    this.database = database;
    this.tables = List.copyOf(tables);
    this.mode = mode;
  }

  @Override
  public PCollection<Void> expand(PCollection<ResourceRow> rows) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < tables.size(); i++) {
      index.put(tables.get(i).name(), i);
    }
    PCollectionList<ResourceRow> byTable = rows.apply("ByTable",
        Partition.of(tables.size(), (row, n) -> index.get(row.table())));
    List<PCollection<Void>> done = new ArrayList<>();
    for (int i = 0; i < tables.size(); i++) {
      Table<?> table = tables.get(i);
      done.add(byTable.get(i).apply("Write " + table.name(), JdbcIO.<ResourceRow>write()
          .withDataSourceConfiguration(database)
          .withStatement(Sql.write(table, mode))
          .withBatchSize(BATCH_SIZE)
          .withPreparedStatementSetter((row, ps) -> {
            for (int c = 0; c < row.size(); c++) {
              ps.setString(c + 1, row.value(c));
            }
          })
          .withResults()));
    }
    return PCollectionList.of(done).apply("AllWritten", Flatten.pCollections());
  }
}
