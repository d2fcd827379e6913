package dev.awsinventory.transforms.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which database failures a write or a stale deletion retries, and how. Both are idempotent
 * (upserts keyed on the row's key; deletion of rows older than this sync; the slice record an
 * upsert), so a transaction that failed for a transient reason is run again from the start on a
 * fresh connection:
 *
 * <ul>
 *   <li>{@code 40001} serialization_failure and {@code 40P01} deadlock_detected: PostgreSQL rolled
 *       the transaction back and asks the client to retry it;
 *   <li>class {@code 08} (connection exceptions: lost connection, socket timeout, connection
 *       refused) and {@code 57P01}..{@code 57P03} (the server shut down or restarted the session):
 *       the connection is gone; whether the commit happened is unknown, which an idempotent
 *       transaction does not need to know.
 * </ul>
 *
 * At most {@value #ATTEMPTS} attempts, with exponential backoff (0.2 s doubling, capped at 5 s,
 * plus up to 50% jitter); after that the last error is thrown and the bundle fails. Source of the
 * codes: PostgreSQL's "Errcodes" appendix.
 */
public final class RetryPolicy {
  public static final int ATTEMPTS = 6;
  private static final Logger LOG = LoggerFactory.getLogger(RetryPolicy.class);

  private RetryPolicy() {}

  /** Work done in one transaction on a connection. */
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /**
   * Runs {@code work} in a transaction and commits it, retrying as described above.
   *
   * @param what what the work does, for the log (no values, no secrets)
   * @throws SQLException the last error, when it is not transient or the attempts are used up
   */
  public static <T> T inTransaction(DataSource dataSource, String what, Work<T> work)
      throws SQLException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(false);
        try {
          T result = work.run(c);
          c.commit();
          return result;
        } catch (SQLException | RuntimeException e) {
          try {
            c.rollback();
          } catch (SQLException ignored) {
            // the connection is broken; the pool discards it
          }
          throw e;
        }
      } catch (SQLException e) {
        if (attempt >= ATTEMPTS || !retryable(e)) {
          throw e;
        }
        long wait = backoffMillis(attempt);
        LOG.warn(
            "{}: {} (SQLSTATE {}); attempt {} of {} in {} ms",
            what,
            cause(e),
            state(e),
            attempt + 1,
            ATTEMPTS,
            wait);
        Thread.sleep(wait);
      }
    }
  }

  /** Whether the failure, or one chained to it, is transient (see the class comment). */
  public static boolean retryable(SQLException e) {
    int depth = 0;
    for (Throwable t = e; t != null && depth++ < 20; t = next(t)) {
      if (t instanceof SQLException s && s.getSQLState() != null) {
        String state = s.getSQLState();
        if (state.equals("40001")
            || state.equals("40P01")
            || state.startsWith("08")
            || state.equals("57P01")
            || state.equals("57P02")
            || state.equals("57P03")) {
          return true;
        }
      }
    }
    return false;
  }

  static long backoffMillis(int attempt) {
    long base = Math.min(5000L, 200L << Math.min(attempt - 1, 10));
    return base + ThreadLocalRandom.current().nextLong(base / 2 + 1);
  }

  private static Throwable next(Throwable t) {
    if (t instanceof SQLException s && s.getNextException() != null && s.getNextException() != t) {
      return s.getNextException();
    }
    return t.getCause() == t ? null : t.getCause();
  }

  /**
   * The innermost message, on one line and at most 200 characters: a batch's own message repeats
   * the statement with its values.
   */
  private static String cause(SQLException e) {
    String message = e.getMessage();
    int depth = 0;
    for (Throwable t = next(e); t != null && depth++ < 20; t = next(t)) {
      if (t instanceof SQLException && t.getMessage() != null) {
        message = t.getMessage();
      }
    }
    message = String.valueOf(message).replace('\n', ' ');
    return message.length() <= 200 ? message : message.substring(0, 200) + "...";
  }

  private static String state(SQLException e) {
    int depth = 0;
    for (Throwable t = e; t != null && depth++ < 20; t = next(t)) {
      if (t instanceof SQLException s && s.getSQLState() != null) {
        return s.getSQLState();
      }
    }
    return "none";
  }
}
