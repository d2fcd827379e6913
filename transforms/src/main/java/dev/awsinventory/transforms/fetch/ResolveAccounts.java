package dev.awsinventory.transforms.fetch;

import dev.awsinventory.config.AccountConfig;
import dev.awsinventory.config.Regions;
import dev.awsinventory.transforms.aws.AwsClients;
import dev.awsinventory.transforms.aws.AwsSettings;
import dev.awsinventory.transforms.model.CallCounts;
import dev.awsinventory.transforms.model.SliceError;
import dev.awsinventory.transforms.model.SliceKey;
import dev.awsinventory.transforms.model.SliceOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.TupleTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

/**
 * The fan-out, in one place: for each account, assume its role, list its enabled regions, keep the
 * configured ones, and emit one {@link FetchTask} per (region, table), plus one per account-wide
 * table. An account that cannot be reached becomes a failed {@link SliceOutcome}. When
 * DescribeRegions is denied (a narrow role, an SCP), regions listed by name are fetched as listed
 * (and only {@code aws_regions} fails); a pattern ({@code *}, a glob, or no list) cannot be
 * expanded, so the account fails with a message saying so.
 *
 * <p>How it runs: the accounts of a bundle are resolved side by side, at most {@value #CONCURRENCY}
 * at once per DoFn instance, on daemon threads of the instance's own pool; their tasks and failures
 * are emitted by the DoFn's thread in the order the accounts finish, the rest at the end of the
 * bundle. On a cluster, where the driver checks no account before the run, a worker's share of
 * 2,000 accounts would otherwise take two round trips each, one after the other. The clients are
 * the JVM's {@link AwsClients}, so an account checked by the driver in this JVM costs no call here.
 */
public final class ResolveAccounts extends DoFn<AccountConfig, FetchTask> {
  public static final TupleTag<FetchTask> TASKS = new TupleTag<>() {};
  public static final TupleTag<SliceOutcome> FAILED = new TupleTag<>() {};
  private static final Logger LOG = LoggerFactory.getLogger(ResolveAccounts.class);

  /**
   * Accounts one DoFn instance resolves at once: each is two or three round trips to STS and EC2
   * (AssumeRole, DescribeRegions, GetCallerIdentity when the role's ARN gives no id), waiting on
   * the network, not the CPU.
   */
  static final int CONCURRENCY = 16;

  private final AwsSettings settings;
  private final List<String> regions;
  private final List<String> regionalTables;
  private final List<String> accountTables;
  private final Map<String, List<String>> children;
  private final Counter failedAccounts = Metrics.counter("aws_inventory", "failed_accounts");
  private transient AwsClients clients;
  private transient ExecutorService pool;
  private transient CompletionService<Resolved> resolved;
  private transient int pending;

  /**
   * @param children the selected child tables of each selected table that has any; they are fetched
   *     within their parent's slice
   */
  public ResolveAccounts(
      AwsSettings settings,
      List<String> regions,
      List<String> regionalTables,
      List<String> accountTables,
      Map<String, List<String>> children) {
    this.settings = settings;
    this.regions = List.copyOf(regions);
    this.regionalTables = List.copyOf(regionalTables);
    this.accountTables = List.copyOf(accountTables);
    this.children = new HashMap<>(children);
  }

  @Setup
  public void setup() {
    clients = AwsClients.acquire(settings);
    pool =
        Executors.newFixedThreadPool(
            CONCURRENCY,
            r -> {
              Thread t = new Thread(r, "aws-inventory-resolve");
              t.setDaemon(true);
              return t;
            });
  }

  @StartBundle
  public void startBundle() {
    resolved = new ExecutorCompletionService<>(pool);
    pending = 0;
  }

  @ProcessElement
  public void process(@Element AccountConfig account, MultiOutputReceiver out) throws Exception {
    resolved.submit(() -> resolve(account));
    pending++;
    Consumer<FetchTask> tasks = out.get(TASKS)::output;
    Consumer<SliceOutcome> failed = out.get(FAILED)::output;
    for (Future<Resolved> f = resolved.poll(); f != null; f = resolved.poll()) {
      emit(f, tasks, failed);
    }
    while (pending >= CONCURRENCY) {
      emit(resolved.take(), tasks, failed);
    }
  }

  @FinishBundle
  public void finishBundle(FinishBundleContext c) throws Exception {
    while (pending > 0) {
      emit(
          resolved.take(),
          t -> c.output(TASKS, t, BoundedWindow.TIMESTAMP_MIN_VALUE, GlobalWindow.INSTANCE),
          o -> c.output(FAILED, o, BoundedWindow.TIMESTAMP_MIN_VALUE, GlobalWindow.INSTANCE));
    }
  }

