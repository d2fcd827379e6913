package dev.awsinventory.transforms.fetch;

import dev.awsinventory.transforms.aws.AwsClients;
import dev.awsinventory.transforms.aws.AwsSettings;
import dev.awsinventory.transforms.aws.CallStats;
import dev.awsinventory.transforms.model.FetchContext;
import dev.awsinventory.transforms.model.ResourceRow;
import dev.awsinventory.transforms.model.RowContext;
import dev.awsinventory.transforms.model.Table;
import dev.awsinventory.transforms.tables.TableRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.TupleTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * Fetches slices: paginates the table's list call in the task's account and region and turns
 * each resource into a row.
 *
 * <p>How it runs. Threads: a slice runs on a shared, JVM-wide pool of daemon threads (the work
 * waits on HTTP, so concurrency is not tied to cores or runner threads); the DoFn's own thread
 * only submits slices and emits what they produced, since Beam outputs belong to it. In-flight
 * limit: at most {@code maxInFlight} slices per DoFn instance; {@code process} blocks only
 * while the limit is reached, until any slice (not the oldest) produces something. When rows
 * leave: in batches of up to {@value #ROWS_PER_BATCH} as pages arrive, through a bounded queue
 * drained in completion order, so memory does not grow with the size of one slice and a slow
 * slice never holds back finished ones. A failed slice's rows emitted before the failure are
 * true rows and are written; only its stale deletion is skipped (its {@link SliceOutcome} is not
 * ok). Every slice emits one outcome per table, after its rows. Clients and credentials: one
 * {@link AwsClients} per JVM (see there); each slice counts its calls in its own
 * {@link CallStats}, passed with its requests.
 */
public final class FetchResources extends DoFn<FetchTask, ResourceRow> {
  public static final TupleTag<ResourceRow> ROWS = new TupleTag<>() {};
  public static final TupleTag<SliceOutcome> OUTCOMES = new TupleTag<>() {};
  static final int ROWS_PER_BATCH = 500;
  private static final Logger LOG = LoggerFactory.getLogger(FetchResources.class);
  private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "aws-inventory-fetch");
    t.setDaemon(true);
    return t;
  });

  private final AwsSettings settings;
  private final String sourceName;
  private final String syncTime;
  private final int maxInFlight;
  private transient AwsClients clients;
  private transient BlockingQueue<Event> events;
  private transient List<Future<?>> running;
  private transient int inFlight;

  public FetchResources(AwsSettings settings, String sourceName, String syncTime, int maxInFlight) {
    this.settings = settings;
    this.sourceName = sourceName;
    this.syncTime = syncTime;
    this.maxInFlight = Math.max(1, maxInFlight);
  }

  @Setup
  public void setup() {
    clients = AwsClients.acquire(settings);
  }

  @StartBundle
  public void startBundle() {
    events = new ArrayBlockingQueue<>(2 * maxInFlight + 16);
    running = new ArrayList<>();
    inFlight = 0;
  }

  @ProcessElement
  public void process(@Element FetchTask task, MultiOutputReceiver out) throws Exception {
    Consumer<ResourceRow> rows = out.get(ROWS)::output;
    Consumer<SliceOutcome> outcomes = out.get(OUTCOMES)::output;
    running.add(POOL.submit(() -> run(task)));
    inFlight++;
    for (Event e = events.poll(); e != null; e = events.poll()) {
      emit(e, rows, outcomes);
    }
    while (inFlight >= maxInFlight) {
      emit(events.take(), rows, outcomes);
    }
  }

  @FinishBundle
  public void finishBundle(FinishBundleContext c) throws Exception {
    while (inFlight > 0) {
      emit(events.take(),
          r -> c.output(ROWS, r, BoundedWindow.TIMESTAMP_MIN_VALUE, GlobalWindow.INSTANCE),
          o -> c.output(OUTCOMES, o, BoundedWindow.TIMESTAMP_MIN_VALUE, GlobalWindow.INSTANCE));
    }
    running.clear();
  }

  @Teardown
  public void teardown() {
    if (running != null) {
      running.forEach(f -> f.cancel(true));
    }
    if (clients != null) {
      clients.release();
      clients = null;
    }
  }

  private void emit(Event e, Consumer<ResourceRow> rows, Consumer<SliceOutcome> outcomes) {
    if (e.rows() != null) {
      e.rows().forEach(rows);
    }
    if (e.outcomes() != null) {
      e.outcomes().forEach(outcomes);
      e.outcomes().forEach(FetchResources::count);
      inFlight--;
    }
    if (e.error() != null) {
      throw new IllegalStateException("fetching a slice failed unexpectedly", e.error());
    }
  }

  /** Fetches on the pool; always ends with one event holding the outcomes (or the error). */
  private void run(FetchTask task) {
    List<SliceOutcome> outcomes = null;
    Throwable error = null;
    try {
      outcomes = fetch(task);
    } catch (RuntimeException | Error e) {
      error = e;
    }
    put(new Event(null, outcomes == null ? List.of() : outcomes, error));
  }

  private void put(Event e) {
    try {
      events.put(e);
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while handing over a slice's rows", ie);
    }
  }

  /** The task's table, then each selected child table per parent resource; one outcome each. */
  private List<SliceOutcome> fetch(FetchTask task) {
    Table<?> table = TableRegistry.get(task.table());
    Ec2Client ec2 = clients.ec2(task.account(), task.region());
    RowContext rowCtx = new RowContext(sourceName, syncTime, task.accountId(), task.region(), task.partition());
    List<SliceOutcome> outcomes = new ArrayList<>();
    List<Parent> parents = new ArrayList<>();
    SliceOutcome parentOutcome = timed(task, table.name(), ec2, (ctx, rows) ->
        list(table, ctx).forEach(item -> {
          ResourceRow row = row(table, item, rowCtx);
          rows.accept(row);
          if (!task.children().isEmpty()) {
            parents.add(new Parent(item, row));
          }
        }));
    outcomes.add(parentOutcome);
    for (String childName : task.children()) {
      Table<?> child = TableRegistry.get(childName);
      if (!parentOutcome.ok()) {
        outcomes.add(SliceOutcome.failed(task, childName, 0, 0, 0, 0, "ParentFailed",
            "its parent table " + table.name() + " could not be fetched"));
        continue;
      }
      outcomes.add(timed(task, childName, ec2, (ctx, rows) -> {
        for (Parent p : parents) {
          RowContext childCtx = rowCtx.withParent(table, p.row);
          child.listFor(ctx, p.item).forEach(item -> rows.accept(row(child, item, childCtx)));
        }
      }));
    }
    return outcomes;
  }

  /**
   * Runs one table's listing with its own call statistics; its rows leave in batches as they
   * come. The outcome is ok only if the whole listing succeeded.
   */
  private SliceOutcome timed(FetchTask task, String table, Ec2Client ec2, Listing listing) {
    long start = System.nanoTime();
    CallStats stats = new CallStats();
    FetchContext ctx = new Context(stats.track(ec2), task, settings.pageSize());
    RowBatches rows = new RowBatches();
    try {
      listing.run(ctx, rows);
      rows.flush();
      SliceOutcome o = SliceOutcome.ok(task, table, rows.count, stats.pages(), stats.throttles(),
          stats.retries(), (System.nanoTime() - start) / 1_000_000);
      LOG.debug("{} {} {}: {} rows, {} pages, {} throttled, {} retries, {} ms", table, task.accountId(),
          task.sliceRegion(), o.resources(), o.pages(), o.throttles(), o.retries(), o.durationMs());
      return o;
    } catch (SdkException | UnsupportedOperationException e) {
      rows.flush();
      SliceOutcome o = SliceOutcome.failed(task, table, stats.pages(), stats.throttles(),
          stats.retries(), (System.nanoTime() - start) / 1_000_000, e);
      LOG.warn("{} {} {}: {}: {}", table, task.accountId(), task.sliceRegion(), o.errorCode(), o.errorMessage());
      return o;
    }
  }

  /** One table's listing: lists through the context and hands each row to the consumer. */
  private interface Listing {
    void run(FetchContext ctx, Consumer<ResourceRow> rows);
  }

  /** Collects rows into batches and hands each full batch to the DoFn's thread. */
  private final class RowBatches implements Consumer<ResourceRow> {
    private List<ResourceRow> batch = new ArrayList<>();
    private long count;

    @Override
    public void accept(ResourceRow row) {
      batch.add(row);
      count++;
      if (batch.size() >= ROWS_PER_BATCH) {
        flush();
      }
    }

    void flush() {
      if (!batch.isEmpty()) {
        put(new Event(batch, null, null));
        batch = new ArrayList<>();
      }
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
    Metrics.counter(o.table(), o.ok() ? "slices_ok" : "slices_failed").inc();
    Metrics.distribution(o.table(), "slice_ms").update(o.durationMs());
  }

  /** What a slice hands to the DoFn's thread: rows, or (last) its outcomes or an error. */
  private record Event(List<ResourceRow> rows, List<SliceOutcome> outcomes, Throwable error) {}

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
