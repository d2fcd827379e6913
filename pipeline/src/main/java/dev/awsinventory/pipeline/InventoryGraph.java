package dev.awsinventory.pipeline;

import dev.awsinventory.config.AccountConfig;
import dev.awsinventory.config.OrgConfig;
import dev.awsinventory.transforms.aws.AwsSettings;
import dev.awsinventory.transforms.fetch.Coders;
import dev.awsinventory.transforms.fetch.FetchResources;
import dev.awsinventory.transforms.fetch.FetchTask;
import dev.awsinventory.transforms.fetch.ResolveAccounts;
import dev.awsinventory.transforms.model.ResourceRow;
import dev.awsinventory.transforms.model.ResourceRowCoder;
import dev.awsinventory.transforms.model.Scope;
import dev.awsinventory.transforms.model.SliceOutcome;
import dev.awsinventory.transforms.model.SyncRun;
import dev.awsinventory.transforms.model.Table;
import dev.awsinventory.transforms.postgres.FinishSlices;
import dev.awsinventory.transforms.postgres.ProgressTable;
import dev.awsinventory.transforms.postgres.WriteRows;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.io.jdbc.JdbcIO;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.transforms.Wait;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The pipeline: accounts (spread, so that accounts are set up in parallel) -> regions x tables ->
 * grouped by (account, region) -> fetch, each slice upserting its rows as pages arrive -> (after
 * every write) delete stale rows of the slices that succeeded and record every slice. The write
 * step ({@link WriteRows}) takes the rows of an organization's own tables.
 *
 * <p>Pacing: AWS's request buckets are per (account, region, action), and the fetch keeps one token
 * bucket per (account, region, action) in each worker JVM. So that a bucket is the job's and not a
 * JVM's, every slice of one (account, region) goes to one worker: the tasks are keyed by (account,
 * region) and grouped ({@code GroupByKey}), and the fetch runs fused after the group, in the worker
 * that holds the key. Whatever the parallelism or the number of JVMs, the calls of one (account,
 * region, action) are then paced by a single bucket. {@link Grouping#ACCOUNT} groups by account
 * instead (the DirectRunner: one bundle per account, see {@link RunnerChoice}), and {@link
 * Grouping#RANDOM} spreads tasks at random (each JVM then paces alone and several JVMs together can
 * exceed AWS's rate; kept for measurement).
 *
 * @param accounts the accounts listed in the config (empty with an {@code org} block)
 * @param regions the configured regions (names and patterns)
 * @param tables the selected tables, child tables included
 * @param aws how workers reach AWS
 * @param database where rows and outcomes are written
 * @param run the run whose rows these are
 * @param org the {@code org} block whose accounts are discovered on a worker, or null
 * @param fetching how slices are fetched
 */
public record InventoryGraph(
    List<AccountConfig> accounts,
    List<String> regions,
    List<Table<?>> tables,
    AwsSettings aws,
    JdbcIO.DataSourceConfiguration database,
    SyncRun run,
    OrgConfig org,
    Fetching fetching) {

  /** How the fetch tasks are grouped before the fetch: each group goes to one worker. */
  public enum Grouping {
    /** By (account, region), the key of AWS's request buckets (with the action). */
    ACCOUNT_REGION,
    /** By account: every slice of an account in one group (one bundle on the DirectRunner). */
    ACCOUNT,
    /** Not grouped: spread at random (measurement only). */
    RANDOM
  }

  /**
   * How slices are fetched: how many at once per fetch worker, the per-slice deadline, whether
   * SCP-denied regions are skipped ({@code denied_regions: skip}), and how tasks are grouped. Start
   * from {@link #DEFAULT} and change what differs with the {@code with} methods.
   */
  public record Fetching(
      int concurrency, Duration sliceTimeout, boolean skipDeniedRegions, Grouping grouping)
      implements java.io.Serializable {
    /**
     * Slices fetched at once per fetch worker unless told otherwise ({@code --fetch-concurrency}).
     */
    public static final int DEFAULT_CONCURRENCY = 32;

    /**
     * {@value #DEFAULT_CONCURRENCY} slices at once, 30-minute slices, denied regions failed, slices
     * grouped by (account, region).
     */
    public static final Fetching DEFAULT =
        new Fetching(
            DEFAULT_CONCURRENCY,
            FetchResources.DEFAULT_SLICE_TIMEOUT,
            false,
            Grouping.ACCOUNT_REGION);

    /** At most {@code slices} slices at once per fetch worker. */
    public Fetching withConcurrency(int slices) {
      return new Fetching(slices, sliceTimeout, skipDeniedRegions, grouping);
    }

    /** Slices fail past {@code timeout}. */
    public Fetching withSliceTimeout(Duration timeout) {
      return new Fetching(concurrency, timeout, skipDeniedRegions, grouping);
    }

    /** Slices of SCP-denied regions skipped ({@code true}) or failed. */
    public Fetching withDeniedRegionsSkipped(boolean skip) {
      return new Fetching(concurrency, sliceTimeout, skip, grouping);
    }

    /** Tasks grouped as {@code by}. */
    public Fetching withGrouping(Grouping by) {
      return new Fetching(concurrency, sliceTimeout, skipDeniedRegions, by);
    }
  }

  /** Adds the steps to {@code p}. */
  public void addTo(Pipeline p) {
    List<String> regional = names(Scope.REGIONAL);
    List<String> perAccount = names(Scope.ACCOUNT);
    OrgAccounts discovered =
        org == null
            ? null
            : new OrgAccounts(org, aws, names(Scope.ORGANIZATION), children(), database, run);
    PCollection<AccountConfig> accountList =
        discovered != null
            ? discovered.expand(p)
            : p.apply("Accounts", Create.of(accounts).withCoder(Coders.account()));
    PCollectionTuple resolved =
        accountList
            .apply("SpreadAccounts", Reshuffle.viaRandomKey())
            .apply(
                "ResolveRegions",
                ParDo.of(new ResolveAccounts(aws, regions, regional, perAccount, children()))
                    .withOutputTags(
                        ResolveAccounts.TASKS, TupleTagList.of(ResolveAccounts.FAILED)));
    PCollection<FetchTask> tasks = resolved.get(ResolveAccounts.TASKS).setCoder(Coders.task());
    PCollection<FetchTask> routed =
        switch (fetching.grouping()) {
          case ACCOUNT_REGION -> grouped(tasks, "ByAccountRegion", FetchTask::pacingKey);
          case ACCOUNT -> grouped(tasks, "ByAccount", FetchTask::accountId);
          case RANDOM -> tasks.apply("Spread", Reshuffle.viaRandomKey());
        };
    tasks.apply("RecordPlanned", ParDo.of(new ProgressTable.RecordPlanned(database, run)));
    PCollectionTuple fetched =
        routed.apply(
            "Fetch",
            ParDo.of(
                    new FetchResources(aws, run, fetching.concurrency())
                        .withRowsWrittenTo(database, run.mode())
                        .withSliceTimeout(fetching.sliceTimeout())
                        .withDeniedRegionsSkipped(fetching.skipDeniedRegions())
                        .withSliceListener(new ProgressTable.Listener(database, run)))
                .withOutputTags(FetchResources.ROWS, TupleTagList.of(FetchResources.OUTCOMES)));
    PCollection<ResourceRow> rows =
        fetched.get(FetchResources.ROWS).setCoder(ResourceRowCoder.of());
    if (discovered != null) {
      rows =
          PCollectionList.of(rows)
              .and(discovered.rows())
              .apply("WithOrganizationRows", Flatten.pCollections());
    }
    PCollection<Void> written = rows.apply("Write", new WriteRows(database, run));
    Coder<SliceOutcome> outcomeCoder = Coders.outcome();
    PCollectionList<SliceOutcome> outcomes =
        PCollectionList.of(fetched.get(FetchResources.OUTCOMES).setCoder(outcomeCoder))
            .and(resolved.get(ResolveAccounts.FAILED).setCoder(outcomeCoder));
    if (discovered != null) {
      outcomes = outcomes.and(discovered.outcomes());
    }
    PCollection<SliceOutcome> allOutcomes = outcomes.apply("Outcomes", Flatten.pCollections());
    allOutcomes.apply("RecordProgress", ParDo.of(new ProgressTable.RecordOutcome(database, run)));
    allOutcomes
        .apply("AfterWrites", Wait.on(written))
        .apply("FinishSlices", ParDo.of(new FinishSlices(database, run)));
  }

  /** {@code tasks} grouped by {@code key} (step names {@code name}, then as before). */
  private static PCollection<FetchTask> grouped(
      PCollection<FetchTask> tasks,
      String name,
      org.apache.beam.sdk.transforms.SerializableFunction<FetchTask, String> key) {
    return tasks
        .apply(name, WithKeys.of(key).withKeyType(TypeDescriptors.strings()))
        .apply("Group" + name, GroupByKey.create())
        .apply("Slices", Values.create())
        .apply("Ungroup", Flatten.iterables());
  }

  /** Top-level tables of a scope; child tables are fetched within their parent's slice. */
  private List<String> names(Scope scope) {
    return tables.stream()
        .filter(t -> t.parent() == null && t.scope() == scope)
        .map(Table::name)
        .toList();
  }

  private Map<String, List<String>> children() {
    return tables.stream()
        .filter(t -> t.parent() != null)
        .collect(
            Collectors.groupingBy(
                t -> t.parent().name(), Collectors.mapping(Table::name, Collectors.toList())));
  }
}