  /** Emits one account's tasks and failures on the DoFn's own thread, where Beam wants them. */
  private void emit(Future<Resolved> done, Consumer<FetchTask> tasks, Consumer<SliceOutcome> failed)
      throws InterruptedException {
    pending--;
    Resolved r;
    try {
      r = done.get();
    } catch (ExecutionException e) {
      // resolve() turns every RuntimeException into a failed account: this is an Error
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
    if (r.accountFailed()) {
      failedAccounts.inc();
    }
    r.tasks().forEach(tasks);
    r.failed().forEach(failed);
  }

  /** One account's fetch tasks and failed outcomes; {@code accountFailed} when none of it runs. */
  private record Resolved(
      List<FetchTask> tasks, List<SliceOutcome> failed, boolean accountFailed) {}

  /** Resolves one account (see the class comment); never throws for the account's failure. */
  private Resolved resolve(AccountConfig account) {
    List<FetchTask> tasks = new ArrayList<>();
    List<SliceOutcome> failed = new ArrayList<>();
    String accountId = account.accountIdHint().orElse("");
    try {
      if (accountId.isEmpty()) {
        accountId = clients.sts(account).getCallerIdentity().account();
      }
      String partition = settings.partitionOf(account.defaultRegion());
      List<String> wanted = account.regions().orElse(regions);
      List<String> enabled;
      try {
        enabled = clients.enabledRegions(account);
      } catch (Ec2Exception e) {
        if (!ErrorPolicy.isAccessDenied(e)) {
          throw e;
        }
        String pattern = pattern(wanted);
        if (pattern != null) {
          String message = describeRegionsNeeded(e, pattern);
          LOG.warn("account {} ({}): {}", account.name(), accountId, message);
          return new Resolved(
              List.of(),
              List.of(accountFailed(accountId, account, new SliceError(Errors.code(e), message))),
              true);
        }
        LOG.warn(
            "account {} ({}): DescribeRegions is denied ({}); fetching the listed regions {} "
                + "without checking that they are enabled",
            account.name(),
            accountId,
            Errors.code(e),
            wanted);
        enabled = wanted;
      }
      for (String table : accountTables) {
        tasks.add(
            new FetchTask(
                account,
                accountId,
                partition,
                account.defaultRegion(),
                table,
                true,
                childrenOf(table)));
      }
      for (String region : unlisted(enabled, wanted)) {
        failed.add(
            SliceOutcome.failed(
                SliceKey.wholeRegion(accountId, region),
                account.name(),
                CallCounts.NONE,
                new SliceError(
                    "UnknownRegion",
                    "region "
                        + region
                        + " is not in this AWS SDK"
                        + " version's region list and DescribeRegions does not list it as enabled"
                        + " for the account; check the name")));
      }
      for (String region : selected(enabled, wanted, account)) {
        for (String table : regionalTables) {
          tasks.add(
              new FetchTask(
                  account, accountId, partition, region, table, false, childrenOf(table)));
        }
      }
      return new Resolved(tasks, failed, false);
    } catch (RuntimeException e) {
      LOG.warn(
          "account {} ({}): {}: {}", account.name(), accountId, Errors.code(e), Errors.message(e));
      return new Resolved(
          List.of(), List.of(accountFailed(accountId, account, Errors.of(e))), true);
    }
  }

  /** The whole account failed: no table of it is fetched, and its rows are kept. */
  private static SliceOutcome accountFailed(
      String accountId, AccountConfig account, SliceError error) {
    return SliceOutcome.failed(
        SliceKey.wholeAccount(accountId), account.name(), CallCounts.NONE, error);
  }

  /**
   * Why an account whose DescribeRegions is denied cannot expand {@code pattern}, and what to do.
   */
  public static String describeRegionsNeeded(Exception denied, String pattern) {
    return "DescribeRegions is denied ("
        + Errors.code(denied)
        + ": "
        + Errors.message(denied)
        + "), and it is needed to expand the region pattern '"
        + pattern
        + "'; allow ec2:DescribeRegions or list the regions by name";
  }

  /**
   * The first entry that needs DescribeRegions to expand ({@code *}, a glob; none means all), or
   * null.
   */
  public static String pattern(List<String> wanted) {
    if (wanted.isEmpty()) {
      return "*";
    }
    return wanted.stream().filter(Regions::isPattern).findFirst().orElse(null);
  }

  private List<String> childrenOf(String table) {
    return List.copyOf(children.getOrDefault(table, List.of()));
  }

  /**
   * Configured region names that neither the SDK's metadata nor DescribeRegions know: newer names
   * are accepted by the config on the promise that DescribeRegions lists them.
   */
  static List<String> unlisted(List<String> enabled, List<String> wanted) {
    return wanted.stream()
        .filter(w -> !Regions.isPattern(w) && !Regions.isKnown(w) && !enabled.contains(w))
        .distinct()
        .toList();
  }

  /** The enabled regions that match the configured list; empty or {@code *} means all of them. */
  public static List<String> selected(
      List<String> enabled, List<String> wanted, AccountConfig account) {
    if (wanted.isEmpty() || wanted.contains("*")) {
      return enabled;
    }
    for (String w : wanted) {
      if (!w.contains("*") && !w.contains("?") && !enabled.contains(w)) {
        LOG.info(
            "account {}: region {} is not enabled for the account; skipped", account.name(), w);
      }
    }
    return enabled.stream()
        .filter(r -> wanted.stream().anyMatch(w -> Regions.matches(w, r)))
        .toList();
  }

  @Teardown
  public void teardown() {
    if (pool != null) {
      pool.shutdownNow();
      pool = null;
    }
    if (clients != null) {
      clients.release();
      clients = null;
    }
  }
}
