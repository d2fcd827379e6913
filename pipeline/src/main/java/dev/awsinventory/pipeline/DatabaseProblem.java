package dev.awsinventory.pipeline;

import dev.awsinventory.transforms.fetch.Errors;
import java.sql.SQLException;

/**
 * One line saying why the database could not be used, told apart by the error's SQLSTATE
 * (PostgreSQL's "Appendix A. PostgreSQL Error Codes"; the driver's own states are pgjdbc's {@code
 * PSQLState}), so that a refused login or a missing database is not reported as an unreachable
 * server:
 *
 * <ul>
 *   <li>class 28 (invalid authorization: a wrong password, no {@code pg_hba.conf} entry) and the
 *       driver's 08004 (it refused to connect, e.g. the server asked for a password and none was
 *       given): the login was refused;
 *   <li>3D000 (invalid catalog name): the database does not exist;
 *   <li>class 08 (connection exception: no server at that address, a timeout) or none: unreachable;
 *   <li>anything else (a statement refused: no privilege, a lock timeout): the server's error.
 * </ul>
 *
 * The server's message is kept, on one line and {@linkplain Errors#redact redacted}.
 */
final class DatabaseProblem {
  private DatabaseProblem() {}

  /**
   * What went wrong with {@code db}, and what to check.
   *
   * @param where where the connection is configured, e.g. the config file, for the hint
   * @return e.g. {@code database at jdbc:postgresql://db:5432/inventory refused the login of user
   *     inventory: FATAL: password authentication failed ...; check the user and its password
   *     (config, PGPASSWORD or ~/.pgpass)}
   */
  static String of(Database db, SQLException e, String where) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String message = Errors.redact(oneLine(String.valueOf(e.getMessage())));
    if (state.startsWith("28") || state.equals("08004")) {
      return "database at "
          + db.jdbcUrl()
          + " refused the login of user "
          + (db.user() == null ? "(none given)" : db.user())
          + ": "
          + message
          + "; check the user and its password ("
          + where
          + ", PGPASSWORD or ~/.pgpass)";
    }
    if (state.equals("3D000")) {
      return "database at "
          + db.jdbcUrl()
          + " does not exist: "
          + message
          + "; create it, or name another in "
          + where;
    }
    if (!state.isEmpty() && !state.startsWith("08")) {
      return "database at " + db.jdbcUrl() + ": " + message;
    }
    return "database unreachable at "
        + db.jdbcUrl()
        + ": "
        + message
        + "; check the connection in "
        + where
        + " and that PostgreSQL is running";
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s*\\R\\s*", " ").trim();
  }
}
