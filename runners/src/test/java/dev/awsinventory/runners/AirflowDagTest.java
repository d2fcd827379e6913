package dev.awsinventory.runners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.awsinventory.config.ConfigLoader;
import dev.awsinventory.config.InventoryConfig;
import dev.awsinventory.pipeline.Args;
import dev.awsinventory.pipeline.FailOn;
import dev.awsinventory.pipeline.InventoryOptions;
import dev.awsinventory.testing.aws.FakeAws;
import dev.awsinventory.testing.db.TestDatabase;
import dev.awsinventory.testing.scenario.SeedScenario;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.options.PipelineOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps airflow/aws_inventory_dag.py honest without Airflow: python3 imports the DAG module and
 * prints what its pure functions give; the commands must parse with the job's own option parser and
 * name a config that loads, and the exit-code policy must be the documented one. Then the module's
 * runner, the code the Airflow task calls, runs the real jar: a partial run (exit 2, summary read
 * back) and a fatal one (exit 1, no summary).
 */
class AirflowDagTest {
  private static final Path DAG_DIR = Path.of("airflow");
  private static final String CONFIG = "../config/examples/seed-cloudquery.yml";
  private static final String FLINK_RUNNER = "org.apache.beam.runners.flink.FlinkRunner";
  private static final String FLINK_OPTIONS = "org.apache.beam.runners.flink.FlinkPipelineOptions";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String PRINT_FUNCTIONS =
      """
      import json, sys
      sys.path.insert(0, "airflow")
      import aws_inventory_dag as dag
      config = sys.argv[1]

      def rejects(**kwargs):
          try:
              dag.build_command(config, **kwargs)
          except ValueError:
              return True
          return False

      print(json.dumps({
          "direct": dag.build_command(config),
          "direct_parallelism": dag.build_command(config, parallelism="4"),
          "flink": dag.build_command(config, runner="FlinkRunner", flink_master="127.0.0.1:8081",
                                     parallelism=2, summary_file="/tmp/flink-summary.json"),
          "outcomes": {policy: {str(code): dag.outcome(code, policy) for code in (0, 1, 2)}
                       for policy in ("fail", "warn")},
          "rejected": [rejects(runner="SparkRunner"), rejects(flink_master="127.0.0.1:8081"),
                       rejects(parallelism="0"), rejects(parallelism="many")],
      }))
      """;

  private static final String RUN_JOB =
      """
      import json, logging, sys
      sys.path.insert(0, "airflow")
      import aws_inventory_dag as dag
      logging.basicConfig(stream=sys.stderr, level=logging.INFO)
      config, jar, policy = sys.argv[1:4]
      r = dag.run_inventory(config, jar=jar, partial_policy=policy)
      print(json.dumps({"exit_code": r.exit_code, "outcome": r.outcome, "summary": r.summary,
                        "command": r.command}))
      """;

  private static JsonNode functions;

  @TempDir static Path dir;

  @BeforeAll
  static void printTheDagFunctions() throws Exception {
    functions = python(Map.of(), PRINT_FUNCTIONS, CONFIG).json();
  }

  @Test
  void theDirectRunnerCommandParsesWithTheJobsOwnParserAndNamesALoadableConfig() throws Exception {
    List<String> command = strings(functions.get("direct"));
    InventoryOptions options = Args.parse(jobArgs(command));

    assertThat(Path.of("..").resolve(command.get(2)).toRealPath())
        .as("the default jar is the one Maven builds")
        .isEqualTo(Jar.path().toRealPath());
    assertThat(options.getConfig()).isEqualTo(CONFIG);
    assertThat(options.getSummaryFile()).isEqualTo("aws-inventory-summary.json");
    assertThat(options.getFailOn())
        .as("exit 2 must stay distinguishable")
        .isEqualTo(FailOn.PARTIAL);
    assertThat(options.getRunner().getSimpleName()).isEqualTo("DirectRunner");
    assertLoads(options);

    InventoryOptions parallel = Args.parse(jobArgs(strings(functions.get("direct_parallelism"))));
    assertThat(parallel.as(DirectOptions.class).getTargetParallelism()).isEqualTo(4);
  }

