package dev.awsinventory.testing.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * What a child process cost, read from Linux's /proc: its peak resident set (VmHWM of
 * /proc/PID/status, polled while it runs; the kernel keeps the high-water mark, so a late poll
 * loses nothing but the last interval), summed over the child and every process it started (the
 * jar's launcher starts the job in a JVM of its own: both count; the sum of their peaks is an upper
 * bound of their peak together), and its CPU time (user + system of the reaped children of this
 * JVM, /proc/self/stat fields cutime and cstime, read before and after; exact once the child has
 * been waited for). Clock ticks are taken as 100 per second (USER_HZ on Linux).
 */
final class ChildProbe {
  private static final double TICKS_PER_SECOND = 100;

  private final long pid;
  private final long cpuTicksBefore;
  private final Thread poller;
  private final Map<Long, Long> peakRssKbByPid = new ConcurrentHashMap<>();
  private volatile boolean stop;

  private ChildProbe(long pid, long cpuTicksBefore) {
    this.pid = pid;
    this.cpuTicksBefore = cpuTicksBefore;
    this.poller = new Thread(this::poll, "bench-probe");
    poller.setDaemon(true);
    poller.start();
  }

  /** Call right before starting the child; then {@link #watch(long, long)} with its pid. */
  static long childCpuTicks() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ", -1);
      // fields after the name start at field 3 (state); cutime is field 16, cstime 17
      return Long.parseLong(f[16 - 3]) + Long.parseLong(f[17 - 3]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  static ChildProbe watch(long pid, long cpuTicksBefore) {
    return new ChildProbe(pid, cpuTicksBefore);
  }

  private void poll() {
    while (!stop) {
      List<Long> pids =
          ProcessHandle.of(pid)
              .map(p -> Stream.concat(Stream.of(p), p.descendants()).map(ProcessHandle::pid))
              .orElse(Stream.empty())
              .toList();
      if (pids.isEmpty()) {
        return;
      }
      for (long p : pids) {
        long kb = highWaterMarkKb(p);
        if (kb > 0) {
          peakRssKbByPid.merge(p, kb, Math::max);
        }
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static long highWaterMarkKb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("\\D", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process ended between listing and reading
    }
    return 0;
  }

  /** Peak RSS in MiB seen while the child ran: the sum of its and its descendants' peaks. */
  double peakRssMb() {
    return peakRssKbByPid.values().stream().mapToLong(Long::longValue).sum() / 1024.0;
  }

  /** Peak RSS in MiB of the largest single process among the child and its descendants. */
  double largestProcessPeakRssMb() {
    return peakRssKbByPid.values().stream().mapToLong(Long::longValue).max().orElse(0) / 1024.0;
  }

  /** How many processes (the child and its descendants) were seen. */
  int processes() {
    return peakRssKbByPid.size();
  }

  /** CPU seconds of the child; call after it was waited for. */
  double cpuSeconds() {
    long after = childCpuTicks();
    return cpuTicksBefore < 0 || after < 0 ? -1 : (after - cpuTicksBefore) / TICKS_PER_SECOND;
  }

  /** Stops polling; waits at most one second for the poller to end. */
  void stop() throws InterruptedException {
    stop = true;
    poller.join(1000);
  }
}
