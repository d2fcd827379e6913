package dev.awsinventory.pipeline;

import dev.awsinventory.config.InventoryConfig;
import dev.awsinventory.config.OrgConfig;
import dev.awsinventory.transforms.model.Table;
import dev.awsinventory.transforms.org.AccountStatus;
import dev.awsinventory.transforms.postgres.Coverage;
import dev.awsinventory.transforms.postgres.Orphan;
import dev.awsinventory.transforms.postgres.SyncTables;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * After a run that finished: reads back what account discovery decided, makes a discovery that
 * failed entirely a fatal error, finds (and with {@code --delete-orphans} deletes) the orphan rows,
 * and adds all of it to the summary.
 */
final class OrgRun {
  private OrgRun() {}

  static Summary cover(
      Connection c,
      Summary summary,
      String runId,
      InventoryConfig config,
      List<Table<?>> tables,
      boolean deleteOrphans)
      throws SQLException {
    List<AccountStatus> accounts = Coverage.accounts(c, runId);
    for (AccountStatus a : accounts) {
      if (AccountStatus.DISCOVERY_FAILED.equals(a.disposition())) {
        return Summary.builder(runId)
            .fatal("organization discovery failed: " + a.detail())
            .seconds(summary.seconds())
            .build();
      }
    }
    Summary s = summary;
    if (config.org().isPresent()) {
      int fetched =
          (int)
              accounts.stream().filter(a -> AccountStatus.FETCHED.equals(a.disposition())).count();
      s = Summary.of(runId, SyncTables.slices(c, runId), fetched, summary.seconds());
    }
    String note = null;
    List<Orphan> orphans = List.of();
    if (Coverage.hasUnknownAccount(c, runId)) {
      note = "an account's id could not be found, so its rows cannot be told from orphans";
    } else {
      orphans = Coverage.orphans(c, runId, config.sourceName(), tables, deleteOrphans);
    }
    return s.withCoverage(
        new CoverageReport(
            accounts,
            CoverageReport.failedAccounts(s.failed()),
            config.org().map(OrgConfig::memberRoleName).orElse(null),
            orphans,
            note));
  }
}
