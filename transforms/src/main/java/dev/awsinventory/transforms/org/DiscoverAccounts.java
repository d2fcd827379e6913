package dev.awsinventory.transforms.org;

import dev.awsinventory.config.AccountConfig;
import dev.awsinventory.config.OrgConfig;
import dev.awsinventory.transforms.aws.AwsClients;
import dev.awsinventory.transforms.aws.AwsSettings;
import dev.awsinventory.transforms.fetch.Errors;
import dev.awsinventory.transforms.fetch.FetchTask;
import dev.awsinventory.transforms.fetch.SliceOutcome;
import dev.awsinventory.transforms.model.FetchContext;
import dev.awsinventory.transforms.model.ResourceRow;
import dev.awsinventory.transforms.model.RowContext;
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
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * The organization becomes the account collection, on the worker, with the worker's own
 * credentials: for the one {@link OrgConfig} element, walks AWS Organizations with the admin
 * account's credentials (sequential, paced, throttling retried), and emits
 * <ul>
 *   <li>{@link #MEMBERS}: one {@link AccountConfig} per ACTIVE account in scope, its member role
 *       to be assumed (in parallel, downstream) with the trusted principal's credentials;</li>
 *   <li>{@link #STATUS}: one {@link AccountStatus} per account found, so every account is
 *       accounted for; or, when discovery fails entirely, one {@code discovery_failed} status
 *       naming the admin account and the permission it lacks;</li>
 *   <li>{@link #ROWS} and {@link #OUTCOMES}: the selected organization tables' rows and one
 *       outcome per table, in the slice (admin account, {@code *}); a failed discovery fails
 *       those slices, so their previous rows are kept.</li>
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
  private final String sourceName;
  private final String syncTime;
  private final Duration pace;
  private transient AwsClients clients;

  /**
   * @param tables the selected top-level organization tables
   * @param children the selected child tables of each of them
   */
  public DiscoverAccounts(AwsSettings settings, List<String> tables, Map<String, List<String>> children,
      String sourceName, String syncTime, Duration pace) {
    this.settings = settings;
    this.tables = List.copyOf(tables);
    this.children = new HashMap<>(children);
    this.sourceName = sourceName;
    this.syncTime = syncTime;
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
    AccountConfig admin = org.adminAccount().orElse(AccountConfig.defaultChain());
    String adminId = admin.accountIdHint().orElse(null);
    String partition = settings.partitionOf(admin.defaultRegion());
    String operation = "sts:GetCallerIdentity";
    long start = System.nanoTime();
    try {
      if (adminId == null) {
        adminId = clients.sts(admin).getCallerIdentity().account();
      }
      operation = "organizations:ListAccounts";
      boolean walk = !tables.isEmpty() || !org.organizationUnits().isEmpty()
          || !org.skipOrganizationUnits().isEmpty();
      OrgTree tree;
      long retries;
      try (OrgClients orgClients = new OrgClients(settings, clients.credentials(admin), partition, pace)) {
        try {
          OrgWalker walker = new OrgWalker(orgClients.client());
          tree = walk ? walker.walk(!tables.isEmpty()) : walker.listAccounts();
        } finally {
          operation = "organizations:" + orgClients.pacer().operation();
          Metrics.counter("aws_inventory", "organizations_calls").inc(orgClients.pacer().calls());
          Metrics.counter("aws_inventory", "organizations_retries").inc(orgClients.pacer().retries());
        }
        retries = orgClients.pacer().retries();
      }
      for (String unit : org.organizationUnits()) {
        if (!tree.hasNode(unit)) {
          fail(out, admin, adminId, partition, start, "NotFound", "organization_units: " + unit
              + " is not a root or organizational unit of the organization of account " + adminId);
          return;
        }
      }
      String management = tree.accounts().isEmpty() ? null : managementOf(tree, adminId);
      Map<String, OrgAccount> byId = new HashMap<>();
      tree.orgAccounts().forEach(a -> byId.put(a.account().id(), a));
      for (AccountStatus s : OrgSelection.decide(org, tree, management)) {
        out.get(STATUS).output(s);
        if (AccountStatus.FETCHED.equals(s.disposition())) {
          out.get(MEMBERS).output(OrgSelection.member(org, byId.get(s.accountId()), s.accountName(), admin));
        } else {
          LOG.info("organization account {} ({}): {} {}", s.accountId(), s.accountName(), s.disposition(),
              s.detail() != null ? s.detail() : s.state());
        }
      }
      writeTables(out, admin, adminId, partition, tree, retries, start);
    } catch (SdkException e) {
      fail(out, admin, adminId, partition, start, Errors.code(e), discoveryError(adminId, admin, operation, e));
    }
  }

  /** The management account: the account id in the accounts' ARNs ({@code arn:...::<mgmt>:account/...}). */
  private static String managementOf(OrgTree tree, String fallback) {
    String arn = tree.accounts().get(0).arn();
    if (arn != null) {
      String[] parts = arn.split(":");
      if (parts.length > 4 && parts[4].matches("\\d{12}")) {
        return parts[4];
      }
    }
    return fallback;
  }

  private void writeTables(MultiOutputReceiver out, AccountConfig admin, String adminId, String partition,
      OrgTree tree, long retries, long start) {
    String region = OrgClients.globalRegion(partition);
    FetchContext ctx = new OrgContext(tree, adminId, region, partition);
    RowContext rowCtx = new RowContext(sourceName, syncTime, adminId, region, partition);
    for (String name : tables) {
      Table<?> table = TableRegistry.get(name);
      FetchTask task = new FetchTask(admin, adminId, partition, region, name, true, List.of());
      List<Object> items = list(table, ctx).toList();
      List<ResourceRow> parents = new ArrayList<>();
      for (Object item : items) {
        ResourceRow row = row(table, item, rowCtx);
        parents.add(row);
        out.get(ROWS).output(row);
      }
      long ms = (System.nanoTime() - start) / 1_000_000;
      out.get(OUTCOMES).output(SliceOutcome.ok(task, name, items.size(), 0, 0, retries, ms));
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
        out.get(OUTCOMES).output(SliceOutcome.ok(task, childName, n, 0, 0, 0, ms));
      }
    }
  }

  private void fail(MultiOutputReceiver out, AccountConfig admin, String adminId, String partition, long start,
      String code, String message) {
    LOG.error("organization discovery failed: {}", message);
    String id = adminId != null ? adminId : "";
    out.get(STATUS).output(new AccountStatus(id, admin.name(), null, AccountStatus.DISCOVERY_FAILED, null, false,
        message));
    String region = OrgClients.globalRegion(partition);
    long ms = (System.nanoTime() - start) / 1_000_000;
    for (String name : tables) {
      FetchTask task = new FetchTask(admin, id, partition, region, name, true, List.of());
      out.get(OUTCOMES).output(SliceOutcome.failed(task, name, 0, 0, 0, ms, code, message));
      for (String childName : children.getOrDefault(name, List.of())) {
        out.get(OUTCOMES).output(SliceOutcome.failed(task, childName, 0, 0, 0, ms, "ParentFailed",
            "its parent table " + name + " could not be fetched"));
      }
    }
  }

  /** One line naming the account, the missing permission and the fix; no secrets. */
  static String discoveryError(String adminId, AccountConfig admin, String operation, SdkException e) {
    String who = "account " + (adminId != null ? adminId : admin.name())
        + (admin.roleArn().isPresent() ? " (" + admin.roleArn().get() + ")" : "");
    String code = Errors.code(e);
    if ("AWSOrganizationsNotInUseException".equals(code)) {
      return who + " is not a member of an AWS Organization (" + code + "); the org block needs the "
          + "organization's management account or a delegated administrator as admin_account";
    }
    if (e instanceof AwsServiceException s && (s.statusCode() == 403 || code.startsWith("AccessDenied"))) {
      return who + " may not call " + operation + " (" + code + "): the admin_account must be the "
          + "organization's management account or a delegated administrator allowed "
          + "organizations:ListAccounts, ListRoots, ListOrganizationalUnitsForParent, "
          + "ListAccountsForParent and ListTagsForResource";
    }
    return "listing the organization with " + who + " failed at " + operation + ": " + code + ": "
        + Errors.message(e);
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
