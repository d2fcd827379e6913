package dev.awsinventory.pipeline;

import dev.awsinventory.transforms.fetch.Errors;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Locale;

/**
 * One line saying why the database could not be used, told apart by the error's SQLSTATE
 * (PostgreSQL's "Appendix A. PostgreSQL Error Codes"; the driver's own states are pgjdbc's {@code
 * PSQLState}), so that a refused login or a missing database is not reported as an unreachable
 * server:
 *
 * <ul>
 *   <li>class 28 (invalid authorization: a wrong password, no {@code pg_hba.conf} entry) and the
 *       driver's 08004 (it refused to connect) when about a password or authentication (the server
 *       asked for a password and none was given): the login was refused;
 *   <li>the driver's 08004 otherwise (e.g. {@code sslmode=require} against a server without SSL):
 *       the connection was refused, its settings to check;
 *   <li>3D000 (invalid catalog name): the database does not exist;
 *   <li>class 08 (connection exception: no server at that address, a timeout, a host name not
 *       found, which is named) or none: unreachable;
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
    String message = Errors.redact(oneLine(String.valueOf(e.getMessage())) + unknownHost(e));
    boolean aboutLogin = message.toLowerCase(Locale.ROOT).matches(".*(password|authenticat).*");
    if (state.startsWith("28") || (state.equals("08004") && aboutLogin)) {
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
    if (state.equals("08004")) {
      return "database at "
          + db.jdbcUrl()
          + " refused the connection: "
          + message
          + "; check the connection's settings (sslmode and the other parameters) in "
          + where;
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

  /** {@code " (host name not found: h)"} if a cause of {@code e} says so, else empty. */
  private static String unknownHost(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof UnknownHostException) {
        return " (host name not found: " + t.getMessage() + ")";
      }
    }
    return "";
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s*\\R\\s*", " ").trim();
  }
}
