package dev.awsinventory.pipeline;

import dev.awsinventory.transforms.postgres.ProgressTable;
import java.io.PrintStream;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The progress line of a run, printed every {@code --progress-interval} seconds from the driver:
 * slices done of those known so far, resources fetched, failed slices, throttled calls, rate and
 * ETA. It reads {@link ProgressTable}, which the workers fill, so it is the same on every runner.
 * On a terminal the line is redrawn in place; otherwise (a log, a pipe) each is a plain line.
 */
final class Progress implements AutoCloseable {
  private final RunSession session;
  private final String runId;
  private final PrintStream out;
  private final boolean terminal;
  private final long startNanos = System.nanoTime();
  private final ScheduledExecutorService timer;
  private boolean drawn;

  private Progress(
      RunSession session, String runId, PrintStream out, boolean terminal, int intervalSeconds) {
    this.session = session;
    this.runId = runId;
    this.out = out;
    this.terminal = terminal;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "aws-inventory-progress");
              t.setDaemon(true);
              return t;
            });
    // a tick catches its own errors, so the schedule's future holds nothing to check
    var unused =
        timer.scheduleAtFixedRate(this::tick, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
  }

  /** Starts printing every {@code intervalSeconds}; 0 or less prints nothing (null is returned). */
  @SuppressWarnings("SystemConsoleNull") // Java 17: a console exists only on a terminal
  static Progress start(RunSession session, String runId, PrintStream out, int intervalSeconds) {
    if (intervalSeconds <= 0) {
      return null;
    }
    return new Progress(
        session, runId, out, System.console() != null && out == System.err, intervalSeconds);
  }

  private void tick() {
    try {
      print(line(read(), seconds()), false);
    } catch (SQLException | RuntimeException e) {
      // a missed progress line is not an error of the run; the next tick tries again
    }
  }

  /** The counts so far, over the run's session (see {@link RunSession}). */
  private ProgressTable.Counts read() throws SQLException {
    return session.call(c -> ProgressTable.read(c, runId));
  }

  /** Stops the timer and prints the last line (100% when every slice is done). */
  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      print(line(read(), seconds()), true);
    } catch (SQLException | RuntimeException e) {
      if (drawn) {
        out.println();
      }
    }
  }

  private synchronized void print(String line, boolean last) {
    if (terminal) {
      out.print("\r" + line + (last ? System.lineSeparator() : ""));
      out.flush();
      drawn = !last;
    } else {
      out.println(line);
    }
  }

  private double seconds() {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /**
   * The text of one progress line, e.g. {@code progress: 40/66 slices (61%), 1234 resources, 0
   * failed slices, 0 throttled calls, 12.3 resources/s, ETA 8 s}.
   */
  static String line(ProgressTable.Counts n, double seconds) {
    if (n.slices() == 0) {
      return String.format(
          Locale.ROOT, "progress: resolving accounts and regions (%.0f s)", seconds);
    }
    long percent = n.slices() == 0 ? 0 : n.done() * 100 / n.slices();
    double rate = seconds > 0 ? n.resources() / seconds : 0;
    String eta;
    if (n.slices() > 0 && n.done() >= n.slices()) {
      eta = "done";
    } else if (n.done() == 0) {
      eta = "ETA unknown";
    } else {
      eta = "ETA " + Math.round(seconds / n.done() * (n.slices() - n.done())) + " s";
    }
    return String.format(
        Locale.ROOT,
        "progress: %d/%d slices (%d%%), %d resources, %d failed slices, "
            + "%d throttled calls, %.1f resources/s, %s",
        n.done(),
        n.slices(),
        percent,
        n.resources(),
        n.failed(),
        n.throttles(),
        rate,
        eta);
  }
}
