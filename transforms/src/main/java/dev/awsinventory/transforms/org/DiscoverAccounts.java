package dev.awsinventory.transforms.org;

import dev.awsinventory.config.AccountConfig;
import dev.awsinventory.config.OrgConfig;
import dev.awsinventory.transforms.aws.AwsClients;
import dev.awsinventory.transforms.aws.AwsSettings;
import dev.awsinventory.transforms.model.CallCounts;
import dev.awsinventory.transforms.model.FetchContext;
import dev.awsinventory.transforms.model.ResourceRow;
import dev.awsinventory.transforms.model.RowContext;
import dev.awsinventory.transforms.model.SliceError;
import dev.awsinventory.transforms.model.SliceKey;
import dev.awsinventory.transforms.model.SliceOutcome;
import dev.awsinventory.transforms.model.SyncRun;
import dev.awsinventory.transforms.model.Table;
import dev.awsinventory.transforms.tables.TableRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.TupleTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * The organization becomes the account collection, on the worker, with the worker's own
 * credentials: for the one {@link OrgConfig} element, discovers the organization with the admin
 * account's credentials ({@link OrgDiscovery}: sequential, paced, throttling retried), and emits
 *
 * <ul>
 *   <li>{@link #MEMBERS}: one {@link AccountConfig} per ACTIVE account in scope, its member role to
 *       be assumed (in parallel, downstream) with the trusted principal's credentials;
 *   <li>{@link #STATUS}: one {@link AccountStatus} per account found, so every account is accounted
 *       for; or, when discovery fails entirely, one {@code discovery_failed} status naming the
 *       admin account and the permission it lacks;
 *   <li>{@link #ROWS} and {@link #OUTCOMES}: the selected organization tables' rows and one outcome
 *       per table, in the slice (admin account, {@code *}); a failed discovery fails those slices,
 *       so their previous rows are kept.
 * </ul>
 */
public final class DiscoverAccounts extends DoFn<OrgConfig, AccountConfig> {
  public static final TupleTag<AccountConfig> MEMBERS = new TupleTag<>() {};
  public static final TupleTag<AccountStatus> STATUS = new TupleTag<>() {};
  public static final TupleTag<ResourceRow> ROWS = new TupleTag<>() {};
  public static final TupleTag<SliceOutcome> OUTCOMES = new TupleTag<>() {};

  /** Default spacing of Organizations calls: at most 10 per second. */
  public static final Duration DEFAULT_PACE = Duration.ofMillis(100);

  private static final Logger LOG = LoggerFactory.getLogger(DiscoverAccounts.class);

  private final AwsSettings settings;
  private final List<String> tables;
  private final Map<String, List<String>> children;
  private final SyncRun run;
  private final Duration pace;
  private transient AwsClients clients;

  /**
   * @param tables the selected top-level organization tables
   * @param children the selected child tables of each of them
   * @param run the run whose source name and sync time the rows carry
   * @param pace the spacing of Organizations calls
   */
  public DiscoverAccounts(
      AwsSettings settings,
      List<String> tables,
      Map<String, List<String>> children,
      SyncRun run,
      Duration pace) {
    this.settings = settings;
    this.tables = List.copyOf(tables);
    this.children = new HashMap<>(children);
    this.run = run;
    this.pace = pace;
  }

  @Setup
  public void setup() {
    clients = AwsClients.acquire(settings);
  }

  @Teardown
  public void teardown() {
    if (clients != null) {
      clients.release();
      clients = null;
    }
  }

  @ProcessElement
  public void process(@Element OrgConfig org, MultiOutputReceiver out) {
    long start = System.nanoTime();
    OrgDiscovery.Result found =
        OrgDiscovery.discover(clients, settings, org, !tables.isEmpty(), pace);
    Metrics.counter("aws_inventory", "organizations_calls").inc(found.calls());
    Metrics.counter("aws_inventory", "organizations_retries").inc(found.retries());
    if (found.failed()) {
      fail(out, found.admin(), found.adminId(), start, found.errorCode(), found.error());
      return;
    }
    for (AccountStatus s : found.accounts()) {
      out.get(STATUS).output(s);
      if (!AccountStatus.FETCHED.equals(s.disposition())) {
        LOG.info(
            "organization account {} ({}): {} {}",
            s.accountId(),
            s.accountName(),
            s.disposition(),
            s.detail() != null ? s.detail() : s.state());
      }
    }
    found.members().forEach(m -> out.get(MEMBERS).output(m));
    writeTables(
        out,
        found.admin(),
        found.adminId(),
        found.partition(),
        found.tree(),
        found.retries(),
        start);
  }

  private void writeTables(
      MultiOutputReceiver out,
      AccountConfig admin,
      String adminId,
      String partition,
      OrgTree tree,
      long retries,
      long start) {
    String region = OrgClients.globalRegion(partition);
    FetchContext ctx = new OrgContext(tree, adminId, region, partition);
    RowContext rowCtx = new RowContext(run, adminId, region, partition);
    for (String name : tables) {
      Table<?> table = TableRegistry.get(name);
      List<Object> items = list(table, ctx).toList();
      List<ResourceRow> parents = new ArrayList<>();
      for (Object item : items) {
        ResourceRow row = row(table, item, rowCtx);
        parents.add(row);
        out.get(ROWS).output(row);
      }
      CallCounts spent = CallCounts.NONE.withDurationMs((System.nanoTime() - start) / 1_000_000);
      out.get(OUTCOMES)
          .output(
              SliceOutcome.ok(
                  SliceKey.accountWide(name, adminId),
                  admin.name(),
                  spent.withResources(items.size()).withRetries(retries)));
      for (String childName : children.getOrDefault(name, List.of())) {
        Table<?> child = TableRegistry.get(childName);
        long n = 0;
        for (int i = 0; i < items.size(); i++) {
          RowContext childCtx = rowCtx.withParent(table, parents.get(i));
          for (Object c : listFor(child, ctx, items.get(i)).toList()) {
            out.get(ROWS).output(row(child, c, childCtx));
            n++;
          }
        }
        out.get(OUTCOMES)
            .output(
                SliceOutcome.ok(
                    SliceKey.accountWide(childName, adminId),
                    admin.name(),
                    spent.withResources(n)));
      }
    }
  }

  private void fail(
      MultiOutputReceiver out,
      AccountConfig admin,
      String adminId,
      long start,
      String code,
      String message) {
    LOG.error("organization discovery failed: {}", message);
    String id = adminId != null ? adminId : "";
    out.get(STATUS)
        .output(
            new AccountStatus(
                id, admin.name(), null, AccountStatus.DISCOVERY_FAILED, null, false, message));
    CallCounts spent = CallCounts.NONE.withDurationMs((System.nanoTime() - start) / 1_000_000);
    SliceError error = new SliceError(code, message);
    for (String name : tables) {
      out.get(OUTCOMES)
          .output(SliceOutcome.failed(SliceKey.accountWide(name, id), admin.name(), spent, error));
      for (String childName : children.getOrDefault(name, List.of())) {
        out.get(OUTCOMES)
            .output(
                SliceOutcome.failed(
                    SliceKey.accountWide(childName, id),
                    admin.name(),
                    spent,
                    new SliceError(
                        "ParentFailed", "its parent table " + name + " could not be fetched")));
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Stream<Object> list(Table<?> table, FetchContext ctx) {
    return (Stream<Object>) table.list(ctx);
  }

  @SuppressWarnings("unchecked")
  private static Stream<Object> listFor(Table<?> table, FetchContext ctx, Object parent) {
    return (Stream<Object>) table.listFor(ctx, parent);
  }

  @SuppressWarnings("unchecked")
  private static <T> ResourceRow row(Table<T> table, Object item, RowContext ctx) {
    return table.row((T) item, ctx);
  }

  private record OrgContext(OrgTree organization, String accountId, String region, String partition)
      implements FetchContext {
    @Override
    public Ec2Client ec2() {
      throw new UnsupportedOperationException("organization tables do not call EC2");
    }

    @Override
    public int pageSize(int actionMaximum) {
      return actionMaximum;
    }
  }
}
