package dev.awsinventory.testing.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a child process cost, read from Linux's /proc: its peak resident set (VmHWM of
 * /proc/PID/status, polled while it runs; the kernel keeps the high-water mark, so a late poll
 * loses nothing but the last interval) and its CPU time (user + system of the reaped children of
 * this JVM, /proc/self/stat fields cutime and cstime, read before and after; exact once the child
 * has been waited for). Clock ticks are taken as 100 per second (USER_HZ on Linux).
 */
final class ChildProbe {
  private static final double TICKS_PER_SECOND = 100;

  private final long pid;
  private final long cpuTicksBefore;
  private final Thread poller;
  private volatile long peakRssKb;
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
    Path status = Path.of("/proc", Long.toString(pid), "status");
    while (!stop) {
      try {
        for (String line : Files.readAllLines(status)) {
          if (line.startsWith("VmHWM:")) {
            long kb = Long.parseLong(line.replaceAll("\\D", ""));
            peakRssKb = Math.max(peakRssKb, kb);
          }
        }
        Thread.sleep(20);
      } catch (IOException | RuntimeException e) {
        return;
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Peak RSS in MiB seen while the child ran. */
  double peakRssMb() {
    return peakRssKb / 1024.0;
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
