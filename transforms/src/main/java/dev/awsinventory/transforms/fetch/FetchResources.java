package dev.awsinventory.transforms.fetch;

import dev.awsinventory.config.WriteMode;
import dev.awsinventory.transforms.aws.AwsClients;
import dev.awsinventory.transforms.aws.AwsSettings;
import dev.awsinventory.transforms.aws.CallStats;
import dev.awsinventory.transforms.aws.SliceDeadlineExceededException;
import dev.awsinventory.transforms.model.CallCounts;
import dev.awsinventory.transforms.model.FetchContext;
import dev.awsinventory.transforms.model.ResourceRow;
import dev.awsinventory.transforms.model.RowContext;
import dev.awsinventory.transforms.model.SliceError;
import dev.awsinventory.transforms.model.SliceOutcome;
import dev.awsinventory.transforms.model.SyncRun;
import dev.awsinventory.transforms.model.Table;
import dev.awsinventory.transforms.postgres.RowWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.jdbc.JdbcIO;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.TupleTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * Fetches slices: paginates the table's list call in the task's account and region and turns each
 * resource into a row.
 *
 * <p>How it runs. Threads: a slice runs on a shared, JVM-wide pool of daemon threads (the work
 * waits on HTTP, so concurrency is not tied to cores or runner threads); the DoFn's own thread only
 * submits slices and emits what they produced, since Beam outputs belong to it. In-flight limit: at
 * most {@code maxInFlight} slices at once in the JVM, whatever the number of DoFn instances; {@code
 * process} blocks only while the limit is reached, until any slice (not the oldest) ends. Of the
 * slices in flight, at most one per processor has its response read at once (reading is CPU work;
 * see {@code UnmarshallingLimit} in {@link AwsClients}); the others wait on AWS or for that turn,
 * those of up to 8 MiB read into memory first so that their connections go back to the pool. A
 * running slice holds one or two pages in memory; the slices holding pages hold at most the JVM's
 * page budget of them (64 MiB by declared length), beyond which a slice waits before its first call
 * ({@code PageBudget}), and gives back what it holds when it ends. When rows leave: in batches of
 * up to {@value #ROWS_PER_BATCH} as pages arrive, written by the slice's own thread (the pipeline's
 * way, {@link #withRowsWrittenTo}) or else handed through a bounded queue drained in completion
 * order, so memory does not grow with the size of one slice and a slow slice never holds back
 * finished ones. A failed slice's rows emitted before the failure are true rows and are written;
 * only its stale deletion is skipped (its {@link SliceOutcome} is not ok). Every slice emits one
 * outcome per table, after its rows. Clients and credentials: one {@link AwsClients} per JVM (see
 * there); each slice counts its calls in its own {@link CallStats}, passed with its requests.
 *
 * <p>Failures. Whatever a table's code throws fails only its slice ({@link ErrorPolicy}); a region
 * denied by a service control policy gives {@code RegionDenied} (or a skipped slice, see {@link
 * #withDeniedRegionsSkipped}); a slice past its deadline ({@link #withSliceTimeout}) stops before
 * its next call, and one stuck elsewhere is abandoned {@link #ABANDON_AFTER} later. Calls are paced
 * by the JVM's token buckets per (account, region, action); the pipeline routes every task of one
 * (account, region) to one worker, so those buckets pace the whole job (see InventoryGraph).
 */
public final class FetchResources extends DoFn<FetchTask, ResourceRow> {
  public static final TupleTag<ResourceRow> ROWS = new TupleTag<>() {};
  public static final TupleTag<SliceOutcome> OUTCOMES = new TupleTag<>() {};

  /** How long one slice (a table and its children in one account and region) may take. */
  public static final Duration DEFAULT_SLICE_TIMEOUT = Duration.ofMinutes(30);

  /** Past its deadline a slice stops before its next AWS call; this much later it is abandoned. */
  static final Duration ABANDON_AFTER = Duration.ofMinutes(2);

  static final int ROWS_PER_BATCH = 500;
  private static final Logger LOG = LoggerFactory.getLogger(FetchResources.class);
  private static final Set<String> DENIED_LOGGED = ConcurrentHashMap.newKeySet();

  /**
   * Slices running in this JVM, whatever the number of DoFn instances (the DirectRunner runs up to
   * {@code targetParallelism} at once, a Flink TaskManager one per slot): memory is about one page
   * per running slice, so the limit is the JVM's. One semaphore per configured limit.
   */
  private static final Map<Integer, Semaphore> SLOTS = new ConcurrentHashMap<>();

  private static final ExecutorService POOL =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "aws-inventory-fetch");
            t.setDaemon(true);
            return t;
          });

  private final AwsSettings settings;
  private final SyncRun run;
  private final int maxInFlight;
  private TableLookup tables = TableLookup.REGISTRY;
  private long sliceTimeoutSeconds = DEFAULT_SLICE_TIMEOUT.toSeconds();
  private boolean skipDeniedRegions;
  private SliceListener listener;
  private JdbcIO.DataSourceConfiguration rowsDatabase;
  private WriteMode rowsMode;
  private transient AwsClients clients;
  private transient RowWriter writer;
  private transient BlockingQueue<Event> events;
  private transient List<InFlight> running;

  /**
   * Fetches with {@code settings}, the rows carrying {@code run}'s source name and sync time, at
   * most {@code maxInFlight} slices at once in the JVM (at least 1).
   */
  public FetchResources(AwsSettings settings, SyncRun run, int maxInFlight) {
    this.settings = settings;
    this.run = Objects.requireNonNull(run, "run");
    this.maxInFlight = Math.max(1, maxInFlight);
  }

  private FetchResources copy() {
    FetchResources c = new FetchResources(settings, run, maxInFlight);
    c.tables = tables;
    c.sliceTimeoutSeconds = sliceTimeoutSeconds;
    c.skipDeniedRegions = skipDeniedRegions;
    c.listener = listener;
    c.rowsDatabase = rowsDatabase;
    c.rowsMode = rowsMode;
    return c;
  }

  /** Tells {@code listener} of each task's outcomes as soon as the task ends (see there). */
  public FetchResources withSliceListener(SliceListener listener) {
    FetchResources c = copy();
    c.listener = Objects.requireNonNull(listener, "listener");
    return c;
  }

  /**
   * With {@code true} ({@code denied_regions: skip}), slices of a region that a service control
   * policy denies are recorded as skipped instead of failed: their rows are kept and they do not
   * make the run partial. Either way the pair is logged once per worker.
   */
  public FetchResources withDeniedRegionsSkipped(boolean skip) {
    FetchResources c = copy();
    c.skipDeniedRegions = skip;
    return c;
  }

  /**
   * Fails a slice that runs longer than {@code timeout}: it stops before its next AWS call (error
   * code {@code SliceDeadlineExceededException}); rows it already sent stay, its stale rows are not
   * deleted. A slice stuck elsewhere is abandoned (its thread interrupted, its later output
   * ignored) {@link #ABANDON_AFTER} later.
   *
   * @throws IllegalArgumentException if {@code timeout} is not positive
   */
  public FetchResources withSliceTimeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the slice timeout must be positive, got " + timeout);
    }
    FetchResources c = copy();
    c.sliceTimeoutSeconds = timeout.toSeconds();
    return c;
  }

  /**
   * Writes each slice's rows to {@code database} in {@code mode} from the slice's own thread, in
   * batches of up to {@value #ROWS_PER_BATCH} as pages arrive ({@link RowWriter}), instead of
   * emitting them: a slice's outcome is emitted after all its rows are committed, and no runner
   * holds rows between steps (the DirectRunner keeps a bundle's outputs until the bundle ends). A
   * batch that cannot be written ends the run, as a failed write step would.
   */
  public FetchResources withRowsWrittenTo(JdbcIO.DataSourceConfiguration database, WriteMode mode) {
    FetchResources c = copy();
    c.rowsDatabase = Objects.requireNonNull(database, "database");
    c.rowsMode = Objects.requireNonNull(mode, "mode");
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
    if (rowsDatabase != null) {
      writer = RowWriter.on(rowsDatabase, rowsMode);
    }
  }

  @StartBundle
  public void startBundle() {
    events = new ArrayBlockingQueue<>(2 * maxInFlight + 16);
    running = new ArrayList<>();
  }

  @ProcessElement
  public void process(@Element FetchTask task, MultiOutputReceiver out) throws Exception {
    Consumer<ResourceRow> rows = out.get(ROWS)::output;
    Consumer<SliceOutcome> outcomes = out.get(OUTCOMES)::output;
    Semaphore slots = SLOTS.computeIfAbsent(maxInFlight, Semaphore::new);
    while (!slots.tryAcquire(20, TimeUnit.MILLISECONDS)) {
      drain(rows, outcomes);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(sliceTimeoutSeconds);
    InFlight slice = new InFlight(task, deadline, events, slots);
    running.add(slice);
    slice.future = POOL.submit(() -> run(slice));
    drain(rows, outcomes);
    while (running.size() >= maxInFlight) {
      emit(next(), rows, outcomes);
    }
  }

  /** Emits what the bundle's slices have produced so far, without waiting. */
  private void drain(Consumer<ResourceRow> rows, Consumer<SliceOutcome> outcomes) {
    for (Event e = events.poll(); e != null; e = events.poll()) {
      emit(e, rows, outcomes);
    }
  }

  @FinishBundle
  public void finishBundle(FinishBundleContext c) throws Exception {
    while (!running.isEmpty()) {
      emit(
          next(),
          r -> c.output(ROWS, r, BoundedWindow.TIMESTAMP_MIN_VALUE, GlobalWindow.INSTANCE),
          o -> c.output(OUTCOMES, o, BoundedWindow.TIMESTAMP_MIN_VALUE, GlobalWindow.INSTANCE));
    }
  }

  @Teardown
  public void teardown() {
    if (running != null) {
      running.forEach(InFlight::abandon);
    }
    if (clients != null) {
      clients.release();
      clients = null;
    }
  }

  /**
   * The next event of a running slice; a slice still running {@link #ABANDON_AFTER} past its
   * deadline is abandoned instead and reported failed, so one stuck slice never holds the bundle.
   */
  private Event next() throws InterruptedException {
    while (true) {
      long now = System.nanoTime();
      InFlight first = running.get(0);
      for (InFlight f : running) {
        if (f.deadline - first.deadline < 0) {
          first = f;
        }
      }
      long wait = first.deadline + ABANDON_AFTER.toNanos() - now;
      Event e = events.poll(Math.max(0, wait), TimeUnit.NANOSECONDS);
      if (e != null) {
        return e;
      }
      if (first.deadline + ABANDON_AFTER.toNanos() - System.nanoTime() <= 0) {
        first.abandon();
        LOG.warn("{}: abandoned past its deadline", first.task);
        return new Event(
            first,
            null,
            failedSlice(
                first.task,
                new SliceDeadlineExceededException(
                    "the slice ran past its deadline (--slice-timeout-seconds) and was abandoned")),
            null);
      }
    }
  }

  private void emit(Event e, Consumer<ResourceRow> rows, Consumer<SliceOutcome> outcomes) {
    if (e.slice().abandoned && e.outcomes() == null) {
      return; // late rows of an abandoned slice
    }
    if (e.rows() != null) {
      e.rows().forEach(rows);
    }
    if (e.outcomes() != null) {
      if (!running.remove(e.slice())) {
        return; // the abandoned slice's own late outcomes, after the failure reported for it
      }
      e.outcomes().forEach(outcomes);
      e.outcomes().forEach(FetchResources::count);
      if (listener != null) {
        listener.finished(e.outcomes());
      }
    }
    if (e.error() != null) {
      throw new IllegalStateException("fetching a slice failed unexpectedly", e.error());
    }
  }

  /** Fetches on the pool; always ends with one event holding the outcomes (or the error). */
  private void run(InFlight slice) {
    List<SliceOutcome> outcomes = null;
    Throwable error = null;
    try {
      outcomes = fetch(slice);
    } catch (RuntimeException | Error e) {
      error = e;
    } finally {
      slice.releaseSlot();
    }
    slice.put(new Event(slice, null, outcomes == null ? List.of() : outcomes, error));
  }

  private static List<SliceOutcome> failedSlice(FetchTask task, Throwable e) {
    List<SliceOutcome> outcomes = new ArrayList<>();
    SliceError error = Errors.of(e);
    outcomes.add(failed(task, task.table(), CallCounts.NONE, error));
    task.children().forEach(c -> outcomes.add(failed(task, c, CallCounts.NONE, error)));
    return outcomes;
  }

  /**
   * The task's table, then each selected child table per parent resource; one outcome each.
   * Whatever goes wrong outside a table's listing (an unknown table, a client that cannot be built)
   * fails the task's slices too, never the bundle (see {@link ErrorPolicy}).
   */
  private List<SliceOutcome> fetch(InFlight slice) {
    try {
      return fetchSlices(slice);
    } catch (RuntimeException | Error e) {
      if (!ErrorPolicy.failsOnlyItsSlice(e)) {
        throw e;
      }
      LOG.warn("{}: {}: {}", slice.task, Errors.code(e), Errors.message(e));
      return failedSlice(slice.task, e);
    }
  }

  private List<SliceOutcome> fetchSlices(InFlight slice) {
    FetchTask task = slice.task;
    Table<?> table = tables.get(task.table());
    Ec2Client ec2 = clients.ec2(task.account(), task.region());
    RowContext rowCtx = new RowContext(run, task.accountId(), task.region(), task.partition());
    List<SliceOutcome> outcomes = new ArrayList<>();
    List<Parent> parents = new ArrayList<>();
    SliceOutcome parentOutcome =
        timed(
            slice,
            table.name(),
            ec2,
            (ctx, rows) -> {
              try {
                list(table, ctx)
                    .forEach(
                        item -> {
                          ResourceRow row = row(table, item, rowCtx);
                          rows.accept(row);
                          if (!task.children().isEmpty()) {
                            parents.add(new Parent(item, row));
                          }
                        });
              } catch (RuntimeException e) {
                if (!ErrorPolicy.isTolerated(e, table.tolerated())) {
                  throw e;
                }
                LOG.debug(
                    "{} {} {}: tolerated {}",
                    table.name(),
                    task.accountId(),
                    task.sliceRegion(),
                    Errors.code(e));
                parents.clear();
              }
            });
    outcomes.add(parentOutcome);
    for (String childName : task.children()) {
      Table<?> child = tables.get(childName);
      if (parentOutcome.skipped() || ErrorPolicy.REGION_DENIED.equals(parentOutcome.errorCode())) {
        outcomes.add(parentOutcome.forTable(childName));
        continue;
      }
      if (!parentOutcome.ok()) {
        outcomes.add(
            failed(
                task,
                childName,
                CallCounts.NONE,
                new SliceError(
                    "ParentFailed", "its parent table " + table.name() + " could not be fetched")));
        continue;
      }
      outcomes.add(
          timed(
              slice,
              childName,
              ec2,
              (ctx, rows) -> {
                for (Parent p : parents) {
                  RowContext childCtx = rowCtx.withParent(table, p.row);
                  List<ResourceRow> ofParent = new ArrayList<>();
                  try {
                    child
                        .listFor(ctx, p.item)
                        .forEach(item -> ofParent.add(row(child, item, childCtx)));
                  } catch (RuntimeException e) {
                    if (!ErrorPolicy.isTolerated(e, child.tolerated())) {
                      throw e;
                    }
                    LOG.debug(
                        "{} {} {}: tolerated {}",
                        childName,
                        task.accountId(),
                        task.sliceRegion(),
                        Errors.code(e));
                    continue;
                  }
                  ofParent.forEach(rows);
                }
              }));
    }
    return outcomes;
  }

  /**
   * Runs one table's listing with its own call statistics; its rows leave in batches as they come.
   * The outcome is ok only if the whole listing succeeded. Any exception of the table's code fails
   * this slice alone (see {@link ErrorPolicy}).
   */
  private SliceOutcome timed(InFlight slice, String table, Ec2Client ec2, Listing listing) {
    FetchTask task = slice.task;
    long start = System.nanoTime();
    CallStats stats = new CallStats(slice.deadline);
    FetchContext ctx = new Context(stats.track(ec2), task, settings.pageSize());
    RowBatches rows = new RowBatches(slice, writer, table);
    // every log line about the slice (ours, the SDK's retries) carries these fields
    MDC.put("account_id", task.accountId());
    MDC.put("region", task.sliceRegion());
    MDC.put("table", table);
    try {
      listing.run(ctx, rows);
      rows.flush();
      SliceOutcome o =
          SliceOutcome.ok(
              task.sliceKey(table),
              task.account().name(),
              spent(stats, start).withResources(rows.count));
      LOG.debug(
          "{} {} {}: {} rows, {} pages, {} throttled, {} retries, {} ms",
          table,
          task.accountId(),
          task.sliceRegion(),
          o.resources(),
          o.pages(),
          o.throttles(),
          o.retries(),
          o.durationMs());
      return o;
    } catch (RuntimeException | Error e) {
      if (!ErrorPolicy.failsOnlyItsSlice(e)) {
        throw e;
      }
      rows.flush();
      CallCounts spent = spent(stats, start);
      if (ErrorPolicy.isRegionDenied(e)) {
        return regionDenied(task, table, spent, e);
      }
      if (ErrorPolicy.isRegionNotEnabled(e)) {
        LOG.info(
            "{} {} {}: region not enabled for the account; skipped",
            table,
            task.accountId(),
            task.sliceRegion());
        return skipped(task, table, spent, Errors.of(e));
      }
      SliceOutcome o = failed(task, table, spent, Errors.of(e));
      LOG.warn(
          "{} {} {}: {}: {}",
          table,
          task.accountId(),
          task.sliceRegion(),
          o.errorCode(),
          o.errorMessage());
      return o;
    } finally {
      stats.releasePage();
      MDC.remove("account_id");
      MDC.remove("region");
      MDC.remove("table");
    }
  }

  /** A slice of a region an SCP denies: failed or skipped, and logged once per pair and worker. */
  private SliceOutcome regionDenied(FetchTask task, String table, CallCounts spent, Throwable e) {
    String message = Errors.code(e) + ": " + Errors.message(e);
    if (DENIED_LOGGED.add(task.accountId() + "/" + task.region())) {
      LOG.warn(
          "account {} region {}: denied by a service control policy{}: {}",
          task.accountId(),
          task.region(),
          skipDeniedRegions ? " (skipped: denied_regions: skip)" : "",
          message);
    }
    SliceError denied = new SliceError(ErrorPolicy.REGION_DENIED, message);
    return skipDeniedRegions
        ? skipped(task, table, spent, denied)
        : failed(task, table, spent, denied);
  }

  /**
   * The calls of a slice that started at {@code startNanos} ({@link System#nanoTime()}): pages,
   * throttled and retried attempts, and the milliseconds since; no resources yet.
   */
  private static CallCounts spent(CallStats stats, long startNanos) {
    return CallCounts.NONE
        .withPages(stats.pages())
        .withThrottles(stats.throttles())
        .withRetries(stats.retries())
        .withDurationMs((System.nanoTime() - startNanos) / 1_000_000);
  }

  private static SliceOutcome failed(
      FetchTask task, String table, CallCounts spent, SliceError error) {
    return SliceOutcome.failed(task.sliceKey(table), task.account().name(), spent, error);
  }

  /** A skipped slice keeps its pages and time; its throttled and retried calls are not counted. */
  private static SliceOutcome skipped(
      FetchTask task, String table, CallCounts spent, SliceError reason) {
    return SliceOutcome.skipped(
        task.sliceKey(table),
        task.account().name(),
        CallCounts.NONE.withPages(spent.pages()).withDurationMs(spent.durationMs()),
        reason);
  }

  /** One table's listing: lists through the context and hands each row to the consumer. */
  private interface Listing {
    void run(FetchContext ctx, Consumer<ResourceRow> rows);
  }

  /**
   * Collects one table's rows into batches and writes each full batch (with a writer) or hands it
   * to the DoFn's thread.
   */
  private static final class RowBatches implements Consumer<ResourceRow> {
    private final InFlight slice;
    private final RowWriter writer;
    private final String table;
    private List<ResourceRow> batch = new ArrayList<>();
    private long count;

    RowBatches(InFlight slice, RowWriter writer, String table) {
      this.slice = slice;
      this.writer = writer;
      this.table = table;
    }

    @Override
    public void accept(ResourceRow row) {
      batch.add(row);
      count++;
      if (batch.size() >= ROWS_PER_BATCH) {
        flush();
      }
    }

    void flush() {
      if (batch.isEmpty()) {
        return;
      }
      if (writer == null) {
        slice.put(new Event(slice, batch, null, null));
      } else if (!slice.abandoned) {
        writer.write(table, batch);
      }
      batch = new ArrayList<>();
    }
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

  /**
   * One submitted slice: its task, its deadline ({@link System#nanoTime()} scale), the queue of the
   * bundle it belongs to, and whether it was abandoned.
   */
  private static final class InFlight {
    final FetchTask task;
    final long deadline;
    final BlockingQueue<Event> events;
    private final Semaphore slots;
    private final AtomicBoolean slotHeld = new AtomicBoolean(true);
    volatile boolean abandoned;
    volatile Future<?> future;

    InFlight(FetchTask task, long deadline, BlockingQueue<Event> events, Semaphore slots) {
      this.task = task;
      this.deadline = deadline;
      this.events = events;
      this.slots = slots;
    }

    /** Gives back the slice's place in the JVM's limit, once (when it ends or is abandoned). */
    void releaseSlot() {
      if (slotHeld.compareAndSet(true, false)) {
        slots.release();
      }
    }

    void put(Event e) {
      if (abandoned) {
        return;
      }
      try {
        events.put(e);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while handing over a slice's rows", ie);
      }
    }

    void abandon() {
      abandoned = true;
      releaseSlot();
      Future<?> f = future;
      if (f != null) {
        f.cancel(true);
      }
    }
  }

  /** What a slice hands to the DoFn's thread: rows, or (last) its outcomes or an error. */
  private record Event(
      InFlight slice, List<ResourceRow> rows, List<SliceOutcome> outcomes, Throwable error) {}

  private record Parent(Object item, ResourceRow row) {}

  private record Context(Ec2Client ec2, FetchTask task, int configuredPageSize)
      implements FetchContext {
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
