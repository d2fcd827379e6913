package dev.awsinventory.transforms.fetch;

import dev.awsinventory.transforms.aws.AwsClients;
import dev.awsinventory.transforms.aws.AwsSettings;
import dev.awsinventory.transforms.aws.CallStats;
import dev.awsinventory.transforms.aws.SliceDeadlineExceededException;
import dev.awsinventory.transforms.model.FetchContext;
import dev.awsinventory.transforms.model.ResourceRow;
import dev.awsinventory.transforms.model.RowContext;
import dev.awsinventory.transforms.model.Table;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.TupleTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * Fetches slices: paginates the table's list call in the task's account and region and turns
 * each resource into a row. Slices run concurrently on a shared pool (the work waits on HTTP,
 * so concurrency is not tied to cores or runner threads), at most {@code maxInFlight} per
 * instance. A slice's rows are emitted only when all its pages arrived, so a failed slice
 * writes nothing and keeps its previous rows; every slice emits one {@link SliceOutcome}.
 *
 * <p>Whatever a table's code throws fails only its slice ({@link ErrorPolicy}); a region denied
 * by a service control policy gives {@code RegionDenied} (or a skipped slice, see
 * {@link #withDeniedRegionsSkipped}); a slice past its deadline ({@link #withSliceTimeout})
 * stops before its next call. Calls are paced by the JVM's token buckets per (account, region,
 * action); the pipeline routes every task of one (account, region) to one worker, so those
 * buckets pace the whole job (see InventoryGraph).
 */
public final class FetchResources extends DoFn<FetchTask, ResourceRow> {
  public static final TupleTag<ResourceRow> ROWS = new TupleTag<>() {};
  public static final TupleTag<SliceOutcome> OUTCOMES = new TupleTag<>() {};
  /** How long one slice (a table and its children in one account and region) may take. */
  public static final Duration DEFAULT_SLICE_TIMEOUT = Duration.ofMinutes(30);
  /** Past its deadline a slice stops before its next AWS call; this much later it is abandoned. */
  static final Duration ABANDON_AFTER = Duration.ofMinutes(2);
  private static final Logger LOG = LoggerFactory.getLogger(FetchResources.class);
  private static final Set<String> DENIED_LOGGED = ConcurrentHashMap.newKeySet();
  private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "aws-inventory-fetch");
    t.setDaemon(true);
    return t;
  });

  private final AwsSettings settings;
  private final String sourceName;
  private final String syncTime;
  private final int maxInFlight;
  private TableLookup tables = TableLookup.REGISTRY;
  private long sliceTimeoutSeconds = DEFAULT_SLICE_TIMEOUT.toSeconds();
  private boolean skipDeniedRegions;
  private transient AwsClients clients;
  private transient Deque<InFlight> inFlight;

  public FetchResources(AwsSettings settings, String sourceName, String syncTime, int maxInFlight) {
    this.settings = settings;
    this.sourceName = sourceName;
    this.syncTime = syncTime;
    this.maxInFlight = Math.max(1, maxInFlight);
  }

  private FetchResources copy() {
    FetchResources c = new FetchResources(settings, sourceName, syncTime, maxInFlight);
    c.tables = tables;
    c.sliceTimeoutSeconds = sliceTimeoutSeconds;
    c.skipDeniedRegions = skipDeniedRegions;
    return c;
  }

  /**
   * With {@code true} ({@code denied_regions: skip}), slices of a region that a service
   * control policy denies are recorded as skipped instead of failed: their rows are kept and
   * they do not make the run partial. Either way the pair is logged once per worker.
   */
  public FetchResources withDeniedRegionsSkipped(boolean skip) {
    FetchResources c = copy();
    c.skipDeniedRegions = skip;
    return c;
  }

  /**
   * Fails a slice that runs longer than {@code timeout}: it stops before its next AWS call
   * (error code {@code SliceDeadlineExceededException}), and its rows so far are dropped. A slice
   * stuck elsewhere is abandoned (its thread interrupted) {@link #ABANDON_AFTER} later.
   */
  public FetchResources withSliceTimeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the slice timeout must be positive, got " + timeout);
    }
    FetchResources c = copy();
    c.sliceTimeoutSeconds = timeout.toSeconds();
    return c;
  }

  /** Finds table declarations with {@code lookup} instead of the registry (for tests). */
  public FetchResources withTables(TableLookup lookup) {
    FetchResources c = copy();
    c.tables = Objects.requireNonNull(lookup, "lookup");
    return c;
  }

  @Setup
  public void setup() {
    clients = AwsClients.acquire(settings);
  }

  @StartBundle
  public void startBundle() {
    inFlight = new ArrayDeque<>();
  }

  @ProcessElement
  public void process(@Element FetchTask task, MultiOutputReceiver out) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(sliceTimeoutSeconds);
    inFlight.add(new InFlight(task, deadline, POOL.submit(() -> fetch(task, deadline))));
    while (!inFlight.isEmpty() && (inFlight.size() >= maxInFlight || inFlight.peek().future.isDone())) {
      emit(result(inFlight.poll()), out.get(ROWS)::output, out.get(OUTCOMES)::output);
    }
  }

  @FinishBundle
  public void finishBundle(FinishBundleContext c) throws Exception {
    while (!inFlight.isEmpty()) {
      emit(result(inFlight.poll()),
          r -> c.output(ROWS, r, BoundedWindow.TIMESTAMP_MIN_VALUE, GlobalWindow.INSTANCE),
          o -> c.output(OUTCOMES, o, BoundedWindow.TIMESTAMP_MIN_VALUE, GlobalWindow.INSTANCE));
    }
  }

  @Teardown
  public void teardown() {
    if (inFlight != null) {
      inFlight.forEach(f -> f.future.cancel(true));
    }
    if (clients != null) {
      clients.release();
      clients = null;
    }
  }

  /**
   * The slice's result; a slice still running {@link #ABANDON_AFTER} past its deadline is
   * interrupted and reported failed, so one stuck slice never holds the bundle.
   */
  private static Slice result(InFlight f) throws InterruptedException, ExecutionException {
    long wait = f.deadline + ABANDON_AFTER.toNanos() - System.nanoTime();
    try {
      return f.future.get(Math.max(0, wait), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      f.future.cancel(true);
      RuntimeException error = new SliceDeadlineExceededException(
          "the slice ran past its deadline (--sliceTimeoutSeconds) and was abandoned");
      LOG.warn("{}: abandoned past its deadline", f.task);
      return failedSlice(f.task, error);
    }
  }

  private static Slice failedSlice(FetchTask task, Throwable e) {
    List<SliceOutcome> outcomes = new ArrayList<>();
    outcomes.add(SliceOutcome.failed(task, task.table(), 0, 0, 0, 0, e));
    task.children().forEach(c -> outcomes.add(SliceOutcome.failed(task, c, 0, 0, 0, 0, e)));
    return new Slice(List.of(), outcomes);
  }

  private static void emit(Slice s, Consumer<ResourceRow> rows, Consumer<SliceOutcome> outcomes) {
    s.rows.forEach(rows);
    s.outcomes.forEach(outcomes);
    s.outcomes.forEach(FetchResources::count);
  }

  /**
   * The task's table, then each selected child table per parent resource; one outcome each.
   * Whatever goes wrong outside a table's listing (an unknown table, a client that cannot be
   * built) fails the task's slices too, never the bundle (see {@link ErrorPolicy}).
   */
  private Slice fetch(FetchTask task, long deadline) {
    try {
      return fetchSlices(task, deadline);
    } catch (RuntimeException | Error e) {
      if (!ErrorPolicy.failsOnlyItsSlice(e)) {
        throw e;
      }
      LOG.warn("{}: {}: {}", task, Errors.code(e), Errors.message(e));
      return failedSlice(task, e);
    }
  }

  private Slice fetchSlices(FetchTask task, long deadline) {
    Table<?> table = tables.get(task.table());
    FetchContext ctx = new Context(clients.ec2(task.account(), task.region()), task, settings.pageSize());
    RowContext rowCtx = new RowContext(sourceName, syncTime, task.accountId(), task.region(), task.partition());
    List<ResourceRow> rows = new ArrayList<>();
    List<SliceOutcome> outcomes = new ArrayList<>();
    List<Parent> parents = new ArrayList<>();
    SliceOutcome parentOutcome = timed(task, table.name(), deadline, () -> {
      List<ResourceRow> own = new ArrayList<>();
      try {
        list(table, ctx).forEach(item -> {
          ResourceRow row = row(table, item, rowCtx);
          own.add(row);
          if (!task.children().isEmpty()) {
            parents.add(new Parent(item, row));
          }
        });
      } catch (RuntimeException e) {
        if (!ErrorPolicy.isTolerated(e, table.tolerated())) {
          throw e;
        }
        LOG.debug("{} {} {}: tolerated {}", table.name(), task.accountId(), task.sliceRegion(), Errors.code(e));
        own.clear();
        parents.clear();
      }
      return own;
    }, rows);
    outcomes.add(parentOutcome);
    for (String childName : task.children()) {
      Table<?> child = tables.get(childName);
      if (parentOutcome.skipped() || ErrorPolicy.REGION_DENIED.equals(parentOutcome.errorCode())) {
        outcomes.add(parentOutcome.forTable(childName));
        continue;
      }
      if (!parentOutcome.ok()) {
        outcomes.add(SliceOutcome.failed(task, childName, 0, 0, 0, 0, "ParentFailed",
            "its parent table " + table.name() + " could not be fetched"));
        continue;
      }
      outcomes.add(timed(task, childName, deadline, () -> {
        List<ResourceRow> own = new ArrayList<>();
        for (Parent p : parents) {
          RowContext childCtx = rowCtx.withParent(table, p.row);
          List<ResourceRow> ofParent = new ArrayList<>();
          try {
            child.listFor(ctx, p.item).forEach(item -> ofParent.add(row(child, item, childCtx)));
          } catch (RuntimeException e) {
            if (!ErrorPolicy.isTolerated(e, child.tolerated())) {
              throw e;
            }
            LOG.debug("{} {} {}: tolerated {}", childName, task.accountId(), task.sliceRegion(), Errors.code(e));
            continue;
          }
          own.addAll(ofParent);
        }
        return own;
      }, rows));
    }
    return new Slice(rows, outcomes);
  }

  /**
   * Runs one slice's listing; its rows are kept only if the whole listing succeeded. Any
   * exception of the table's code fails this slice alone (see {@link ErrorPolicy}).
   */
  private SliceOutcome timed(FetchTask task, String table, long deadline,
      Supplier<List<ResourceRow>> listing, List<ResourceRow> into) {
    long start = System.nanoTime();
    CallStats stats = CallStats.start(deadline);
    try {
      List<ResourceRow> rows = listing.get();
      into.addAll(rows);
      SliceOutcome o = SliceOutcome.ok(task, table, rows.size(), stats.pages(), stats.throttles(),
          stats.retries(), (System.nanoTime() - start) / 1_000_000);
      LOG.debug("{} {} {}: {} rows, {} pages, {} throttled, {} retries, {} ms", table, task.accountId(),
          task.sliceRegion(), o.resources(), o.pages(), o.throttles(), o.retries(), o.durationMs());
      return o;
    } catch (RuntimeException | Error e) {
      if (!ErrorPolicy.failsOnlyItsSlice(e)) {
        throw e;
      }
      long ms = (System.nanoTime() - start) / 1_000_000;
      if (ErrorPolicy.isRegionDenied(e)) {
        return regionDenied(task, table, stats, ms, e);
      }
      if (ErrorPolicy.isRegionNotEnabled(e)) {
        LOG.info("{} {} {}: region not enabled for the account; skipped", table, task.accountId(), task.sliceRegion());
        return SliceOutcome.skipped(task, table, stats.pages(), ms, Errors.code(e), Errors.message(e));
      }
      SliceOutcome o = SliceOutcome.failed(task, table, stats.pages(), stats.throttles(),
          stats.retries(), ms, e);
      LOG.warn("{} {} {}: {}: {}", table, task.accountId(), task.sliceRegion(), o.errorCode(), o.errorMessage());
      return o;
    } finally {
      CallStats.stop();
    }
  }

  /** A slice of a region an SCP denies: failed or skipped, and logged once per pair and worker. */
  private SliceOutcome regionDenied(FetchTask task, String table, CallStats stats, long ms, Throwable e) {
    String message = Errors.code(e) + ": " + Errors.message(e);
    if (DENIED_LOGGED.add(task.accountId() + "/" + task.region())) {
      LOG.warn("account {} region {}: denied by a service control policy{}: {}", task.accountId(),
          task.region(), skipDeniedRegions ? " (skipped: denied_regions: skip)" : "", message);
    }
    return skipDeniedRegions
        ? SliceOutcome.skipped(task, table, stats.pages(), ms, ErrorPolicy.REGION_DENIED, message)
        : SliceOutcome.failed(task, table, stats.pages(), stats.throttles(), stats.retries(), ms,
            ErrorPolicy.REGION_DENIED, message);
  }

  @SuppressWarnings("unchecked")
  private static Stream<Object> list(Table<?> table, FetchContext ctx) {
    return (Stream<Object>) table.list(ctx);
  }

  @SuppressWarnings("unchecked")
  private static <T> ResourceRow row(Table<T> table, Object item, RowContext ctx) {
    return table.row((T) item, ctx);
  }

  /** Beam metrics belong to the DoFn's thread, so they are counted here, not in the pool. */
  private static void count(SliceOutcome o) {
    Metrics.counter(o.table(), "resources").inc(o.resources());
    Metrics.counter(o.table(), "pages").inc(o.pages());
    Metrics.counter(o.table(), "throttles").inc(o.throttles());
    Metrics.counter(o.table(), "retries").inc(o.retries());
    Metrics.counter(o.table(), "slices_" + o.status().label()).inc();
    Metrics.distribution(o.table(), "slice_ms").update(o.durationMs());
  }

  private record Slice(List<ResourceRow> rows, List<SliceOutcome> outcomes) {}

  private record InFlight(FetchTask task, long deadline, Future<Slice> future) {}

  private record Parent(Object item, ResourceRow row) {}

  private record Context(Ec2Client ec2, FetchTask task, int configuredPageSize) implements FetchContext {
    @Override
    public int pageSize(int actionMaximum) {
      return configuredPageSize > 0 ? Math.min(configuredPageSize, actionMaximum) : actionMaximum;
    }

    @Override
    public String accountId() {
      return task.accountId();
    }

    @Override
    public String region() {
      return task.region();
    }

    @Override
    public String partition() {
      return task.partition();
    }
  }
}
