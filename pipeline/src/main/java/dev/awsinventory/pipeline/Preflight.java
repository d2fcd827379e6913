package dev.awsinventory.pipeline;

import dev.awsinventory.config.AccountConfig;
import dev.awsinventory.config.InventoryConfig;
import dev.awsinventory.transforms.aws.AwsClients;
import dev.awsinventory.transforms.fetch.ErrorPolicy;
import dev.awsinventory.transforms.fetch.Errors;
import dev.awsinventory.transforms.fetch.ResolveAccounts;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

/**
 * What the driver checks before any long work: for each account, the source credentials, its role
 * (AssumeRole; GetCallerIdentity when the id is not in the role's ARN or there is no role) and its
 * enabled regions (DescribeRegions), with the same clients the pipeline then uses in this JVM (so a
 * role is assumed once). A failure becomes one line that says what to do, not the SDK's
 * provider-chain dump.
 */
final class Preflight {
  private static final int THREADS = 16;

  private Preflight() {}

  /** Why an account cannot be fetched. */
  enum Problem {
    NO_CREDENTIALS,
    ASSUME_ROLE_DENIED,
    OTHER
  }

  /**
   * One account as a run would see it: its id (from the role ARN or GetCallerIdentity; never empty
   * when resolved), its regions to fetch, or the problem and its one-line advice.
   */
  record Account(
      AccountConfig config,
      String accountId,
      List<String> regions,
      List<String> enabled,
      Problem problem,
      String error) {
    boolean ok() {
      return problem == null;
    }

    /** {@code name (id)}, with a placeholder when the id could not be learned. */
    String label() {
      String id = accountId == null || accountId.isEmpty() ? "id unknown" : accountId;
      return config.name() + " (" + id + ")";
    }
  }

  /**
   * The accounts a run's first calls use, so the ones to check before it: with an {@code org} block
   * the admin account (whose credentials discover the members), else the listed accounts, else the
   * default credential chain's.
   */
  static List<AccountConfig> accountsToCheck(InventoryConfig config) {
    if (config.org().isPresent()) {
      return List.of(config.org().get().adminAccount().orElse(config.defaultChainAccount()));
    }
    return config.accounts().isEmpty() ? List.of(config.defaultChainAccount()) : config.accounts();
  }

