package dev.awsinventory.testing.bench;

import dev.awsinventory.testing.aws.Credentials;
import dev.awsinventory.testing.aws.FakeAccount;
import dev.awsinventory.testing.aws.FakeAws;
import dev.awsinventory.testing.aws.FakeRegion;
import dev.awsinventory.testing.db.TestDatabase;
import dev.awsinventory.testing.scenario.LegacyConfig;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The benchmark harness: starts the fake AWS with a generated inventory and an embedded PostgreSQL,
 * runs the packaged jar end to end as its own process (plain {@code java -jar}), and prints and
 * writes as JSON what it cost: wall time, CPU seconds and peak RSS of the jar's process, peak heap
 * (from its GC log), resources/s, calls/s, throttles, retries, the calls the fake AWS received by
 * action, the scenario's {@link Bound} and efficiency = bound / wall, and the rate of PostgreSQL's
 * own {@code COPY} loading the same rows, with our end-to-end rate as a fraction of it.
 *
 * <p>Run it with one Maven command (see README "Performance"), parameters as system properties:
 * {@code bench.scenario} (S0-S6, S4b), {@code bench.accounts}, {@code bench.regions}, {@code
 * bench.perTable}, {@code bench.pageSize}, {@code bench.latencyMs}, {@code bench.buckets}, {@code
 * bench.concurrency}, {@code bench.tables} (comma-separated, or {@code *}), {@code bench.repeat}
 * (runs, each into a new database), {@code bench.jvmArgs} and {@code bench.jobArgs}
 * (space-separated, added to the jar's command), {@code bench.jar}, {@code bench.out} (directory
 * for the JSON). Measurements are reported, never asserted.
 */
public final class Benchmark {
  private static final Pattern GC_BEFORE = Pattern.compile("(\\d+)M->\\d+M\\(");

  private Benchmark() {}

