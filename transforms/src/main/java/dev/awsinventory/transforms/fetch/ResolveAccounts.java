package dev.awsinventory.transforms.fetch;

import dev.awsinventory.config.AccountConfig;
import dev.awsinventory.config.Regions;
import dev.awsinventory.transforms.aws.AwsClients;
import dev.awsinventory.transforms.aws.AwsSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.TupleTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.model.Region;

/**
 * The fan-out, in one place: for each account, assume its role, list its enabled regions, keep
 * the configured ones, and emit one {@link FetchTask} per (region, table), plus one per
 * account-wide table. An account that cannot be reached becomes a failed {@link SliceOutcome}.
 */
public final class ResolveAccounts extends DoFn<AccountConfig, FetchTask> {
  public static final TupleTag<FetchTask> TASKS = new TupleTag<>() {};
  public static final TupleTag<SliceOutcome> FAILED = new TupleTag<>() {};
  private static final Logger LOG = LoggerFactory.getLogger(ResolveAccounts.class);

  private final AwsSettings settings;
  private final List<String> regions;
  private final List<String> regionalTables;
  private final List<String> accountTables;
  private final Map<String, List<String>> children;
  private final Counter failedAccounts = Metrics.counter("aws_inventory", "failed_accounts");
  private transient AwsClients clients;

  /**
   * @param children the selected child tables of each selected table that has any; they are
   *     fetched within their parent's slice
   */
  public ResolveAccounts(AwsSettings settings, List<String> regions, List<String> regionalTables,
      List<String> accountTables, Map<String, List<String>> children) {
    this.settings = settings;
    this.regions = List.copyOf(regions);
    this.regionalTables = List.copyOf(regionalTables);
    this.accountTables = List.copyOf(accountTables);
    this.children = new HashMap<>(children);
  }

  @Setup
  public void setup() {
    clients = AwsClients.acquire(settings);
  }

  @ProcessElement
  public void process(@Element AccountConfig account, MultiOutputReceiver out) {
    String accountId = account.accountIdHint().orElse("");
    try {
      if (accountId.isEmpty()) {
        accountId = clients.sts(account).getCallerIdentity().account();
      }
      String partition = settings.partitionOf(account.defaultRegion());
      List<String> enabled = clients.ec2(account, account.defaultRegion())
          .describeRegions(r -> r.allRegions(false)).regions().stream()
          .filter(r -> !"not-opted-in".equals(r.optInStatus()))
          .map(Region::regionName).sorted().toList();
      List<String> wanted = account.regions().orElse(regions);
      for (String table : accountTables) {
        out.get(TASKS).output(new FetchTask(account, accountId, partition, account.defaultRegion(),
            table, true, childrenOf(table)));
      }
      for (String region : selected(enabled, wanted, account)) {
        for (String table : regionalTables) {
          out.get(TASKS).output(new FetchTask(account, accountId, partition, region, table, false,
              childrenOf(table)));
        }
      }
    } catch (SdkException e) {
      failedAccounts.inc();
      LOG.warn("account {} ({}): {}: {}", account.name(), accountId, Errors.code(e), Errors.message(e));
      out.get(FAILED).output(SliceOutcome.accountFailed(accountId, account.name(), e));
    }
  }

  private List<String> childrenOf(String table) {
    return List.copyOf(children.getOrDefault(table, List.of()));
  }

  /** The enabled regions that match the configured list; empty or {@code *} means all of them. */
  public static List<String> selected(List<String> enabled, List<String> wanted, AccountConfig account) {
    if (wanted.isEmpty() || wanted.contains("*")) {
      return enabled;
    }
    for (String w : wanted) {
      if (!w.contains("*") && !w.contains("?") && !enabled.contains(w)) {
        LOG.info("account {}: region {} is not enabled for the account; skipped", account.name(), w);
      }
    }
    return enabled.stream().filter(r -> wanted.stream().anyMatch(w -> Regions.matches(w, r))).toList();
  }

  @Teardown
  public void teardown() {
    if (clients != null) {
      clients.release();
      clients = null;
    }
  }
}
