package dev.awsinventory.transforms.postgres;

import dev.awsinventory.transforms.model.SliceKey;
import dev.awsinventory.transforms.model.Table;
import dev.awsinventory.transforms.org.AccountStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run covered, in two sync tables: {@code aws_inventory_sync_accounts} (every account the
 * organization holds, with its state and whether it was fetched) and {@code
 * aws_inventory_sync_orphans} (rows no slice of the run covered). An orphan row is one whose
 * (table, account, region) has no slice in the run, whose account has no failed account slice
 * ({@code *}) in the run, and whose account is not a known inactive (suspended, closed ...) account
 * of the run: so rows of an account that merely failed, or is suspended, are never orphans.
 */
public final class Coverage {
  public static final String ACCOUNTS = "aws_inventory_sync_accounts";
  public static final String ORPHANS = "aws_inventory_sync_orphans";

  private Coverage() {}

  /**
   * The CREATE TABLE statements of the two sync tables the database does not have yet (run by
   * {@link Schema#ensure} with the other schema changes, so a matching database gets no DDL).
   */
  static List<String> missing(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    if (!Catalog.exists(c, ACCOUNTS)) {
      out.add(
          "CREATE TABLE IF NOT EXISTS "
              + ACCOUNTS
              + " (run_id uuid NOT NULL, account_id text NOT NULL, "
              + "account_name text, state text, disposition text NOT NULL, parent_id text, "
              + "management boolean NOT NULL DEFAULT false, detail text, "
              + "recorded_at timestamp with time zone NOT NULL DEFAULT now(), PRIMARY KEY (run_id, account_id))");
    }
    if (!Catalog.exists(c, ORPHANS)) {
      out.add(
          "CREATE TABLE IF NOT EXISTS "
              + ORPHANS
              + " (run_id uuid NOT NULL, table_name text NOT NULL, "
              + "account_id text NOT NULL, region text NOT NULL, row_count bigint NOT NULL, "
              + "last_sync_time timestamp with time zone, deleted boolean NOT NULL, "
              + "PRIMARY KEY (run_id, table_name, account_id, region))");
    }
    return out;
  }

  /** Records one account's status; re-recording (a retried bundle) replaces it. */
  static void recordAccount(Connection c, String runId, AccountStatus a) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO "
                + ACCOUNTS
                + " (run_id, account_id, "
                + "account_name, state, disposition, parent_id, management, detail) VALUES (CAST(? AS uuid), ?, ?, ?, ?, "
                + "?, ?, ?) ON CONFLICT (run_id, account_id) DO UPDATE SET account_name = EXCLUDED.account_name, "
                + "state = EXCLUDED.state, disposition = EXCLUDED.disposition, parent_id = EXCLUDED.parent_id, "
                + "management = EXCLUDED.management, detail = EXCLUDED.detail")) {
      ps.setString(1, runId);
      ps.setString(2, a.accountId());
      ps.setString(3, a.accountName());
      ps.setString(4, a.state());
      ps.setString(5, a.disposition());
      ps.setString(6, a.parentId());
      ps.setBoolean(7, a.management());
      ps.setString(8, a.detail());
      ps.executeUpdate();
    }
  }

  /** The accounts a run recorded, by account id. */
  public static List<AccountStatus> accounts(Connection c, String runId) throws SQLException {
    List<AccountStatus> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT account_id, account_name, state, disposition, "
                + "parent_id, management, detail FROM "
                + ACCOUNTS
                + " WHERE run_id = CAST(? AS uuid) ORDER BY account_id")) {
      ps.setString(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new AccountStatus(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getBoolean(6),
                  rs.getString(7)));
        }
      }
    }
    return out;
  }

  /**
   * Finds the orphan rows of the tables and, with {@code delete}, deletes exactly them, one
   * transaction per table; records them in {@link #ORPHANS} either way.
   */
  public static List<Orphan> orphans(
      Connection c, String runId, String sourceName, List<Table<?>> tables, boolean delete)
      throws SQLException {
    List<Orphan> out = new ArrayList<>();
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      for (Table<?> t : tables) {
        if (!exists(c, t.name())) {
          continue;
        }
        List<Orphan> found = new ArrayList<>();
        try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT t.account_id, t.region, count(*), "
                    + "max(t._cq_sync_time) FROM "
                    + Sql.quote(t.name())
                    + " t WHERE "
                    + uncovered()
                    + " GROUP BY t.account_id, t.region ORDER BY t.account_id, t.region")) {
          bind(ps, runId, sourceName, t.name());
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              java.sql.Timestamp last = rs.getTimestamp(4);
              found.add(
                  new Orphan(
                      t.name(),
                      rs.getString(1),
                      rs.getString(2),
                      rs.getLong(3),
                      last == null ? null : last.toInstant().toString(),
                      delete));
            }
          }
        }
        if (delete && !found.isEmpty()) {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "DELETE FROM " + Sql.quote(t.name()) + " t WHERE " + uncovered())) {
            bind(ps, runId, sourceName, t.name());
            ps.executeUpdate();
          }
        }
        for (Orphan o : found) {
          record(c, runId, o);
        }
        c.commit();
        out.addAll(found);
      }
    } catch (SQLException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(autoCommit);
    }
    return out;
  }

  /** Whether a run has an account slice without an account id: its rows cannot be told apart. */
  public static boolean hasUnknownAccount(Connection c, String runId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT 1 FROM "
                + SyncTables.SLICES
                + " WHERE run_id = CAST(? AS uuid) AND account_id = ''")) {
      ps.setString(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static String uncovered() {
    return "t._cq_source_name = ? AND NOT EXISTS (SELECT 1 FROM "
        + SyncTables.SLICES
        + " s "
        + "WHERE s.run_id = CAST(? AS uuid) AND s.account_id = t.account_id AND (s.table_name = '"
        + SliceKey.ALL
        + "' OR (s.table_name = ? AND (s.region = t.region OR s.region = '"
        + SliceKey.ALL
        + "')))) AND NOT EXISTS (SELECT 1 FROM "
        + ACCOUNTS
        + " a WHERE a.run_id = CAST(? AS uuid) "
        + "AND a.account_id = t.account_id AND a.disposition = '"
        + AccountStatus.NOT_ACTIVE
        + "')";
  }

  private static void bind(PreparedStatement ps, String runId, String sourceName, String table)
      throws SQLException {
    ps.setString(1, sourceName);
    ps.setString(2, runId);
    ps.setString(3, table);
    ps.setString(4, runId);
  }

  private static void record(Connection c, String runId, Orphan o) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO "
                + ORPHANS
                + " (run_id, table_name, account_id, "
                + "region, row_count, last_sync_time, deleted) VALUES (CAST(? AS uuid), ?, ?, ?, ?, "
                + "CAST(? AS timestamp with time zone), ?) ON CONFLICT DO NOTHING")) {
      ps.setString(1, runId);
      ps.setString(2, o.table());
      ps.setString(3, o.accountId());
      ps.setString(4, o.region());
      ps.setLong(5, o.rows());
      ps.setString(6, o.lastSyncTime());
      ps.setBoolean(7, o.deleted());
      ps.executeUpdate();
    }
  }

  private static boolean exists(Connection c, String table) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      ps.setString(1, Sql.quote(table));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }
}
