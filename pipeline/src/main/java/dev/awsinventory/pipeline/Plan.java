package dev.awsinventory.pipeline;

import dev.awsinventory.config.AccountConfig;
import dev.awsinventory.config.InventoryConfig;
import dev.awsinventory.transforms.aws.AwsClients;
import dev.awsinventory.transforms.aws.AwsSettings;
import dev.awsinventory.transforms.fetch.Errors;
import dev.awsinventory.transforms.model.Column;
import dev.awsinventory.transforms.model.Scope;
import dev.awsinventory.transforms.model.Table;
import dev.awsinventory.transforms.org.AccountStatus;
import dev.awsinventory.transforms.org.DiscoverAccounts;
import dev.awsinventory.transforms.org.OrgDiscovery;
import dev.awsinventory.transforms.postgres.Schema;
import dev.awsinventory.transforms.postgres.SchemaException;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code --plan}: resolves everything a run would (config, credentials, AssumeRole per account,
 * DescribeRegions; with an {@code org} block, the organization discovery of a run, done here on the
 * driver, then AssumeRole and DescribeRegions per member it would fetch) and checks the database
 * (reachable, privileges, the schema changes a run would make, tried in a transaction that is
 * rolled back), then prints the organization's accounts and their dispositions, accounts x regions
 * x tables, the slice count and the calls to expect. Fetches and writes nothing. The same checks as
 * CloudQuery's {@code test-connection} and {@code validate-config}.
 */
final class Plan {
  private Plan() {}

  /** The exit code: 0 if a run could proceed (every account and the database ok), 1 otherwise. */
  static int run(
      InventoryConfig config,
      List<Table<?>> tables,
      AwsSettings aws,
      Database db,
      String embeddedDir,
      PrintStream out,
      PrintStream err) {
    out.println("Plan for " + config.file() + " (nothing is fetched or written)");
    List<AccountConfig> configured = Preflight.accountsToCheck(config);
    List<Preflight.Account> accounts;
    List<String> problems = new ArrayList<>();
    int perOrganization = 0;
    AwsClients clients = AwsClients.acquire(aws);
    try {
      accounts = Preflight.resolve(clients, configured, config.regions());
      if (config.org().isPresent() && accounts.get(0).ok()) {
        // the same discovery a run makes on a worker; its members are then checked like listed
        // accounts
        OrgDiscovery.Result found =
            OrgDiscovery.discover(
                clients,
                aws,
                config.org().get(),
                count(tables, Scope.ORGANIZATION) > 0,
                DiscoverAccounts.DEFAULT_PACE);
        if (found.failed()) {
          out.println(
              "Organization of admin account "
                  + accounts.get(0).label()
                  + ": discovery FAILED: "
                  + found.error());
          problems.add("organization discovery failed: " + found.error());
        } else {
          printOrganization(accounts.get(0), found, out);
          perOrganization = count(tables, Scope.ORGANIZATION);
        }
        accounts =
            found.failed()
                ? List.of()
                : Preflight.resolve(clients, found.members(), config.regions());
      }
    } finally {
      clients.release();
    }
    int perRegion = slicesPerRegion(tables);
    int perAccount = slicesPerAccount(tables);
    long slices = perOrganization;
    out.println("Accounts:");
    for (Preflight.Account a : accounts) {
      if (a.ok()) {
        long n = (long) perRegion * a.regions().size() + perAccount;
        slices += n;
        out.printf(
            "  %-40s %s; %d regions: %s; %d slices%n",
            a.label(),
            a.config().roleArn().map(r -> "AssumeRole ok").orElse("source credentials ok"),
            a.regions().size(),
            String.join(", ", a.regions()),
            n);
      } else {
        out.printf("  %-40s FAILED: %s%n", a.label(), a.error());
        String problem =
            a.problem() == Preflight.Problem.NO_CREDENTIALS
                ? a.error()
                : "account " + a.label() + ": " + a.error();
        if (!problems.contains(problem)) {
          problems.add(problem);
        }
      }
    }
    out.println(
        "Tables ("
            + tables.size()
            + "): "
            + String.join(", ", tables.stream().map(Table::name).toList()));
    long okAccounts = accounts.stream().filter(Preflight.Account::ok).count();
    long regionSlots =
        accounts.stream().filter(Preflight.Account::ok).mapToLong(a -> a.regions().size()).sum();
    out.printf(
        "Slices: %d (%d accounts, %d account-regions; %d slices per region, %d per account%s)%n",
        slices,
        okAccounts,
        regionSlots,
        perRegion,
        perAccount,
        perOrganization > 0 ? ", " + perOrganization + " for the organization" : "");
    out.printf(
        "Calls: at least %d (one per slice and page; child tables one per parent resource), "
            + "after %d AssumeRole/GetCallerIdentity and %d DescribeRegions%n",
        slices + extraCalls(tables, regionSlots, okAccounts, perOrganization > 0),
        accounts.size(),
        accounts.size());
    if (db == null) {
      out.println("Database: the embedded PostgreSQL, started by the run in " + embeddedDir);
    } else {
      String dbProblem = checkDatabase(db, tables, config, out);
      if (dbProblem != null) {
        problems.add(dbProblem);
      }
    }
    if (problems.isEmpty()) {
      out.println("Plan: a run could proceed.");
      return InventoryPipeline.EXIT_OK;
    }
    for (String p : problems) {
      err.println("aws-inventory: plan: " + p);
    }
    return InventoryPipeline.EXIT_FATAL;
  }

