package dev.awsinventory.transforms.postgres;

import dev.awsinventory.config.WriteMode;
import dev.awsinventory.transforms.model.ResourceRow;
import dev.awsinventory.transforms.model.Table;
import dev.awsinventory.transforms.tables.TableRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.apache.beam.sdk.io.jdbc.JdbcIO;

/**
 * Writes batches of rows to their table as idempotent upserts (or delete-and-insert for a table
 * without a usable key; see {@link Target}), one transaction per batch, retried per {@link
 * RetryPolicy}. How a table is written is read from the catalog once per table and writer. Safe for
 * concurrent use: the fetch threads of one worker share one writer, each writing its own slice's
 * batches as pages arrive.
 */
public final class RowWriter {
  private final DataSource dataSource;
  private final WriteMode mode;
  private final Map<String, Target> targets = new ConcurrentHashMap<>();

  /** Writes through {@code dataSource} in {@code mode}. */
  public RowWriter(DataSource dataSource, WriteMode mode) {
    this.dataSource = dataSource;
    this.mode = mode;
  }

  /**
   * A writer on a worker, through JdbcIO's per-JVM pool for {@code database} (the same pool the
   * pipeline's other database steps use).
   */
  public static RowWriter on(JdbcIO.DataSourceConfiguration database, WriteMode mode) {
    return new RowWriter(
        JdbcIO.DataSourceProviderFromDataSourceConfiguration.of(database).apply(null), mode);
  }

  /**
   * Writes {@code batch}, whose rows all belong to {@code table}, in one transaction; a resource
   * listed twice in the batch is written once (its last row).
   *
   * @return the rows written
   * @throws RowWriteException when the database refuses the batch or stays unreachable after the
   *     retries, or the thread is interrupted
   */
  public int write(String table, List<ResourceRow> batch) {
    List<ResourceRow> rows = lastPerKey(batch, TableRegistry.get(table).indexOf(Table.CQ_ID));
    try {
      RetryPolicy.inTransaction(
          dataSource,
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
    } catch (SQLException e) {
      throw new RowWriteException(table, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RowWriteException(table, e);
    }
    return rows.size();
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
    Target t = targets.get(table);
    if (t == null) {
      t = Target.read(c, TableRegistry.get(table), mode);
      Target earlier = targets.putIfAbsent(table, t);
      return earlier != null ? earlier : t;
    }
    return t;
  }

  /**
   * A batch of rows that could not be written: the run cannot record what it fetched, so this ends
   * the run (it is not one slice's failure).
   */
  public static final class RowWriteException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RowWriteException(String table, Exception cause) {
      super("writing rows to " + table + " failed: " + cause.getMessage(), cause);
    }
  }
}
