package dev.awsinventory.pipeline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.awsinventory.transforms.fetch.ErrorPolicy;
import dev.awsinventory.transforms.model.SliceKey;
import dev.awsinventory.transforms.model.SliceOutcome;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a run did, read back from the sync tables (so it is the same on every runner): rows per
 * table, accounts and regions fetched, and exactly the slices that failed. Made by {@link #of} from
 * the slices of a run, or by a {@link Builder} ({@link #builder}, {@link #toBuilder}), which holds
 * every default in one place and names each part it is given.
 *
 * @param runId the run's id
 * @param status ok, partial or failed
 * @param resources rows fetched, all tables together
 * @param tables rows fetched per table
 * @param accounts accounts with at least one ok slice
 * @param regions regions with at least one ok slice
 * @param slicesOk slices that succeeded
 * @param failed the slices that failed
 * @param throttles AWS attempts refused as throttled, all slices together
 * @param retries AWS attempts retried, all slices together
 * @param calls AWS calls per table
 * @param seconds how long the run took
 * @param error why the run failed, or null
 * @param unsupportedTables {@code tables} patterns naming only CloudQuery tables not fetched here
 * @param skipped the slices skipped on purpose
 * @param coverage the organization's accounts and the orphan rows
 */
public record Summary(
    String runId,
    Status status,
    long resources,
    Map<String, Long> tables,
    int accounts,
    int regions,
    long slicesOk,
    List<SliceOutcome> failed,
    long throttles,
    long retries,
    Map<String, Calls> calls,
    double seconds,
    String error,
    List<String> unsupportedTables,
    List<SliceOutcome> skipped,
    CoverageReport coverage) {
  private static final JsonFactory JSON = new JsonFactory();

  /**
   * An ok summary of run {@code runId} with nothing counted: no rows, slices, calls or time, no
   * error, no unsupported tables and {@link CoverageReport#NONE}; set what differs.
   */
  public static Builder builder(String runId) {
    return new Builder(runId);
  }

  /** A builder holding this summary's parts. */
  public Builder toBuilder() {
    return builder(runId)
        .status(status)
        .resources(resources)
        .tables(tables)
        .accounts(accounts)
        .regions(regions)
        .slicesOk(slicesOk)
        .failed(failed)
        .throttles(throttles)
        .retries(retries)
        .calls(calls)
        .seconds(seconds)
        .error(error)
        .unsupportedTables(unsupportedTables)
        .skipped(skipped)
        .coverage(coverage);
  }

  /** A copy with the accounts and orphans accounted for. */
  public Summary withCoverage(CoverageReport report) {
    return toBuilder().coverage(report).build();
  }

  /** AWS calls of one table: pages received, throttled attempts, retried attempts. */
  public record Calls(long pages, long throttles, long retries) {
    static final Calls NONE = new Calls(0, 0, 0);

    Calls plus(SliceOutcome s) {
      return new Calls(pages + s.pages(), throttles + s.throttles(), retries + s.retries());
    }
  }

  /** ok: every slice succeeded; partial: some failed; failed: nothing usable or a fatal error. */
  public enum Status {
    OK,
    PARTIAL,
    FAILED;

    /** The status as the summary file and the sync tables write it. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * The summary of a run from its recorded slices; {@code accountCount} accounts were to be fetched
   * (all failing makes the run failed).
   */
  public static Summary of(
      String runId, List<SliceOutcome> slices, int accountCount, double seconds) {
    Map<String, Long> tables = new TreeMap<>();
    TreeSet<String> accounts = new TreeSet<>();
    TreeSet<String> regions = new TreeSet<>();
    long throttles = 0;
    long retries = 0;
    Map<String, Calls> calls = new TreeMap<>();
    for (SliceOutcome s : slices) {
      throttles += s.throttles();
      retries += s.retries();
      if (s.key().oneTable()) {
        calls.put(s.table(), calls.getOrDefault(s.table(), Calls.NONE).plus(s));
      }
      if (s.ok()) {
        tables.merge(s.table(), s.resources(), Long::sum);
        accounts.add(s.accountId());
        if (s.key().oneRegion()) {
          regions.add(s.region());
        }
      }
    }
    List<SliceOutcome> failed = slices.stream().filter(SliceOutcome::failed).toList();
    List<SliceOutcome> skipped = slices.stream().filter(SliceOutcome::skipped).toList();
    long failedAccounts =
        failed.stream().filter(s -> s.key().extent() == SliceKey.Extent.WHOLE_ACCOUNT).count();
    Status status =
        failed.isEmpty()
            ? Status.OK
            : accountCount > 0 && failedAccounts >= accountCount ? Status.FAILED : Status.PARTIAL;
    return builder(runId)
        .status(status)
        .resources(tables.values().stream().mapToLong(Long::longValue).sum())
        .tables(tables)
        .accounts(accounts.size())
        .regions(regions.size())
        .slicesOk(slices.stream().filter(SliceOutcome::ok).count())
        .failed(failed)
        .throttles(throttles)
        .retries(retries)
        .calls(calls)
        .seconds(seconds)
        .error(status == Status.FAILED ? "no account could be fetched" : null)
        .skipped(skipped)
        .build();
  }

  /**
   * This summary listing {@code tables} patterns that name only CloudQuery tables this tool does
   * not fetch (reported, not fetched, not failed).
   */
  public Summary withUnsupportedTables(List<String> patterns) {
    return toBuilder().unsupportedTables(List.copyOf(patterns)).build();
  }

  /** The human summary printed at the end of every run. */
  public String text() {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format("%naws-inventory run %s: %s in %.1f s%n", runId, status.label(), seconds));
    if (error != null) {
      out.append("  error: ").append(error).append('\n');
    }
    tables.forEach(
        (t, n) -> {
          Calls c = calls.getOrDefault(t, Calls.NONE);
          out.append(
              String.format(
                  "  %-50s %8d rows %6d pages %5d throttled %5d retries%n",
                  t, n, c.pages(), c.throttles(), c.retries()));
        });
    out.append(
        String.format(
            "  %d resources from %d accounts in %d regions; %d slices ok, %d failed",
            resources, accounts, regions, slicesOk, failed.size()));
    out.append(skipped.isEmpty() ? "" : String.format(", %d skipped", skipped.size()));
    out.append(String.format("; %d throttled calls, %d retries%n", throttles, retries));
    for (DeniedRegion d : deniedRegions()) {
      out.append(
          String.format(
              "  %s account %s (%s) region %s: denied by a service control policy "
                  + "(%d tables)%s: %s%n",
              d.skipped() ? "SKIPPED" : "FAILED",
              d.accountId(),
              d.accountName(),
              d.region(),
              d.tables(),
              d.skipped() ? "" : "; denied_regions: skip would skip it",
              d.error()));
    }
    if (!unsupportedTables.isEmpty()) {
      out.append("  unsupported_tables (CloudQuery tables not fetched): ")
          .append(String.join(", ", unsupportedTables))
          .append('\n');
    }
    for (SliceOutcome f : failed) {
      if (ErrorPolicy.REGION_DENIED.equals(f.errorCode())) {
        continue;
      }
      out.append(
          String.format(
              "  FAILED %s account %s (%s) region %s: %s: %s%n",
              f.table(),
              f.accountId().isEmpty() ? "(id unknown)" : f.accountId(),
              f.accountName(),
              f.region(),
              f.errorCode(),
              f.errorMessage()));
    }
    out.append(coverage.text());
    return out.toString();
  }

  /**
   * The summary as JSON, the contract the Airflow DAG reads: {@code run_id}, {@code status} ({@code
   * ok}, {@code partial}, {@code failed}), {@code resources}, {@code tables} (rows per table),
   * {@code accounts}, {@code regions}, {@code slices_ok}, {@code throttles}, {@code retries},
   * {@code calls} (pages, throttles, retries per table), {@code seconds}, {@code
   * unsupported_tables} ({@code tables} patterns naming only CloudQuery tables not fetched here),
   * {@code error} (null unless fatal), {@code denied_regions} (each (account, region) a service
   * control policy denied, once: account, account_name, region, status failed or skipped, tables,
   * error) and {@code failed_slices} (account, account_name, region, table, error_code, error;
   * every failed slice, those of denied regions included). Written with Jackson in the layout of
   * {@link SummaryLayout}.
   */
  public String json() {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.setPrettyPrinter(new SummaryLayout());
      g.writeStartObject();
      g.writeStringField("run_id", runId);
      g.writeStringField("status", status.label());
      g.writeNumberField("resources", resources);
      g.writeObjectFieldStart("tables");
      for (Map.Entry<String, Long> e : tables.entrySet()) {
        g.writeNumberField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
      g.writeNumberField("accounts", accounts);
      g.writeNumberField("regions", regions);
      g.writeNumberField("slices_ok", slicesOk);
      g.writeNumberField("throttles", throttles);
      g.writeNumberField("retries", retries);
      g.writeObjectFieldStart("calls");
      for (Map.Entry<String, Calls> e : calls.entrySet()) {
        g.writeObjectFieldStart(e.getKey());
        g.writeNumberField("pages", e.getValue().pages());
        g.writeNumberField("throttles", e.getValue().throttles());
        g.writeNumberField("retries", e.getValue().retries());
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeFieldName("seconds");
      g.writeNumber(String.format(Locale.ROOT, "%.3f", seconds));
      g.writeArrayFieldStart("unsupported_tables");
      for (String pattern : unsupportedTables) {
        g.writeString(pattern);
      }
      g.writeEndArray();
      g.writeStringField("error", error);
      g.writeArrayFieldStart("denied_regions");
      for (DeniedRegion d : deniedRegions()) {
        g.writeStartObject();
        g.writeStringField("account", d.accountId());
        g.writeStringField("account_name", d.accountName());
        g.writeStringField("region", d.region());
        g.writeStringField("status", d.skipped() ? "skipped" : "failed");
        g.writeNumberField("tables", d.tables());
        g.writeStringField("error", d.error());
        g.writeEndObject();
      }
      g.writeEndArray();
      coverage.writeJson(g);
      g.writeArrayFieldStart("failed_slices");
      for (SliceOutcome f : failed) {
        g.writeStartObject();
        g.writeStringField("account", f.accountId());
        g.writeStringField("account_name", f.accountName());
        g.writeStringField("region", f.region());
        g.writeStringField("table", f.table());
        g.writeStringField("error_code", f.errorCode());
        g.writeStringField("error", f.errorMessage());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.append('\n').toString();
  }

  /**
   * The (account, region) pairs a service control policy denied, once each, whatever the number of
   * tables and child tables in them (failed ones first).
   */
  public List<DeniedRegion> deniedRegions() {
    Map<String, DeniedRegion> pairs = new java.util.LinkedHashMap<>();
    for (List<SliceOutcome> list : List.of(failed, skipped)) {
      for (SliceOutcome o : list) {
        if (ErrorPolicy.REGION_DENIED.equals(o.errorCode())) {
          pairs.merge(
              o.accountId() + "/" + o.region(),
              new DeniedRegion(
                  o.accountId(), o.accountName(), o.region(), o.skipped(), 1, o.errorMessage()),
              (a, b) -> a.plusOne());
        }
      }
    }
    return List.copyOf(pairs.values());
  }

  /**
   * One (account, region) denied by a service control policy, and how many of its tables it cost.
   */
  public record DeniedRegion(
      String accountId,
      String accountName,
      String region,
      boolean skipped,
      int tables,
      String error) {
    DeniedRegion plusOne() {
      return new DeniedRegion(accountId, accountName, region, skipped, tables + 1, error);
    }
  }

  /**
   * Writes {@link #json()} to {@code file}, creating its directory.
   *
   * @throws IOException from the file system
   */
  public void writeTo(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, json(), StandardCharsets.UTF_8);
  }

  /** Builds a {@link Summary}; every part not set keeps the default {@link #builder} names. */
  public static final class Builder {
    private final String runId;
    private Status status = Status.OK;
    private long resources;
    private Map<String, Long> tables = Map.of();
    private int accounts;
    private int regions;
    private long slicesOk;
    private List<SliceOutcome> failed = List.of();
    private long throttles;
    private long retries;
    private Map<String, Calls> calls = Map.of();
    private double seconds;
    private String error;
    private List<String> unsupportedTables = List.of();
    private List<SliceOutcome> skipped = List.of();
    private CoverageReport coverage = CoverageReport.NONE;

    private Builder(String runId) {
      this.runId = runId;
    }

    /** A run that failed as a whole: status failed, and why. */
    public Builder fatal(String error) {
      return status(Status.FAILED).error(error);
    }

    /** How the run ended. */
    public Builder status(Status status) {
      this.status = status;
      return this;
    }

    /** Rows fetched, all tables together. */
    public Builder resources(long resources) {
      this.resources = resources;
      return this;
    }

    /** Rows fetched per table. */
    public Builder tables(Map<String, Long> tables) {
      this.tables = tables;
      return this;
    }

    /** Accounts with at least one ok slice. */
    public Builder accounts(int accounts) {
      this.accounts = accounts;
      return this;
    }

    /** Regions with at least one ok slice. */
    public Builder regions(int regions) {
      this.regions = regions;
      return this;
    }

    /** Slices that succeeded. */
    public Builder slicesOk(long slicesOk) {
      this.slicesOk = slicesOk;
      return this;
    }

    /** The slices that failed. */
    public Builder failed(List<SliceOutcome> failed) {
      this.failed = failed;
      return this;
    }

    /** Throttled AWS attempts, all slices together. */
    public Builder throttles(long throttles) {
      this.throttles = throttles;
      return this;
    }

    /** Retried AWS attempts, all slices together. */
    public Builder retries(long retries) {
      this.retries = retries;
      return this;
    }

    /** AWS calls per table. */
    public Builder calls(Map<String, Calls> calls) {
      this.calls = calls;
      return this;
    }

    /** How long the run took. */
    public Builder seconds(double seconds) {
      this.seconds = seconds;
      return this;
    }

    /** Why the run failed, or null. */
    public Builder error(String error) {
      this.error = error;
      return this;
    }

    /** {@code tables} patterns naming only CloudQuery tables not fetched here. */
    public Builder unsupportedTables(List<String> patterns) {
      this.unsupportedTables = patterns;
      return this;
    }

    /** The slices skipped on purpose. */
    public Builder skipped(List<SliceOutcome> skipped) {
      this.skipped = skipped;
      return this;
    }

    /** The organization's accounts and the orphan rows. */
    public Builder coverage(CoverageReport coverage) {
      this.coverage = coverage;
      return this;
    }

    /** The summary. */
    public Summary build() {
      return new Summary(
          runId,
          status,
          resources,
          tables,
          accounts,
          regions,
          slicesOk,
          failed,
          throttles,
          retries,
          calls,
          seconds,
          error,
          unsupportedTables,
          skipped,
          coverage);
    }
  }
}
