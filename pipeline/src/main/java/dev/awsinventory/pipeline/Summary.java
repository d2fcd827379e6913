package dev.awsinventory.pipeline;

import dev.awsinventory.transforms.fetch.FetchTask;
import dev.awsinventory.transforms.fetch.SliceOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a run did, read back from the sync tables (so it is the same on every runner): rows per
 * table, accounts and regions fetched, and exactly the slices that failed.
 */
public record Summary(String runId, Status status, long resources, Map<String, Long> tables,
    int accounts, int regions, long slicesOk, List<SliceOutcome> failed, long throttles,
    long retries, Map<String, Calls> calls, double seconds, String error) {

  /** AWS calls of one table: pages received, throttled attempts, retried attempts. */
  public record Calls(long pages, long throttles, long retries) {
    Calls plus(SliceOutcome s) {
      return new Calls(pages + s.pages(), throttles + s.throttles(), retries + s.retries());
    }
  }

  /** ok: every slice succeeded; partial: some failed; failed: nothing usable or a fatal error. */
  public enum Status {
    OK, PARTIAL, FAILED;

    public String label() {
      return name().toLowerCase();
    }
  }

  public static Summary of(String runId, List<SliceOutcome> slices, int accountCount, double seconds) {
    Map<String, Long> tables = new TreeMap<>();
    TreeSet<String> accounts = new TreeSet<>();
    TreeSet<String> regions = new TreeSet<>();
    long throttles = 0;
    long retries = 0;
    Map<String, Calls> calls = new TreeMap<>();
    for (SliceOutcome s : slices) {
      throttles += s.throttles();
      retries += s.retries();
      if (!FetchTask.ALL.equals(s.table())) {
        calls.put(s.table(), calls.getOrDefault(s.table(), new Calls(0, 0, 0)).plus(s));
      }
      if (s.ok()) {
        tables.merge(s.table(), s.resources(), Long::sum);
        accounts.add(s.accountId());
        if (!FetchTask.ALL.equals(s.region())) {
          regions.add(s.region());
        }
      }
    }
    List<SliceOutcome> failed = slices.stream().filter(s -> !s.ok()).toList();
    long failedAccounts = failed.stream().filter(s -> FetchTask.ALL.equals(s.table())).count();
    Status status = failed.isEmpty() ? Status.OK
        : accountCount > 0 && failedAccounts >= accountCount ? Status.FAILED : Status.PARTIAL;
    long resources = tables.values().stream().mapToLong(Long::longValue).sum();
    return new Summary(runId, status, resources, tables, accounts.size(), regions.size(),
        slices.size() - failed.size(), failed, throttles, retries, calls, seconds,
        status == Status.FAILED ? "no account could be fetched" : null);
  }

  public static Summary fatal(String runId, String error, double seconds) {
    return new Summary(runId, Status.FAILED, 0, Map.of(), 0, 0, 0, List.of(), 0, 0, Map.of(), seconds, error);
  }

  /** The human summary printed at the end of every run. */
  public String text() {
    StringBuilder out = new StringBuilder();
    out.append(String.format("%naws-inventory run %s: %s in %.1f s%n", runId, status.label(), seconds));
    if (error != null) {
      out.append("  error: ").append(error).append('\n');
    }
    tables.forEach((t, n) -> {
      Calls c = calls.getOrDefault(t, new Calls(0, 0, 0));
      out.append(String.format("  %-50s %8d rows %6d pages %5d throttled %5d retries%n", t, n,
          c.pages(), c.throttles(), c.retries()));
    });
    out.append(String.format("  %d resources from %d accounts in %d regions; %d slices ok, %d failed",
        resources, accounts, regions, slicesOk, failed.size()));
    out.append(String.format("; %d throttled calls, %d retries%n", throttles, retries));
    for (SliceOutcome f : failed) {
      out.append(String.format("  FAILED %s account %s (%s) region %s: %s: %s%n", f.table(),
          f.accountId().isEmpty() ? "(id unknown)" : f.accountId(), f.accountName(), f.region(),
          f.errorCode(), f.errorMessage()));
    }
    return out.toString();
  }

  public String json() {
    StringBuilder out = new StringBuilder("{\n");
    field(out, "run_id", str(runId));
    field(out, "status", str(status.label()));
    field(out, "resources", Long.toString(resources));
    field(out, "tables", tables.entrySet().stream().map(e -> str(e.getKey()) + ": " + e.getValue())
        .collect(Collectors.joining(", ", "{", "}")));
    field(out, "accounts", Integer.toString(accounts));
    field(out, "regions", Integer.toString(regions));
    field(out, "slices_ok", Long.toString(slicesOk));
    field(out, "throttles", Long.toString(throttles));
    field(out, "retries", Long.toString(retries));
    field(out, "calls", calls.entrySet().stream().map(e -> str(e.getKey()) + ": {\"pages\": "
        + e.getValue().pages() + ", \"throttles\": " + e.getValue().throttles() + ", \"retries\": "
        + e.getValue().retries() + "}").collect(Collectors.joining(", ", "{", "}")));
    field(out, "seconds", String.format(java.util.Locale.ROOT, "%.3f", seconds));
    field(out, "error", error == null ? "null" : str(error));
    out.append("  \"failed_slices\": [");
    for (int i = 0; i < failed.size(); i++) {
      SliceOutcome f = failed.get(i);
      out.append(i == 0 ? "\n" : ",\n").append("    {\"account\": ").append(str(f.accountId()))
          .append(", \"account_name\": ").append(str(f.accountName()))
          .append(", \"region\": ").append(str(f.region()))
          .append(", \"table\": ").append(str(f.table()))
          .append(", \"error_code\": ").append(str(f.errorCode()))
          .append(", \"error\": ").append(str(f.errorMessage())).append('}');
    }
    out.append(failed.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
    return out.toString();
  }

  public void writeTo(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, json(), StandardCharsets.UTF_8);
  }

  private static void field(StringBuilder out, String name, String value) {
    out.append("  ").append(str(name)).append(": ").append(value).append(",\n");
  }

  private static String str(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
