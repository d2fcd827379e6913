package dev.awsinventory.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awsinventory.testing.db.TestDatabase;
import dev.awsinventory.transforms.postgres.RetryPolicy;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** Which failures a database write retries, and that a retried transaction commits once. */
class RetryPolicyTest {
  @Test
  void transientStatesAreRetriedOthersAreNot() {
    for (String state : new String[] {"40001", "40P01", "08006", "08001", "57P01", "57P03"}) {
      assertThat(RetryPolicy.retryable(new SQLException("x", state))).as(state).isTrue();
    }
    for (String state : new String[] {"23505", "22P02", "42P01", "55000", "55P03"}) {
      assertThat(RetryPolicy.retryable(new SQLException("x", state))).as(state).isFalse();
    }
    BatchUpdateException batch =
        new BatchUpdateException("batch entry 3 was aborted", "08006", new int[0]);
    assertThat(RetryPolicy.retryable(batch)).isTrue();
    BatchUpdateException wrapped =
        new BatchUpdateException("batch entry 3 was aborted", null, new int[0]);
    wrapped.setNextException(new SQLException("deadlock detected", "40P01"));
    assertThat(RetryPolicy.retryable(wrapped)).isTrue();
  }

  @Test
  void aTransactionWhoseSessionIsTerminatedIsRunAgainAndCommitsOnce() throws Exception {
    try (TestDatabase pg = TestDatabase.start()) {
      String url = pg.newDatabase();
      TestDatabase.execute(url, "CREATE TABLE t (k int PRIMARY KEY, n int)");
      PGSimpleDataSource ds = new PGSimpleDataSource();
      ds.setUrl(url);
      ds.setUser(TestDatabase.USER);
      ds.setPassword(TestDatabase.PASSWORD);
      AtomicInteger attempts = new AtomicInteger();
      RetryPolicy.inTransaction(
          ds,
          "test",
          c -> {
            try (Statement s = c.createStatement()) {
              s.execute("INSERT INTO t VALUES (1, 1) ON CONFLICT (k) DO UPDATE SET n = t.n + 1");
              if (attempts.incrementAndGet() == 1) {
                s.execute("SELECT pg_terminate_backend(pg_backend_pid())");
              }
            }
            return null;
          });
      assertThat(attempts).hasValue(2);
      assertThat(TestDatabase.query(url, "SELECT n FROM t").get(0).get("n")).isEqualTo(1);

      AtomicInteger failing = new AtomicInteger();
      assertThatThrownBy(
              () ->
                  RetryPolicy.inTransaction(
                      ds,
                      "test",
                      c -> {
                        failing.incrementAndGet();
                        try (Statement s = c.createStatement()) {
                          s.execute("INSERT INTO t VALUES (1, 1)");
                        }
                        return null;
                      }))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("duplicate key");
      assertThat(failing).as("a constraint violation is not retried").hasValue(1);
    }
  }
}
