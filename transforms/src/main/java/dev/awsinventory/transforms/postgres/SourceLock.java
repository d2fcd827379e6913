package dev.awsinventory.transforms.postgres;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps two runs of one source from interleaving: a session-level PostgreSQL advisory lock ({@code
 * pg_try_advisory_lock(bigint)}) on a hash of the source name, held on one dedicated session for
 * the whole run and released at its end (or by the server when the session ends, e.g. when the
 * process is killed). Runs of different sources (CloudQuery's shard pattern: one source name per
 * shard) take different locks and proceed side by side.
 *
 * <p>The holding session calls itself {@code aws-inventory@<host>} (its {@code application_name}),
 * so that a refused run can say where the other one runs and, from {@code
 * pg_stat_activity.backend_start}, since when.
 */
public final class SourceLock implements AutoCloseable {
  /** The application name prefix of a holding session. */
  public static final String APPLICATION = "aws-inventory@";

  private static final Logger LOG = LoggerFactory.getLogger(SourceLock.class);

  private final Connection session;
  private final long key;

  private SourceLock(Connection session, long key) {
    this.session = session;
    this.key = key;
  }

  /**
   * Takes the lock of {@code sourceName} on {@code session} (which the lock then owns and closes),
   * trying every second for up to {@code wait}.
   *
   * @param host the name of this machine, shown to a run that is refused
   * @throws Busy another session holds it after {@code wait}; its message names the source, when
   *     the holder started and its host
   * @throws SQLException the database failed (the session is closed)
   */
  public static SourceLock acquire(
      Connection session, String sourceName, String host, Duration wait)
      throws SQLException, Busy, InterruptedException {
    long key = key(sourceName);
    try {
      session.setAutoCommit(true);
      try (PreparedStatement ps =
          session.prepareStatement("SELECT set_config('application_name', ?, false)")) {
        ps.setString(1, truncate(APPLICATION + host, 63));
        ps.execute();
      }
      long deadline = System.nanoTime() + wait.toNanos();
      while (!tryLock(session, key)) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new Busy(
              "another run of source "
                  + sourceName
                  + " is in progress ("
                  + holder(session, key)
                  + "); wait for it to end, or give --wait-for-lock=<seconds>");
        }
        Thread.sleep(Math.min(1000, Math.max(1, left / 1_000_000)));
      }
      return new SourceLock(session, key);
    } catch (SQLException | Busy | InterruptedException | RuntimeException e) {
      session.close();
      throw e;
    }
  }

  /**
   * The holding session, for the holder's own statements while it holds the lock; it stays owned by
   * this lock (callers must not close it, nor leave it outside auto-commit mode).
   */
  public Connection session() {
    return session;
  }

  /** A stable 64-bit key: the first 8 bytes of SHA-256 of the source name. */
  static long key(String sourceName) {
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256")
              .digest(("aws-inventory source " + sourceName).getBytes(StandardCharsets.UTF_8));
      long k = 0;
      for (int i = 0; i < 8; i++) {
        k = (k << 8) | (h[i] & 0xff);
      }
      return k;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean tryLock(Connection c, long key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
      ps.setLong(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  /** "started at ..., host ..., pid ..." of the session holding the key, from pg_locks. */
  private static String holder(Connection c, long key) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT a.pid, a.application_name, a.backend_start, "
                + "a.client_addr FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' "
                + "AND l.granted AND l.objsubid = 1 AND l.classid::bigint = ? AND l.objid::bigint = ? "
                + "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
      ps.setLong(1, key >>> 32);
      ps.setLong(2, key & 0xffffffffL);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return "it has just ended";
        }
        String app = rs.getString(2);
        String host =
            app != null && app.startsWith(APPLICATION)
                ? app.substring(APPLICATION.length())
                : rs.getString(4) != null ? rs.getString(4) : "unknown (local connection)";
        return "started at "
            + rs.getTimestamp(3).toInstant()
            + ", host "
            + host
            + ", database session pid "
            + rs.getInt(1);
      }
    }
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  /**
   * Releases the lock and ends the session; a failure is logged (the server releases it anyway).
   */
  @Override
  public void close() {
    try (Connection c = session;
        PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      ps.setLong(1, key);
      ps.execute();
    } catch (SQLException e) {
      LOG.warn("releasing the run lock: {} (the lock ends with the session)", e.getMessage());
    }
  }

  /** Another run of the same source holds the lock. */
  public static final class Busy extends Exception {
    Busy(String message) {
      super(message);
    }
  }
}
