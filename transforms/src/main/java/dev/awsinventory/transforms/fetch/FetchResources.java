package dev.awsinventory.transforms.fetch;

import dev.awsinventory.transforms.aws.AwsClients;
import dev.awsinventory.transforms.aws.AwsSettings;
import dev.awsinventory.transforms.aws.CallStats;
import dev.awsinventory.transforms.model.FetchContext;
import dev.awsinventory.transforms.model.ResourceRow;
import dev.awsinventory.transforms.model.RowContext;
import dev.awsinventory.transforms.model.Table;
import dev.awsinventory.transforms.tables.TableRegistry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.TupleTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * Fetches slices: paginates the table's list call in the task's account and region and turns
 * each resource into a row. Slices run concurrently on a shared pool (the work waits on HTTP,
 * so concurrency is not tied to cores or runner threads), at most {@code maxInFlight} per
 * instance. A slice's rows are emitted only when all its pages arrived, so a failed slice
 * writes nothing and keeps its previous rows; every slice emits one {@link SliceOutcome}.
 */
public final class FetchResources extends DoFn<FetchTask, ResourceRow> {
  public static final TupleTag<ResourceRow> ROWS = new TupleTag<>() {};
  public static final TupleTag<SliceOutcome> OUTCOMES = new TupleTag<>() {};
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
  private transient Deque<Future<Slice>> inFlight;

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
    inFlight = new ArrayDeque<>();
  }

  @ProcessElement
  public void process(@Element FetchTask task, MultiOutputReceiver out) throws Exception {
    inFlight.add(POOL.submit(() -> fetch(task)));
    while (!inFlight.isEmpty() && (inFlight.size() >= maxInFlight || inFlight.peek().isDone())) {
      emit(inFlight.poll().get(), out.get(ROWS)::output, out.get(OUTCOMES)::output);
    }
  }

  @FinishBundle
  public void finishBundle(FinishBundleContext c) throws Exception {
    while (!inFlight.isEmpty()) {
      emit(inFlight.poll().get(),
          r -> c.output(ROWS, r, BoundedWindow.TIMESTAMP_MIN_VALUE, GlobalWindow.INSTANCE),
          o -> c.output(OUTCOMES, o, BoundedWindow.TIMESTAMP_MIN_VALUE, GlobalWindow.INSTANCE));
    }
  }

  @Teardown
  public void teardown() {
    if (inFlight != null) {
      inFlight.forEach(f -> f.cancel(true));
    }
    if (clients != null) {
      clients.release();
      clients = null;
    }
  }

  private static void emit(Slice s, Consumer<ResourceRow> rows, Consumer<SliceOutcome> outcomes) {
    s.rows.forEach(rows);
    s.outcomes.forEach(outcomes);
    s.outcomes.forEach(FetchResources::count);
  }

  /** The task's table, then each selected child table per parent resource; one outcome each. */
  private Slice fetch(FetchTask task) {
    Table<?> table = TableRegistry.get(task.table());
    FetchContext ctx = new Context(clients.ec2(task.account(), task.region()), task, settings.pageSize());
    RowContext rowCtx = new RowContext(sourceName, syncTime, task.accountId(), task.region(), task.partition());
    List<ResourceRow> rows = new ArrayList<>();
    List<SliceOutcome> outcomes = new ArrayList<>();
    List<Parent> parents = new ArrayList<>();
    SliceOutcome parentOutcome = timed(task, table.name(), () -> {
      List<ResourceRow> own = new ArrayList<>();
      list(table, ctx).forEach(item -> {
        ResourceRow row = row(table, item, rowCtx);
        own.add(row);
        if (!task.children().isEmpty()) {
          parents.add(new Parent(item, row));
        }
      });
      return own;
    }, rows);
    outcomes.add(parentOutcome);
    for (String childName : task.children()) {
      Table<?> child = TableRegistry.get(childName);
      if (!parentOutcome.ok()) {
        outcomes.add(SliceOutcome.failed(task, childName, 0, 0, 0, 0, "ParentFailed",
            "its parent table " + table.name() + " could not be fetched"));
        continue;
      }
      outcomes.add(timed(task, childName, () -> {
        List<ResourceRow> own = new ArrayList<>();
        for (Parent p : parents) {
          RowContext childCtx = rowCtx.withParent(table, p.row);
          child.listFor(ctx, p.item).forEach(item -> own.add(row(child, item, childCtx)));
        }
        return own;
      }, rows));
    }
    return new Slice(rows, outcomes);
  }

  /** Runs one slice's listing; its rows are kept only if the whole listing succeeded. */
  private static SliceOutcome timed(FetchTask task, String table, Supplier<List<ResourceRow>> listing,
      List<ResourceRow> into) {
    long start = System.nanoTime();
    CallStats stats = CallStats.start();
    // every log line about the slice (ours, the SDK's retries) carries these fields
    MDC.put("account_id", task.accountId());
    MDC.put("region", task.sliceRegion());
    MDC.put("table", table);
    try {
      List<ResourceRow> rows = listing.get();
      into.addAll(rows);
      SliceOutcome o = SliceOutcome.ok(task, table, rows.size(), stats.pages(), stats.throttles(),
          stats.retries(), (System.nanoTime() - start) / 1_000_000);
      LOG.debug("{} {} {}: {} rows, {} pages, {} throttled, {} retries, {} ms", table, task.accountId(),
          task.sliceRegion(), o.resources(), o.pages(), o.throttles(), o.retries(), o.durationMs());
      return o;
    } catch (SdkException | UnsupportedOperationException e) {
      SliceOutcome o = SliceOutcome.failed(task, table, stats.pages(), stats.throttles(),
          stats.retries(), (System.nanoTime() - start) / 1_000_000, e);
      LOG.warn("{} {} {}: {}: {}", table, task.accountId(), task.sliceRegion(), o.errorCode(), o.errorMessage());
      return o;
    } finally {
      CallStats.stop();
      MDC.remove("account_id");
      MDC.remove("region");
      MDC.remove("table");
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

  private record Slice(List<ResourceRow> rows, List<SliceOutcome> outcomes) {}

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
