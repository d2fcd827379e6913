package dev.awsinventory.pipeline;

import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver's database session during a run: the session that holds the run lock ({@link
 * dev.awsinventory.transforms.postgres.SourceLock}) also creates the schema, records the run,
 * serves the progress lines and reads the outcome, so the driver logs in once for all of that. A
 * login costs the server a new process and the client the SCRAM-SHA-256 key derivation (PBKDF2 with
 * the server's 4,096 rounds: about 20 ms of CPU); a small run paid it five times on the driver.
 *
 * <p>When the held session no longer answers ({@link Connection#isValid}, e.g. the database
 * restarted during the run), from then on each piece of work gets a new session of its own, closed
 * after it, so a run whose lock session died still records its outcome; a warning, logged once,
 * says that the run may have lost its lock. A piece of work that fails because the session ended
 * between that check and its statements is not run again (not every piece is idempotent): its error
 * is the caller's. Work runs one piece at a time: the progress timer and the main thread never use
 * the session together.
 */
final class RunSession {
  /** Seconds to wait for the held session to answer before using a new one. */
  private static final int CHECK_SECONDS = 5;

  private static final Logger LOG = LoggerFactory.getLogger(RunSession.class);

  /**
   * Database work on a session, which it must leave as it found it (auto-commit, settings).
   *
   * @param <E> a checked exception of the work's own, besides {@link SQLException}
   */
  interface Work<T, E extends Exception> {
    T apply(Connection session) throws SQLException, E;
  }

  private final Database db;
  private final Connection held;
  private boolean heldLost;

  /**
   * @param held the lock's session; it stays owned by the lock, which closes it
   * @param db where a new session comes from when {@code held} no longer answers
   */
  RunSession(Connection held, Database db) {
    this.held = held;
    this.db = db;
  }

  /** Where the run's rows go. */
  Database database() {
    return db;
  }

  /**
   * Runs {@code work} on the held session, or on a new one when the held session no longer answers.
   *
   * @throws SQLException the work failed, or no new session could be opened
   * @throws E the work's own exception
   */
  synchronized <T, E extends Exception> T call(Work<T, E> work) throws SQLException, E {
    if (!heldLost && held.isValid(CHECK_SECONDS)) {
      return work.apply(held);
    }
    if (!heldLost) {
      heldLost = true;
      LOG.warn(
          "the database session holding the run lock does not answer; the run goes on over new"
              + " sessions, and if that one has ended, without the lock: another run of this source"
              + " may start before this one ends");
    }
    try (Connection fresh = db.connect()) {
      return work.apply(fresh);
    }
  }
}