  @Test
  void theFlinkRunnerCommandParsesWithTheJobsOwnParser() throws Exception {
    List<String> command = strings(functions.get("flink"));
    String[] args = jobArgs(command);
    assertThat(args)
        .contains("--runner=FlinkRunner", "--flinkMaster=127.0.0.1:8081", "--parallelism=2");

    if (!onClasspath(FLINK_RUNNER)) {
      // The Flink runner is not a dependency of the job (yet): the parser must refuse the runner,
      // and everything but the three Flink arguments must parse as for the DirectRunner. Once
      // beam-runners-flink is a dependency, the branch below checks the Flink options instead.
      assertThatThrownBy(() -> Args.parse(args))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("FlinkRunner");
      List<String> rest = new ArrayList<>(List.of(args));
      rest.removeAll(
          List.of("--runner=FlinkRunner", "--flinkMaster=127.0.0.1:8081", "--parallelism=2"));
      InventoryOptions options = Args.parse(rest.toArray(String[]::new));
      assertThat(options.getConfig()).isEqualTo(CONFIG);
      assertThat(options.getSummaryFile()).isEqualTo("/tmp/flink-summary.json");
      assertLoads(options);
      return;
    }
    InventoryOptions options = Args.parse(args);
    assertThat(options.getRunner().getName()).isEqualTo(FLINK_RUNNER);
    assertThat(options.getConfig()).isEqualTo(CONFIG);
    assertThat(options.getSummaryFile()).isEqualTo("/tmp/flink-summary.json");
    assertThat(options.getFailOn()).isEqualTo(FailOn.PARTIAL);
    @SuppressWarnings("unchecked")
    Class<? extends PipelineOptions> flinkOptions =
        (Class<? extends PipelineOptions>) Class.forName(FLINK_OPTIONS);
    PipelineOptions flink = options.as(flinkOptions);
    assertThat(flinkOptions.getMethod("getFlinkMaster").invoke(flink)).isEqualTo("127.0.0.1:8081");
    assertThat(flinkOptions.getMethod("getParallelism").invoke(flink)).isEqualTo(2);
    assertLoads(options);
  }

  @Test
  void exitTwoFollowsThePolicyAndExitOneAlwaysFails() {
    Map<String, Object> outcomes =
        JSON.convertValue(functions.get("outcomes"), new TypeReference<Map<String, Object>>() {});
    assertThat(outcomes)
        .isEqualTo(
            Map.of(
                "fail", Map.of("0", "success", "1", "fail", "2", "fail"),
                "warn", Map.of("0", "success", "1", "fail", "2", "warn")));
  }

  @Test
  void badRunnerFlinkMasterOrParallelismAreRefusedBeforeTheJobRuns() {
    assertThat(strings(functions.get("rejected"))).containsOnly("true");
  }

  @Test
  void theTasksRunnerRunsTheJarReadsThePartialSummaryAndWarnsWhenToldTo() throws Exception {
    try (FakeAws aws = FakeAws.start();
        TestDatabase pg = TestDatabase.start()) {
      SeedScenario seed = new SeedScenario(aws);
      String url = pg.newDatabase();
      Path config = seed.writeConfig(dir, pg.port(), url.substring(url.lastIndexOf('/') + 1));
      aws.denyAssumeRole(seed.roleB);
      Map<String, String> env =
          Map.of(
              "AWS_ACCESS_KEY_ID",
              seed.sourceUser.accessKeyId(),
              "AWS_SECRET_ACCESS_KEY",
              seed.sourceUser.secretAccessKey(),
              "AWS_REGION",
              "us-east-1");

      Python run =
          python(env, RUN_JOB, config.toString(), Jar.path().toAbsolutePath().toString(), "warn");
      JsonNode r = run.json();

      assertThat(r.get("exit_code").asInt()).as(run.toString()).isEqualTo(2);
      assertThat(r.get("outcome").asText()).isEqualTo("warn");
      assertThat(r.get("summary").get("status").asText()).isEqualTo("partial");
      assertThat(r.get("summary").get("failed_slices").findValuesAsText("account"))
          .isNotEmpty()
          .containsOnly(SeedScenario.B);
      assertThat(r.get("summary").get("resources").asLong()).isPositive();
    }
  }

