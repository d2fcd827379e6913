package dev.awsinventory.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awsinventory.testing.db.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The run's work goes over the session that holds the run lock; when that session is gone (the
 * server ended it), each piece of work gets a session of its own, which ends with it.
 */
class RunSessionTest {
  private static final String OURS =
      "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
          + "AND application_name = '"
          + Database.APPLICATION
          + "'";

  @Test
  void workGoesOverTheHeldSessionAndANewOneOnlyOnceItIsGone() throws Exception {
    try (TestDatabase pg = TestDatabase.start()) {
      String url = pg.newDatabase();
      Database db = new Database(url, TestDatabase.USER, TestDatabase.PASSWORD);
      try (Connection held = db.connect()) {
        RunSession session = new RunSession(held, db);
        int heldPid = pid(held);

        assertThat(session.<Integer, RuntimeException>call(RunSessionTest::pid)).isEqualTo(heldPid);
        Connection used = session.<Connection, RuntimeException>call(c -> c);
        assertThat(used).isSameAs(held);
        assertThat(TestDatabase.count(url, OURS)).as("sessions while the held one answers").isOne();

        TestDatabase.execute(url, "SELECT pg_terminate_backend(" + heldPid + ")");

        int first = session.<Integer, RuntimeException>call(RunSessionTest::pid);
        int second = session.<Integer, RuntimeException>call(RunSessionTest::pid);
        assertThat(first).isNotEqualTo(heldPid);
        assertThat(second).isNotEqualTo(heldPid).isNotEqualTo(first);
        assertThat(TestDatabase.count(url, OURS)).as("new sessions end with their work").isZero();
      }
    }
  }

  @Test
  void theWorksOwnFailureComesThroughAndTheSessionStaysUsable() throws Exception {
    try (TestDatabase pg = TestDatabase.start()) {
      String url = pg.newDatabase();
      Database db = new Database(url, TestDatabase.USER, TestDatabase.PASSWORD);
      try (Connection held = db.connect()) {
        RunSession session = new RunSession(held, db);

        assertThatThrownBy(
                () ->
                    session.call(
                        c -> {
                          try (Statement s = c.createStatement()) {
                            return s.execute("SELECT * FROM no_such_table");
                          }
                        }))
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("no_such_table");
        assertThat(session.<Integer, RuntimeException>call(RunSessionTest::pid))
            .isEqualTo(pid(held));
      }
    }
  }

  private static int pid(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