  public static void main(String[] args) throws Exception {
    Scenario s = scenario();
    int repeat = Integer.getInteger("bench.repeat", 1);
    Path jar =
        Path.of(System.getProperty("bench.jar", "runners/target/aws-inventory.jar"))
            .toAbsolutePath();
    Path out = Path.of(System.getProperty("bench.out", "target/bench")).toAbsolutePath();
    List<String> jvmArgs = words(System.getProperty("bench.jvmArgs", ""));
    List<String> jobArgs = words(System.getProperty("bench.jobArgs", ""));
    if (!Files.isRegularFile(jar)) {
      System.err.println(
          "no jar at " + jar + " (build it: mvn -B -q -pl runners -am package -DskipTests)");
      System.exit(1);
    }
    Files.createDirectories(out);
    Path dir = Files.createTempDirectory("aws-inventory-bench");
    System.out.println("benchmark " + s);
    List<Map<String, Object>> runs = new ArrayList<>();
    try (FakeAws aws = FakeAws.start();
        TestDatabase pg = TestDatabase.start()) {
      long fillStart = System.nanoTime();
      Credentials source = aws.sourceUser("111111111111");
      String accounts = stock(aws, s);
      System.out.printf(
          Locale.ROOT,
          "inventory of %d resources generated in %.1f s%n",
          s.resources(),
          (System.nanoTime() - fillStart) / 1e9);
      aws.faults().latency(Duration.ofMillis(s.latencyMs())).enforceAwsBuckets(s.buckets());
      for (int i = 1; i <= repeat; i++) {
        runs.add(run(s, aws, pg, source, accounts, jar, jvmArgs, jobArgs, dir.resolve("run" + i)));
      }
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("scenario", scenarioMap(s));
    report.put("machine", machine());
    report.put("runs", runs);
    String json = Json.write(report);
    Path file = out.resolve(s.name() + "-" + Instant.now().toString().replace(':', '-') + ".json");
    Files.writeString(file, json);
    System.out.println(json);
    System.out.println("written to " + file);
  }

  /** The preset named by {@code bench.scenario}, with any property overrides applied. */
  static Scenario scenario() {
    Scenario s = Scenario.preset(System.getProperty("bench.scenario", "S0"));
    if (System.getProperty("bench.accounts") != null) {
      s = s.withAccounts(Integer.getInteger("bench.accounts"));
    }
    if (System.getProperty("bench.regions") != null) {
      s = s.withRegions(Integer.getInteger("bench.regions"));
    }
    if (System.getProperty("bench.perTable") != null) {
      s = s.withPerTable(Integer.getInteger("bench.perTable"));
    }
    if (System.getProperty("bench.pageSize") != null) {
      s = s.withPageSize(Integer.getInteger("bench.pageSize"));
    }
    if (System.getProperty("bench.latencyMs") != null) {
      s = s.withLatencyMs(Integer.getInteger("bench.latencyMs"));
    }
    if (System.getProperty("bench.buckets") != null) {
      s = s.withBuckets(Boolean.getBoolean("bench.buckets"));
    }
    if (System.getProperty("bench.concurrency") != null) {
      s = s.withConcurrency(Integer.getInteger("bench.concurrency"));
    }
    if (System.getProperty("bench.tables") != null) {
      s =
          s.withTables(
              Arrays.stream(System.getProperty("bench.tables").split(","))
                  .map(String::trim)
                  .filter(t -> !t.isEmpty())
                  .toList());
    }
    if (s.regions() > Scenario.REGIONS.size()) {
      throw new IllegalArgumentException("at most " + Scenario.REGIONS.size() + " regions");
    }
    return s;
  }

  /**
   * Creates the accounts, each with a role the source user may assume, its regions enabled and
   * every filled action stocked; items are generated once per action and shared by every (account,
   * region), so a large inventory costs the generator once. Returns the config's account list.
   */
  private static String stock(FakeAws aws, Scenario s) {
    Map<String, List<Object>> items = new HashMap<>();
    StringBuilder list = new StringBuilder();
    String[] regions = Scenario.REGIONS.subList(0, s.regions()).toArray(String[]::new);
    for (int a = 0; a < s.accounts(); a++) {
      FakeAccount account = aws.account(String.format("3%011d", a));
      String role = account.role("InventoryRead", "111111111111");
      account.regions(regions);
      list.append("  - role_arn: \"").append(role).append("\"\n");
      for (String region : regions) {
        FakeRegion r = account.region(region);
        for (String action : s.filledActions().values()) {
          List<Object> stocked = items.get(action);
          if (stocked == null) {
            stocked = List.copyOf(r.fill(action, s.perTable(), 1).items(action));
            items.put(action, stocked);
          }
          r.put(action, stocked);
        }
      }
    }
    return list.toString();
  }

  private static Map<String, Object> run(
      Scenario s,
      FakeAws aws,
      TestDatabase pg,
      Credentials source,
      String accounts,
      Path jar,
      List<String> jvmArgs,
      List<String> jobArgs,
      Path dir)
      throws Exception {
    Files.createDirectories(dir);
    String url = pg.newDatabase();
    String tables = s.tables().contains("*") ? "[\"*\"]" : s.tables().toString();
    Path config =
        LegacyConfig.write(
            dir.resolve("cloudquery.yml"),
            pg.port(),
            url,
            tables,
            """
            regions: ["*"]
            custom_endpoint_url: "%s"
            accounts:
            %s"""
                .formatted(aws.endpoint(), accounts));
    Path summary = dir.resolve("summary.json");
    Path gcLog = dir.resolve("gc.log");
    List<String> command =
        new ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmArgs);
    command.add("-Xlog:gc:file=" + gcLog);
    command.addAll(
        List.of(
            "-jar",
            jar.toString(),
            "--config=" + config,
            "--summaryFile=" + summary,
            "--fetchConcurrency=" + s.concurrency()));
    if (s.pageSize() > 0) {
      command.add("--pageSize=" + s.pageSize());
    }
    command.addAll(jobArgs);
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment()
        .keySet()
        .removeIf(k -> k.startsWith("AWS_") && !k.startsWith("AWS_INVENTORY_"));
    pb.environment().put("AWS_ACCESS_KEY_ID", source.accessKeyId());
    pb.environment().put("AWS_SECRET_ACCESS_KEY", source.secretAccessKey());
    pb.environment().put("AWS_CONFIG_FILE", dir.resolve("no-aws-config").toString());
    pb.environment()
        .put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-aws-credentials").toString());
    pb.redirectOutput(dir.resolve("stdout.txt").toFile())
        .redirectError(dir.resolve("stderr.txt").toFile());
    long sessionsBefore = sessions(url);
    aws.resetCounters();
    long throttledBefore = aws.faults().throttled();
    Map<String, Long> awsCallsBefore = aws.callsByAction();
    long cpuBefore = ChildProbe.childCpuTicks();
    long start = System.nanoTime();
    Process p = pb.start();
    int exit;
    double wall;
    ChildProbe probe = ChildProbe.watch(p.pid(), cpuBefore);
    try {
      if (!p.waitFor(30, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IllegalStateException("the jar did not finish in 30 minutes");
      }
      exit = p.exitValue();
      wall = (System.nanoTime() - start) / 1e9;
    } finally {
      probe.stop();
    }
    String summaryJson = Files.exists(summary) ? Files.readString(summary) : "";
    long resources = number(summaryJson, "\"resources\": (\\d+)");
    long throttles = number(summaryJson, "\"throttles\": (\\d+),\\s*\"retries\"");
    long retries = number(summaryJson, "\"retries\": (\\d+),\\s*\"calls\"");
    long pages = sum(summaryJson, "\"pages\": (\\d+)");
    long calls = pages + s.accounts();
    double bound = Bound.seconds(s, calls);
    // the sessions counter counts the one that reads it too: the reading before, the one after
    long logins = sessions(url) - sessionsBefore - 1;
    double copyRate = copyRate(url, s);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("exit_code", exit);
    r.put("status", text(summaryJson, "\"status\": \"([^\"]*)\""));
    r.put("wall_s", round(wall));
    r.put("cpu_s", round(probe.cpuSeconds()));
    r.put("peak_rss_mb", round(probe.peakRssMb()));
    r.put("peak_rss_largest_process_mb", round(probe.largestProcessPeakRssMb()));
    r.put("processes", probe.processes());
    r.put("peak_heap_mb", peakHeapMb(gcLog));
    r.put("database_logins", logins);
    r.put("resources", resources);
    r.put("resources_per_s", round(resources / wall));
    r.put("calls", calls + retries);
    r.put("calls_per_s", round((calls + retries) / wall));
    Map<String, Long> awsCalls = new TreeMap<>();
    aws.callsByAction()
        .forEach(
            (action, n) -> {
              long run = n - awsCallsBefore.getOrDefault(action, 0L);
              if (run > 0) {
                awsCalls.put(action, run);
              }
            });
    r.put("aws_calls_by_action", awsCalls);
    r.put("throttles", throttles);
    r.put("throttles_served_by_fake", aws.faults().throttled() - throttledBefore);
    r.put("retries", retries);
    r.put("bound_s", round(bound));
    r.put("efficiency", bound > 0.05 ? round(bound / wall) : null);
    r.put("copy_rows_per_s", round(copyRate));
    r.put("rate_vs_copy", copyRate > 0 ? round(resources / wall / copyRate) : null);
    System.out.printf(
        Locale.ROOT,
        "%s exit %d: %.2f s wall, %.2f s CPU, %.0f MB peak RSS (%d processes, largest %.0f MB), %d resources "
            + "(%.0f/s), %d calls, %d throttles, %d retries, bound %.2f s, efficiency %s, %d"
            + " database logins; calls"
            + " as AWS saw them %s%n",
        s.name(),
        exit,
        wall,
        probe.cpuSeconds(),
        probe.peakRssMb(),
        probe.processes(),
        probe.largestProcessPeakRssMb(),
        resources,
        resources / wall,
        calls + retries,
        throttles,
        retries,
        bound,
        bound > 0.05 ? String.format(Locale.ROOT, "%.2f", bound / wall) : "-",
        logins,
        awsCalls);
    if (exit != 0) {
      System.out.println(Files.readString(dir.resolve("stdout.txt")));
      System.out.println(tail(Files.readString(dir.resolve("stderr.txt")), 4000));
    }
    return r;
  }

  /**
   * Sessions ever opened on the database of {@code url}, this one included ({@code
   * pg_stat_database.sessions}; a session's count is published at latest when it ends, this one's
   * at once through {@code pg_stat_force_next_flush()}, PostgreSQL 15 and later).
   */
  static long sessions(String url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, TestDatabase.USER, TestDatabase.PASSWORD);
        Statement st = c.createStatement()) {
      st.execute("SELECT pg_stat_force_next_flush()");
      try (ResultSet rs =
          st.executeQuery(
              "SELECT sessions FROM pg_stat_database WHERE datname = current_database()")) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * Rows per second of PostgreSQL's {@code COPY ... FROM STDIN} loading the rows the run wrote,
   * into an empty copy of each table with the same indexes (0 when the run wrote nothing).
   */
  static double copyRate(String url, Scenario s) throws Exception {
    long rows = 0;
    long nanos = 0;
    try (Connection c = DriverManager.getConnection(url, TestDatabase.USER, TestDatabase.PASSWORD);
        Statement st = c.createStatement()) {
      CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
      for (String table : s.filledActions().keySet()) {
        String name = "aws_" + table.replace('.', '_');
        // through a file: a table of S1 or S4 is more than a byte array holds (2 GiB)
        Path data = Files.createTempFile("aws-inventory-bench-copy", ".txt");
        try {
          long n;
          try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(data), 1 << 20)) {
            n = copy.copyOut("COPY " + name + " TO STDOUT", out);
          }
          st.execute("CREATE TABLE bench_copy (LIKE " + name + " INCLUDING ALL)");
          long t0 = System.nanoTime();
          try (InputStream in = new BufferedInputStream(Files.newInputStream(data), 1 << 20)) {
            copy.copyIn("COPY bench_copy FROM STDIN", in);
          }
          nanos += System.nanoTime() - t0;
          st.execute("DROP TABLE bench_copy");
          rows += n;
        } finally {
          Files.deleteIfExists(data);
        }
      }
    }
    return nanos == 0 || rows == 0 ? 0 : rows / (nanos / 1e9);
  }

  /**
   * The largest heap occupancy before a collection in the child's GC log, in MiB (null: no GC ran).
   */
  static Long peakHeapMb(Path gcLog) {
    try {
      Matcher m = GC_BEFORE.matcher(Files.readString(gcLog));
      long max = -1;
      while (m.find()) {
        max = Math.max(max, Long.parseLong(m.group(1)));
      }
      return max < 0 ? null : max;
    } catch (Exception e) {
      return null;
    }
  }

  private static Map<String, Object> scenarioMap(Scenario s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", s.name());
    m.put("accounts", s.accounts());
    m.put("regions", s.regions());
    m.put("tables", s.tables());
    m.put("resources_per_table", s.perTable());
    m.put("generated_resources", s.resources());
    m.put("page_size", s.pageSize());
    m.put("latency_ms", s.latencyMs());
    m.put("aws_buckets", s.buckets());
    m.put("concurrency", s.concurrency());
    m.put("jvm_args", System.getProperty("bench.jvmArgs", ""));
    m.put("job_args", System.getProperty("bench.jobArgs", ""));
    return m;
  }

  private static Map<String, Object> machine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("java", System.getProperty("java.version"));
    try {
      m.put("load_average", Files.readString(Path.of("/proc/loadavg")).trim());
    } catch (Exception e) {
      m.put("load_average", null);
    }
    return m;
  }

  private static long number(String json, String regex) {
    Matcher m = Pattern.compile(regex).matcher(json);
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  private static long sum(String json, String regex) {
    Matcher m = Pattern.compile(regex).matcher(json);
    long n = 0;
    while (m.find()) {
      n += Long.parseLong(m.group(1));
    }
    return n;
  }

  private static String text(String json, String regex) {
    Matcher m = Pattern.compile(regex).matcher(json);
    return m.find() ? m.group(1) : null;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  private static List<String> words(String s) {
    return Arrays.stream(s.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
  }

  private static String tail(String s, int chars) {
    return s.length() <= chars ? s : s.substring(s.length() - chars);
  }
}