  @Test
  void theTasksRunnerFailsAFatalRunThatWroteNoSummary() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.yml"), "cloudquery: [\n");

    Python run =
        python(Map.of(), RUN_JOB, bad.toString(), Jar.path().toAbsolutePath().toString(), "warn");
    JsonNode r = run.json();

    assertThat(r.get("exit_code").asInt()).as(run.toString()).isEqualTo(1);
    assertThat(r.get("outcome").asText()).isEqualTo("fail");
    assertThat(r.get("summary").isNull()).as(run.toString()).isTrue();
    assertThat(run.stderr())
        .as("the job's output goes to the task's log")
        .contains("config error: ", "bad.yml");
  }

  private static void assertLoads(InventoryOptions options) throws Exception {
    InventoryConfig config = ConfigLoader.load(Path.of(options.getConfig()));
    assertThat(config.accounts())
        .extracting(a -> a.name())
        .containsExactly("target_account_a", "target_account_b");
  }

  /** The job's arguments: what follows {@code java -jar <jar>}. */
  private static String[] jobArgs(List<String> command) {
    assertThat(command.subList(0, 2)).as(command.toString()).containsExactly("java", "-jar");
    return command.subList(3, command.size()).toArray(String[]::new);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static boolean onClasspath(String className) {
    try {
      Class.forName(className, false, AirflowDagTest.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /**
   * Runs {@code python3 -c script args...} in the module's directory, with this JVM's java first on
   * PATH, and parses its last line of stdout as JSON. No python3 is a failure, not a skip.
   */
  private static Python python(Map<String, String> env, String script, String... args)
      throws IOException, InterruptedException {
    assertThat(DAG_DIR.resolve("aws_inventory_dag.py"))
        .as("the DAG, seen from " + Path.of("").toAbsolutePath())
        .isRegularFile();
    List<String> command = new ArrayList<>(List.of("python3", "-c", script));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    Map<String, String> e = pb.environment();
    e.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("PYTHON"));
    e.put("AWS_CONFIG_FILE", dir.resolve("no-aws-config").toString());
    e.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-aws-credentials").toString());
    e.put(
        "PATH",
        Path.of(System.getProperty("java.home"), "bin")
            + File.pathSeparator
            + e.getOrDefault("PATH", ""));
    e.putAll(env);
    Path out = Files.createTempFile(dir, "python-out", ".txt");
    Path err = Files.createTempFile(dir, "python-err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p;
    try {
      p = pb.start();
    } catch (IOException notFound) {
      return fail(
          "python3 is needed to check airflow/aws_inventory_dag.py and could not be started"
              + " (is it installed and on PATH?): "
              + notFound.getMessage());
    }
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly); // the job python3 started, first
      p.destroyForcibly();
      return fail("python3 did not finish in 5 minutes:\n" + Files.readString(err));
    }
    String stdout = Files.readString(out, StandardCharsets.UTF_8);
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    assertThat(p.exitValue())
        .as("python3 exit code\n--- stdout\n%s\n--- stderr\n%s", stdout, stderr)
        .isZero();
    List<String> lines = stdout.lines().filter(l -> !l.isBlank()).toList();
    assertThat(lines).as("python3 printed nothing\n--- stderr\n%s", stderr).isNotEmpty();
    return new Python(JSON.readTree(lines.get(lines.size() - 1)), stderr);
  }

  /** What the script printed last, as JSON, and its stderr (the log, with the job's output). */
  private record Python(JsonNode json, String stderr) {
    @Override
    public String toString() {
      return json + "\n--- stderr\n" + stderr;
    }
  }
}
