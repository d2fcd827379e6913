package dev.awsinventory.transforms.postgres;

import dev.awsinventory.config.PkMode;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the database to the tables' shape before a run, on the driver. It reads the catalog first
 * and checks every table before any DDL; then it creates missing tables (with their slice index)
 * and adds missing columns, and nothing else: when the catalog already matches, no DDL runs at all,
 * so a run never waits for a lock that a dashboard or {@code pg_dump} holds. A column whose type
 * cannot be written, or a key that cannot be upserted, is refused (see {@link Target}); nothing is
 * ever dropped or retyped.
 *
 * <p>The DDL runs in one transaction (all of it or none), each statement with {@code lock_timeout}:
 * when another session keeps a table locked longer, the run fails with a {@link SchemaException}
 * that names the table and the sessions holding it (from {@code pg_locks} and {@code
 * pg_stat_activity}). Meanwhile other sessions' queries queue behind the waiting DDL for at most
 * that long.
 */
public final class Schema {
  /** Default of {@code lock_timeout} for the DDL. */
  public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(10);

  /**
   * The advisory lock (bigint key, "AWSISCHM") that serializes schema changes of concurrent runs.
   */
  static final long SCHEMA_LOCK = 0x415753495343484DL;

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
  public static Map<String, Target> ensure(
      Connection c, List<Table<?>> tables, WriteMode mode, PkMode pkMode, Duration lockTimeout)
      throws SQLException, SchemaException {
    Map<Table<?>, Catalog> catalogs = read(c, tables, mode);
    if (!plan(c, catalogs, mode, pkMode).isEmpty()) {
      change(c, tables, mode, pkMode, lockTimeout);
      catalogs = read(c, tables, mode);
    }
    Map<String, Target> out = new LinkedHashMap<>();
    for (Map.Entry<Table<?>, Catalog> e : catalogs.entrySet()) {
      Table<?> t = e.getKey();
      Target target = Target.of(t, e.getValue(), mode);
      if (!target.strategy().startsWith("upsert on its primary key")) {
        LOG.info("{}: {}", t.name(), target.strategy());
      }
      if (!e.getValue().sliceIndex()) {
        LOG.info(
            "{} has no index on (account_id, region); its stale deletion scans the table. To make it "
                + "cheap, run once: CREATE INDEX CONCURRENTLY {} ON {} (account_id, region)",
            t.name(),
            Sql.quote(t.name() + "_slice"),
            Sql.quote(t.name()));
      }
      out.put(t.name(), target);
    }
    return out;
  }

  /**
   * For {@code --plan}: checks the tables as {@link #ensure} does and runs the DDL a run would make
   * in the caller's transaction, without committing, so that the caller rolls it back.
   *
   * @param c a connection with auto-commit off
   * @return the number of DDL statements run
   * @throws SchemaException a table cannot be written as it is
   * @throws SQLException the database failed, or refused a statement (such as 42501, no privilege)
   */
  public static int trial(Connection c, List<Table<?>> tables, WriteMode mode, PkMode pkMode)
      throws SQLException, SchemaException {
    if (c.getAutoCommit()) {
      throw new IllegalArgumentException("the schema trial needs a transaction: auto-commit is on");
    }
    List<Ddl> ddl = plan(c, read(c, tables, mode), mode, pkMode);
    try (Statement s = c.createStatement()) {
      for (Ddl d : ddl) {
        s.execute(d.sql());
      }
    }
    return ddl.size();
  }

  /**
   * Reads every table's catalog and checks that the table can be written (missing columns aside).
   */
  private static Map<Table<?>, Catalog> read(Connection c, List<Table<?>> tables, WriteMode mode)
      throws SQLException, SchemaException {
    Map<Table<?>, Catalog> catalogs = new LinkedHashMap<>();
    for (Table<?> t : tables) {
      Catalog catalog = Catalog.read(c, t.name());
      if (catalog.exists()) {
        Target.of(t, catalog, mode);
      }
      catalogs.put(t, catalog);
    }
    return catalogs;
  }

  /** The DDL that would complete the database: missing tables (with their index) and columns. */
  private static List<Ddl> plan(
      Connection c, Map<Table<?>, Catalog> catalogs, WriteMode mode, PkMode pkMode)
      throws SQLException {
    List<Ddl> ddl = new ArrayList<>();
    SyncTables.missing(c).forEach(sql -> ddl.add(syncTable(sql)));
    Coverage.missing(c).forEach(sql -> ddl.add(syncTable(sql)));
    for (Map.Entry<Table<?>, Catalog> e : catalogs.entrySet()) {
      Table<?> t = e.getKey();
      Catalog catalog = e.getValue();
      if (!catalog.exists()) {
        ddl.add(new Ddl(t.name(), "creating table " + t.name(), Sql.createTable(t, mode, pkMode)));
        ddl.add(new Ddl(t.name(), "creating index " + t.name() + "_slice", Sql.sliceIndex(t)));
        continue;
      }
      for (Column col : t.columns()) {
        if (!catalog.columns().containsKey(col.name())) {
          String sql = Sql.addColumn(t, col.name(), Target.addType(col, catalog));
          ddl.add(new Ddl(t.name(), sql, sql));
        }
      }
    }
    return ddl;
  }

  /**
   * Runs the DDL in one transaction, so it all happens or none of it: under a transaction-level
   * advisory lock that serializes runs changing the same database (two sources starting on an empty
   * database), planned again once that lock is held, each statement waiting at most {@code
   * lockTimeout} for its lock.
   */
  private static void change(
      Connection c, List<Table<?>> tables, WriteMode mode, PkMode pkMode, Duration lockTimeout)
      throws SQLException, SchemaException {
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    Ddl current = null;
    try (Statement s = c.createStatement()) {
      s.execute("SET LOCAL lock_timeout = " + Math.max(1, lockTimeout.toMillis()));
      s.execute("SELECT pg_advisory_xact_lock(" + SCHEMA_LOCK + ")");
      for (Ddl d : plan(c, read(c, tables, mode), mode, pkMode)) {
        current = d;
        LOG.info("{}", d.what());
        s.execute(d.sql());
      }
      c.commit();
    } catch (SQLException e) {
      c.rollback();
      if (!"55P03".equals(e.getSQLState())) {
        throw e;
      }
      if (current == null) {
        throw new SchemaException(
            "another run has been changing the tables of this database for more than "
                + lockTimeout.toSeconds()
                + " s (lock_timeout); nothing was changed, run again when it is done");
      }
      if (current.table() == null) {
        throw e;
      }
      throw new SchemaException(
          "table "
              + current.table()
              + " stayed locked for more than "
              + lockTimeout.toSeconds()
              + " s (lock_timeout) by "
              + Blockers.describe(c, current.table())
              + "; nothing was changed. End that transaction, or run the statement later: "
              + current.sql());
    } catch (SchemaException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  private record Ddl(String table, String what, String sql) {}

  private static final Pattern CREATED = Pattern.compile("CREATE TABLE IF NOT EXISTS (\\w+)");

  /** A sync table's CREATE TABLE, logged with the table's name. */
  private static Ddl syncTable(String sql) {
    Matcher m = CREATED.matcher(sql);
    return new Ddl(null, m.find() ? "creating sync table " + m.group(1) : sql, sql);
  }
}
