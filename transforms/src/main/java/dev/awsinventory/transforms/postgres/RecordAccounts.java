package dev.awsinventory.transforms.postgres;

import dev.awsinventory.transforms.model.SyncRun;
import dev.awsinventory.transforms.org.AccountStatus;
import java.sql.Connection;
import java.sql.SQLException;
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
  public void process(@Element AccountStatus status) throws SQLException {
    try (Connection c = dataSource().getConnection()) {
      c.setAutoCommit(false);
      Coverage.recordAccount(c, run.runId(), status);
      c.commit();
    }
  }
}
