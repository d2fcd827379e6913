package dev.awsinventory.transforms.postgres;

import dev.awsinventory.transforms.model.SyncRun;
import dev.awsinventory.transforms.org.AccountStatus;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.apache.beam.sdk.io.jdbc.JdbcIO;

/** Records what discovery decided for each account in {@link Coverage#ACCOUNTS}. */
public final class RecordAccounts extends DatabaseFn<AccountStatus> {
  private final SyncRun run;

  /** Records in {@code database} under {@code run}'s id. */
  public RecordAccounts(JdbcIO.DataSourceConfiguration database, SyncRun run) {
    super(database);
    this.run = run;
  }

  @ProcessElement
  public void process(@Element AccountStatus status) throws SQLException, InterruptedException {
    record(dataSource(), run.runId(), status);
  }

  /**
   * Records {@code status} under {@code runId}, in one transaction retried per {@link RetryPolicy}
   * (an upsert keyed on run and account).
   *
   * @throws SQLException the last error, when it is not transient or the attempts are used up
   */
  static void record(DataSource dataSource, String runId, AccountStatus status)
      throws SQLException, InterruptedException {
    RetryPolicy.inTransaction(
        dataSource,
        "recording an account's status",
        c -> {
          Coverage.recordAccount(c, runId, status);
          return null;
        });
  }
}