  /**
   * Prints every account discovery found with its disposition: {@code fetched}, {@code not active}
   * with its state, {@code skipped} or {@code out of scope} with the config entry why.
   */
  private static void printOrganization(
      Preflight.Account admin, OrgDiscovery.Result found, PrintStream out) {
    out.printf(
        "Organization of admin account %s: %d accounts, %d to fetch (%d Organizations calls)%n",
        admin.label(), found.accounts().size(), found.members().size(), found.calls());
    for (AccountStatus a : found.accounts()) {
      String disposition =
          switch (a.disposition()) {
            case AccountStatus.FETCHED -> "fetched";
            case AccountStatus.NOT_ACTIVE -> "not active: state " + a.state();
            default -> a.disposition().replace('_', ' ') + ": " + a.detail();
          };
      out.printf(
          "  %-40s %s%s%n",
          a.accountName() + " (" + a.accountId() + ")",
          disposition,
          a.management() ? " (management account)" : "");
    }
  }

  /** Slices of one account-region: each regional top-level table and its children. */
  static int slicesPerRegion(List<Table<?>> tables) {
    return count(tables, Scope.REGIONAL);
  }

  /** Slices fetched once per account (account-wide tables and their children). */
  static int slicesPerAccount(List<Table<?>> tables) {
    return count(tables, Scope.ACCOUNT);
  }

  private static int count(List<Table<?>> tables, Scope scope) {
    int n = 0;
    for (Table<?> t : tables) {
      Table<?> top = t;
      while (top.parent() != null) {
        top = top.parent();
      }
      if (top.scope() == scope) {
        n++;
      }
    }
    return n;
  }

  /** Calls beyond one per slice: tables that call more than one action per listing. */
  private static long extraCalls(
      List<Table<?>> tables, long regionSlots, long accounts, boolean organization) {
    long n = 0;
    for (Table<?> t : tables) {
      if (t.parent() == null) {
        long times =
            switch (t.scope()) {
              case REGIONAL -> regionSlots;
              case ACCOUNT -> accounts;
              case ORGANIZATION -> organization ? 1 : 0;
            };
        n += (long) Math.max(0, t.apiCalls().size() - 1) * times;
      }
    }
    return n;
  }

  /**
   * Connects, then tries the schema changes a run would make in a transaction and rolls it back: so
   * privileges and type conflicts show now, and nothing is written.
   *
   * @return null if a run could write, else the one-line problem
   */
  static String checkDatabase(
      Database db, List<Table<?>> tables, InventoryConfig config, PrintStream out) {
    try (Connection c = db.connect()) {
      List<String> missing = new ArrayList<>();
      int newColumns = 0;
      for (Table<?> t : tables) {
        Set<String> have = columns(c, t.name());
        if (have.isEmpty()) {
          missing.add(t.name());
        } else {
          for (Column col : t.columns()) {
            newColumns += have.contains(col.name()) ? 0 : 1;
          }
        }
      }
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("SET LOCAL lock_timeout = '10s'");
        // not Schema.ensure: it commits its changes
        Schema.trial(c, tables, config.writeMode(), config.pkMode());
      } finally {
        c.rollback();
      }
      out.println(
          "Database: "
              + db.jdbcUrl()
              + " reachable as "
              + db.user()
              + "; schema changes a run would make: "
              + (missing.isEmpty() && newColumns == 0
                  ? "none"
                  : missing.size()
                      + " new tables, "
                      + newColumns
                      + " new columns in existing tables")
              + " (tried and rolled back: the privileges suffice)");
      return null;
    } catch (SQLException e) {
      String state = e.getSQLState();
      if (state != null
          && (state.startsWith("08") || state.startsWith("28") || state.equals("3D000"))) {
        return DatabaseProblem.of(db, e, "the config");
      }
      if ("42501".equals(state)) {
        return "database "
            + db.jdbcUrl()
            + ": user "
            + db.user()
            + " may not create or alter the tables: "
            + oneLine(e.getMessage())
            + "; GRANT CREATE ON SCHEMA to it, or create the tables as their owner";
      }
      return "database " + db.jdbcUrl() + ": " + Errors.redact(oneLine(e.getMessage()));
    } catch (SchemaException e) {
      return "database " + db.jdbcUrl() + ": " + e.getMessage();
    }
  }

  private static Set<String> columns(Connection c, String table) throws SQLException {
    Set<String> out = new HashSet<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT column_name FROM information_schema.columns "
                + "WHERE table_schema = current_schema() AND table_name = ?")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").trim();
  }
}
