package dev.awsinventory.transforms.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsinventory.config.AccountConfig;
import dev.awsinventory.config.WriteMode;
import dev.awsinventory.testing.db.TestDatabase;
import dev.awsinventory.transforms.fetch.FetchTask;
import dev.awsinventory.transforms.model.CallCounts;
import dev.awsinventory.transforms.model.SliceKey;
import dev.awsinventory.transforms.model.SliceOutcome;
import dev.awsinventory.transforms.org.AccountStatus;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Every step that writes to the database runs its work under {@link RetryPolicy}: given a
 * connection whose session the server has ended (an administrator's {@code pg_terminate_backend}, a
 * restart), the progress records and the account records are written on the next connection instead
 * of failing the pipeline.
 */
class StepRetryTest {
  private static final String ACCOUNT = "123456789012";
  private static TestDatabase pg;

  @BeforeAll
  static void start() {
    pg = TestDatabase.start();
  }

  @AfterAll
  static void stop() throws Exception {
    pg.close();
  }

  @Test
  void plannedSlicesAreRecordedOnTheNextConnection() throws Exception {
    String url = database();
    AtomicInteger handedOut = new AtomicInteger();
    FetchTask task =
        new FetchTask(
            AccountConfig.defaultChain(),
            ACCOUNT,
            "aws",
            "eu-west-1",
            "aws_ec2_images",
            false,
            List.of("aws_ec2_image_launch_permissions"));

    ProgressTable.recordPlanned(
        firstSessionEnded(url, handedOut), UUID.randomUUID().toString(), task);

    assertThat(handedOut).hasValue(2);
    assertThat(
            TestDatabase.count(
                url, "SELECT count(*) FROM " + ProgressTable.NAME + " WHERE status = 'planned'"))
        .isEqualTo(2);
  }

  @Test
  void aSlicesOutcomeIsRecordedOnTheNextConnection() throws Exception {
    String url = database();
    AtomicInteger handedOut = new AtomicInteger();
    SliceOutcome ok =
        SliceOutcome.ok(
            SliceKey.regional("aws_ec2_vpcs", ACCOUNT, "us-east-1"),
            "a",
            CallCounts.NONE.withResources(3).withPages(1).withDurationMs(5));

    ProgressTable.recordOutcome(
        firstSessionEnded(url, handedOut), UUID.randomUUID().toString(), ok);

    assertThat(handedOut).hasValue(2);
    assertThat(
            TestDatabase.count(
                url,
                "SELECT count(*) FROM "
                    + ProgressTable.NAME
                    + " WHERE status = 'ok' AND resources = 3"))
        .isEqualTo(1);
  }

  @Test
  void anAccountsStatusIsRecordedOnTheNextConnection() throws Exception {
    String url = database();
    AtomicInteger handedOut = new AtomicInteger();
    AccountStatus status =
        new AccountStatus(ACCOUNT, "prod", "ACTIVE", AccountStatus.FETCHED, "ou-1", false, null);

    RecordAccounts.record(firstSessionEnded(url, handedOut), UUID.randomUUID().toString(), status);

    assertThat(handedOut).hasValue(2);
    assertThat(TestDatabase.count(url, "SELECT count(*) FROM " + Coverage.ACCOUNTS)).isEqualTo(1);
  }

  /** A new database with the sync tables. */
  private static String database() throws Exception {
    String url = pg.newDatabase();
    try (Connection c =
        DriverManager.getConnection(url, TestDatabase.USER, TestDatabase.PASSWORD)) {
      Schema.ensure(c, List.of(), WriteMode.OVERWRITE_DELETE_STALE);
    }
    return url;
  }

  /**
   * A data source whose first connection comes with its session already ended by the server; {@code
   * handedOut} counts the connections given.
   */
  private static DataSource firstSessionEnded(String url, AtomicInteger handedOut) {
    PGSimpleDataSource ds =
        new PGSimpleDataSource() {
          private static final long serialVersionUID = 1L;

          @Override
          public Connection getConnection() throws SQLException {
            Connection c = super.getConnection();
            if (handedOut.incrementAndGet() == 1) {
              try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_terminate_backend(pg_backend_pid())");
              } catch (SQLException expected) {
                // the server ends the session while answering
              }
            }
            return c;
          }
        };
    ds.setUrl(url);
    ds.setUser(TestDatabase.USER);
    ds.setPassword(TestDatabase.PASSWORD);
    return ds;
  }
}
