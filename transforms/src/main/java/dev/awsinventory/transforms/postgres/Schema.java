package dev.awsinventory.transforms.postgres;

import dev.awsinventory.config.WriteMode;
import dev.awsinventory.transforms.model.Column;
import dev.awsinventory.transforms.model.Table;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the database to the tables' shape before a run, on the driver. It reads the catalog
 * first and checks every table before any DDL; then it creates missing tables (with their
 * slice index) and adds missing columns, and nothing else: when the catalog already matches,
 * no DDL runs at all, so a run never waits for a lock that a dashboard or {@code pg_dump}
 * holds. A column whose type cannot be written, or a key that cannot be upserted, is refused
 * (see {@link Target}); nothing is ever dropped or retyped.
 *
 * <p>DDL runs with {@code lock_timeout}: when another session keeps the table locked longer,
 * the run fails with a {@link SchemaException} that names the table and the sessions holding
 * it (from {@code pg_locks} and {@code pg_stat_activity}). Meanwhile other sessions' queries
 * queue behind the waiting DDL for at most that long.
 */
public final class Schema {
  /** Default of {@code lock_timeout} for the DDL. */
  public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(10);
  private static final Logger LOG = LoggerFactory.getLogger(Schema.class);

  private Schema() {}

  /** As {@link #ensure(Connection, List, WriteMode, PkMode, Duration)} with the defaults. */
  public static Map<String, Target> ensure(Connection c, List<Table<?>> tables, WriteMode mode)
      throws SQLException, SchemaException {
    return ensure(c, tables, mode, PkMode.DEFAULT, DEFAULT_LOCK_TIMEOUT);
  }

  /**
   * Checks, then creates or completes, the sync tables and {@code tables}.
   *
   * @param pkMode the key of tables created now (existing tables keep theirs)
   * @param lockTimeout how long one DDL statement may wait for its table lock
   * @return how each table is written, by table name
   * @throws SchemaException a table cannot be written as it is, or stayed locked too long
   * @throws SQLException the database failed otherwise
   */
  public static Map<String, Target> ensure(Connection c, List<Table<?>> tables, WriteMode mode,
      PkMode pkMode, Duration lockTimeout) throws SQLException, SchemaException {
    Map<Table<?>, Catalog> catalogs = new LinkedHashMap<>();
    for (Table<?> t : tables) {
      Catalog catalog = Catalog.read(c, t.name());
      if (catalog.exists()) {
        Target.of(t, catalog, mode);
      }
      catalogs.put(t, catalog);
    }
    List<Ddl> ddl = new ArrayList<>();
    SyncTables.missing(c).forEach(sql -> ddl.add(new Ddl(null, sql)));
    for (Map.Entry<Table<?>, Catalog> e : catalogs.entrySet()) {
      Table<?> t = e.getKey();
      Catalog catalog = e.getValue();
      if (!catalog.exists()) {
        ddl.add(new Ddl(t.name(), Sql.createTable(t, mode, pkMode)));
        ddl.add(new Ddl(t.name(), Sql.sliceIndex(t)));
        continue;
      }
      for (Column col : t.columns()) {
        if (!catalog.columns().containsKey(col.name())) {
          ddl.add(new Ddl(t.name(), Sql.addColumn(t, col.name(), Target.addType(col, catalog))));
        }
      }
      if (!catalog.sliceIndex()) {
        LOG.info("{} has no index on (account_id, region); its stale deletion scans the table. To make it "
            + "cheap, run once: CREATE INDEX CONCURRENTLY {} ON {} (account_id, region)", t.name(),
            Sql.quote(t.name() + "_slice"), Sql.quote(t.name()));
      }
    }
    if (!ddl.isEmpty()) {
      run(c, ddl, lockTimeout);
    }
    Map<String, Target> out = new LinkedHashMap<>();
    for (Table<?> t : tables) {
      Catalog catalog = catalogs.get(t);
      Target target = Target.of(t, catalog.exists() && !needsDdl(t, catalog) ? catalog : Catalog.read(c, t.name()), mode);
      if (!target.strategy().startsWith("upsert on its primary key")) {
        LOG.info("{}: {}", t.name(), target.strategy());
      }
      out.put(t.name(), target);
    }
    return out;
  }

  private static boolean needsDdl(Table<?> t, Catalog catalog) {
    return t.columns().stream().anyMatch(col -> !catalog.columns().containsKey(col.name()));
  }

  private static void run(Connection c, List<Ddl> ddl, Duration lockTimeout) throws SQLException, SchemaException {
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(true);
    try (Statement s = c.createStatement()) {
      s.execute("SET lock_timeout = " + Math.max(1, lockTimeout.toMillis()));
      for (Ddl d : ddl) {
        LOG.info("{}", d.sql());
        try {
          s.execute(d.sql());
        } catch (SQLException e) {
          if (!"55P03".equals(e.getSQLState()) || d.table() == null) {
            throw e;
          }
          throw new SchemaException("table " + d.table() + " stayed locked for more than "
              + lockTimeout.toSeconds() + " s (lock_timeout) by " + Blockers.describe(c, d.table())
              + "; nothing was changed. End that transaction, or run the statement later: " + d.sql());
        }
      }
    } finally {
      try (Statement s = c.createStatement()) {
        s.execute("RESET lock_timeout");
      }
      c.setAutoCommit(autoCommit);
    }
  }

  private record Ddl(String table, String sql) {}
}