  /** Resolves every account in parallel; never throws for an account's failure. */
  static List<Account> resolve(
      AwsClients clients, List<AccountConfig> accounts, List<String> regions) {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(THREADS, Math.max(1, accounts.size())),
            r -> {
              Thread t = new Thread(r, "aws-inventory-preflight");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<Account>> futures = new ArrayList<>();
      for (AccountConfig a : accounts) {
        futures.add(pool.submit(() -> resolve(clients, a, regions)));
      }
      List<Account> out = new ArrayList<>();
      for (Future<Account> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking the accounts", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  static Account resolve(AwsClients clients, AccountConfig account, List<String> regions) {
    String id = account.accountIdHint().orElse(idOfRole(account));
    try {
      if (!id.isEmpty() && account.roleArn().isPresent()) {
        // the role's check is its AssumeRole; the id is the role ARN's
        clients.credentials(account).resolveCredentials();
      } else {
        String caller = clients.sts(account).getCallerIdentity().account();
        id = id.isEmpty() ? caller : id;
      }
      List<String> wanted = account.regions().orElse(regions);
      List<String> enabled;
      try {
        enabled = clients.enabledRegions(account);
      } catch (Ec2Exception e) {
        // as in a run (ResolveAccounts): regions listed by name are fetched without DescribeRegions
        if (!ErrorPolicy.isAccessDenied(e)) {
          throw e;
        }
        String pattern = ResolveAccounts.pattern(wanted);
        if (pattern != null) {
          return new Account(
              account,
              id,
              List.of(),
              List.of(),
              Problem.OTHER,
              ResolveAccounts.describeRegionsNeeded(e, pattern));
        }
        enabled = wanted;
      }
      List<String> selected = ResolveAccounts.selected(enabled, wanted, account);
      return new Account(account, id, selected, enabled, null, null);
    } catch (RuntimeException e) {
      return failed(account, id, e);
    }
  }

  private static Account failed(AccountConfig account, String id, RuntimeException e) {
    String message = Errors.message(e);
    if (e instanceof SdkClientException
        && message != null
        && message.contains("Unable to load credentials")) {
      String profile =
          account
              .localProfile()
              .map(
                  p ->
                      "the profile '"
                          + p
                          + "' (local_profile) has no usable "
                          + "credentials; check ~/.aws/config and ~/.aws/credentials")
              .orElse(
                  "no AWS credentials found: run "
                      + "`aws configure`, set AWS_PROFILE to a profile of ~/.aws/config, or set AWS_ACCESS_KEY_ID and "
                      + "AWS_SECRET_ACCESS_KEY");
      return new Account(account, id, List.of(), List.of(), Problem.NO_CREDENTIALS, profile);
    }
    String code = Errors.code(e);
    if (account.roleArn().isPresent() && "AccessDenied".equals(code)) {
      return new Account(
          account,
          id,
          List.of(),
          List.of(),
          Problem.ASSUME_ROLE_DENIED,
          "AssumeRole of "
              + account.roleArn().get()
              + " was denied: the role's trust policy must allow "
              + "the source principal (and the source principal needs sts:AssumeRole on the role"
              + (account.externalId().isPresent() ? ", with the configured external_id" : "")
              + "). AWS said: "
              + oneLine(message));
    }
    return new Account(
        account, id, List.of(), List.of(), Problem.OTHER, code + ": " + oneLine(message));
  }

  /**
   * Whether the driver checks accounts before a run: on the DirectRunner (and on a runner embedded
   * by {@link RunnerChoice}) the workers are this JVM, with its credentials. On a cluster the
   * workers find their own credentials (the client may have none), so only {@code --plan} checks
   * from the client there.
   */
  static boolean appliesTo(InventoryOptions options) {
    return "DirectRunner".equals(options.getRunner().getSimpleName());
  }

  /**
   * The checks before a run: the database (when the config names one) and every account. Accounts
   * that fail are listed on {@code err} and the run goes on (they become failed slices); missing
   * source credentials, or no usable account at all, stop it.
   *
   * @return null if the run may proceed, else the one-line fatal error
   */
  static String beforeRun(AwsClients clients, InventoryConfig config, PrintStream err) {
    if (config.database().isPresent()) {
      Database db = Database.of(config.database().get());
      try (Connection c = db.connect()) {
        c.isValid(5);
      } catch (SQLException e) {
        return DatabaseProblem.of(db, e, String.valueOf(config.file()));
      }
    }
    List<Account> accounts = resolve(clients, accountsToCheck(config), config.regions());
    for (Account a : accounts) {
      if (a.problem() == Problem.NO_CREDENTIALS) {
        return a.error();
      }
    }
    if (accounts.stream().noneMatch(Account::ok)) {
      for (Account a : accounts) {
        err.println("aws-inventory: account " + a.label() + ": " + a.error());
      }
      return "no account usable: each one failed (listed above); nothing was fetched";
    }
    for (Account a : accounts) {
      if (!a.ok()) {
        err.println("aws-inventory: account " + a.label() + " will not be fetched: " + a.error());
      }
    }
    return null;
  }

  /** The account id in a role ARN ({@code arn:aws:iam::123456789012:role/x}), or empty. */
  static String idOfRole(AccountConfig account) {
    return account
        .roleArn()
        .map(
            arn -> {
              String[] parts = arn.split(":", -1);
              return parts.length > 4 && parts[4].matches("\\d{12}") ? parts[4] : "";
            })
        .orElse("");
  }

  private static String oneLine(String s) {
    if (s == null) {
      return "";
    }
    String line = s.replaceAll("\\s+", " ").trim();
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }
}
