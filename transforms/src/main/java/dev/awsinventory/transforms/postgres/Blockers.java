package dev.awsinventory.transforms.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The other sessions that hold a lock on a table, from {@code pg_locks} joined with {@code
 * pg_stat_activity}: what a DDL statement that timed out was waiting for. (Once the statement has
 * given up, {@code pg_blocking_pids} of this session is empty, so the granted locks on the table
 * are read instead; every lock conflicts with {@code ALTER TABLE}'s.)
 */
final class Blockers {
  private Blockers() {}

  /**
   * E.g. {@code session pid 4711 (application "psql", state "idle in transaction",
   * AccessShareLock)}.
   */
  static String describe(Connection c, String table) {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT l.pid, l.mode, a.application_name, a.state, "
                + "a.usename, a.client_addr, a.xact_start FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid "
                + "WHERE l.locktype = 'relation' AND l.relation = to_regclass(quote_ident(?)) AND l.granted "
                + "AND l.pid <> pg_backend_pid() ORDER BY a.xact_start NULLS LAST, l.pid")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next() && out.size() < 5) {
          out.add(
              "session pid "
                  + rs.getInt(1)
                  + " (application \""
                  + nz(rs.getString(3))
                  + "\", state \""
                  + (rs.getString(4) == null ? "not visible to this user" : rs.getString(4))
                  + "\", user "
                  + nz(rs.getString(5))
                  + (rs.getString(6) == null ? "" : ", from " + rs.getString(6))
                  + ", holding "
                  + rs.getString(2)
                  + (rs.getTimestamp(7) == null
                      ? ""
                      : ", transaction open since " + rs.getTimestamp(7).toInstant())
                  + ")");
        }
      }
    } catch (SQLException e) {
      return "another session (its details could not be read: " + e.getMessage() + ")";
    }
    return out.isEmpty() ? "another session (it has ended since)" : String.join(" and ", out);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
