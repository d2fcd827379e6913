package dev.awsinventory.runners;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsinventory.testing.aws.FakeAws;
import dev.awsinventory.testing.db.TestDatabase;
import dev.awsinventory.testing.scenario.SeedScenario;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plain {@code java -jar aws-inventory.jar} of the README, with no JVM option: the jar's
 * launcher runs the job in a child JVM of its own. Its exit codes and output are the job's, the
 * first full run leaves a class-data archive that later runs use, and stopping or killing the
 * launcher stops the job.
 */
class LauncherTest {
  private static FakeAws aws;
  private static TestDatabase pg;
  private static SeedScenario seed;
  @TempDir static Path dir;

  @BeforeAll
  static void start() {
    aws = FakeAws.start();
    pg = TestDatabase.start();
    seed = new SeedScenario(aws);
  }

  @AfterAll
  static void stop() throws Exception {
    aws.close();
    pg.close();
  }

  private static Map<String, String> env(Path cache) {
    Map<String, String> env = new HashMap<>();
    env.put("AWS_ACCESS_KEY_ID", seed.sourceUser.accessKeyId());
    env.put("AWS_SECRET_ACCESS_KEY", seed.sourceUser.secretAccessKey());
    env.put("AWS_REGION", "us-east-1");
    env.put("XDG_CACHE_HOME", cache.toString());
    return env;
  }

  @Test
  void exitCodesAndOutputAreTheJobsAndTheFirstFullRunLeavesAClassArchive() throws Exception {
    Path cache = dir.resolve("cache-codes");
    Path work = Files.createDirectories(dir.resolve("codes"));
    String url = pg.newDatabase();
    Path config = seed.writeConfig(work, pg.port(), url.substring(url.lastIndexOf('/') + 1));

    Jar.Result bad = Jar.launch(env(cache), work, "--config=" + work.resolve("missing.yml"));
    assertThat(bad.exitCode()).as(bad.toString()).isEqualTo(1);
    assertThat(bad.stderr()).contains("config error:", "missing.yml");
    assertThat(archives(cache))
        .as("no archive from a run that did not reach the pipeline")
        .isEmpty();

    Jar.Result ok = Jar.launch(env(cache), work, "--config=" + config);
    assertThat(ok.exitCode()).as(ok.toString()).isZero();
    assertThat(ok.stdout()).contains("aws-inventory run", ": ok in", "aws_ec2_instances");
    assertThat(TestDatabase.count(url, "SELECT count(*) FROM aws_ec2_instances"))
        .isEqualTo(seed.expectedInstances().size());
    assertThat(archives(cache)).hasSize(1);
    assertThat(archives(cache).get(0).getFileName().toString()).endsWith("-DirectRunner.jsa");

    aws.denyAssumeRole(seed.roleB);
    try {
      Jar.Result partial = Jar.launch(env(cache), work, "--config=" + config);
      assertThat(partial.exitCode()).as(partial.toString()).isEqualTo(2);
      assertThat(partial.stderr()).contains("FAILED * account 333333333333 (target_account_b)");
      assertThat(partial.stdout() + partial.stderr()).doesNotContain("[cds", "[warning]");
    } finally {
      aws.allowAssumeRole(seed.roleB);
    }
    assertThat(archives(cache)).as("the archive is used, not written again").hasSize(1);

    Jar.Result help = Jar.launch(env(cache), work, "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.stdout()).contains("--config", "--plan");
  }

  @Test
  void aRunOnFlinksEmbeddedClusterWritesAndThenMapsAnArchiveOfItsOwn() throws Exception {
    Path cache = dir.resolve("cache-flink");
    Path work = Files.createDirectories(dir.resolve("flink"));
    String url = pg.newDatabase();
    Path config = seed.writeConfig(work, pg.port(), url.substring(url.lastIndexOf('/') + 1));
    // every region of two accounts: more pairs than the DirectRunner is chosen for
    String all = Files.readString(config).replace("[\"us-east-1\", \"eu-west-1\"]", "[\"*\"]");
    assertThat(all).contains("regions: [\"*\"]");
    Files.writeString(config, all);

    Jar.Result first = Jar.launch(env(cache), work, "--config=" + config);
    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(first.stderr()).contains("running on FlinkRunner embedded in this JVM");
    assertThat(archives(cache))
        .extracting(p -> p.getFileName().toString())
        .singleElement()
        .asString()
        .endsWith("-FlinkRunner.jsa");
    Path archive = archives(cache).get(0);
    FileTime before = FileTime.from(Instant.now().minus(Duration.ofDays(1)));
    Files.setLastModifiedTime(archive, before);

    Jar.Result second = Jar.launch(env(cache), work, "--config=" + config);
    assertThat(second.exitCode()).as(second.toString()).isZero();
    assertThat(second.stdout() + second.stderr()).doesNotContain("[cds", "[warning]");
    assertThat(archives(cache)).as("the archive is used, not written again").hasSize(1);
    assertThat(Files.getLastModifiedTime(archive))
        .as("the archive was mapped (the launcher touches the archive it maps)")
        .isGreaterThan(before);
  }

  @Test
  void stoppingTheLauncherStopsTheJobAndKillingItKillsTheJob() throws Exception {
    Path work = Files.createDirectories(dir.resolve("signals"));
    String url = pg.newDatabase();
    Path config = seed.writeConfig(work, pg.port(), url.substring(url.lastIndexOf('/') + 1));
    aws.faults().latency(Duration.ofSeconds(2));
    try {
      Jar.Started term =
          Jar.start(List.of(), env(dir.resolve("cache-signals")), work, "--config=" + config);
      ProcessHandle job = awaitJob(term.process());
      assertThat(flags(job))
          .as("the job's JVM runs with the chosen collector and young generation")
          .contains("-XX:+UseSerialGC", "-XX:MaxNewSize=67108864", "-XX:TieredStopAtLevel=1");
      term.process().destroy();
      assertThat(term.process().waitFor(1, TimeUnit.MINUTES)).isTrue();
      assertThat(term.process().exitValue()).as("ended by SIGTERM").isEqualTo(143);
      assertThat(job.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();

      Jar.Started kill =
          Jar.start(List.of(), env(dir.resolve("cache-signals")), work, "--config=" + config);
      ProcessHandle killedJob = awaitJob(kill.process());
      kill.process().destroyForcibly();
      assertThat(kill.process().waitFor(1, TimeUnit.MINUTES)).isTrue();
      assertThat(kill.process().exitValue()).as("killed by SIGKILL").isEqualTo(137);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (killedJob.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(killedJob.isAlive()).as("the job ends with its launcher").isFalse();
      assertThat(Files.readString(kill.err())).contains("the launching process ended");
    } finally {
      aws.faults().clear();
    }
  }

  @Test
  void heapCollectorCompilerAndAgentOptionsAreTheUsersChoiceOthersArePassedOn() {
    for (String own :
        List.of(
            "-Xmx4g",
            "-Xms1g",
            "-XX:MaxRAMPercentage=80",
            "-XX:+UseG1GC",
            "-XX:TieredStopAtLevel=4",
            "-XX:SharedArchiveFile=app.jsa",
            "-javaagent:agent.jar",
            "-XX:StartFlightRecording=filename=run.jfr")) {
      assertThat(Launcher.userChosen(own)).as(own).isTrue();
    }
    for (String passedOn : List.of("-Dfoo=bar", "-Xlog:gc:file=gc.log", "-ea", "-Xss2m")) {
      assertThat(Launcher.userChosen(passedOn)).as(passedOn).isFalse();
    }
  }

  /** The job's JVM among the launcher's children, once the job has started fetching. */
  private static ProcessHandle awaitJob(Process launcher) throws Exception {
    long calls = aws.calls("DescribeVpcs") + aws.calls("DescribeInstances");
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (true) {
      assertThat(launcher.isAlive()).as("the launcher ended before the job fetched").isTrue();
      assertThat(System.nanoTime()).as("the job fetches in time").isLessThan(deadline);
      Optional<ProcessHandle> job =
          launcher
              .children()
              .filter(
                  c ->
                      c.info()
                          .arguments()
                          .map(a -> List.of(a).contains("-Daws-inventory.launcher=child"))
                          .orElse(false))
              .findFirst();
      if (job.isPresent() && aws.calls("DescribeVpcs") + aws.calls("DescribeInstances") > calls) {
        return job.get();
      }
      Thread.sleep(50);
    }
  }

  /** The flags a running JVM reports of itself ({@code jcmd PID VM.flags}). */
  private static String flags(ProcessHandle jvm) throws Exception {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process p =
        new ProcessBuilder(jcmd.toString(), Long.toString(jvm.pid()), "VM.flags")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(1, TimeUnit.MINUTES)).as("jcmd ends").isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  private static List<Path> archives(Path cache) throws Exception {
    Path cds = cache.resolve("aws-inventory/cds");
    if (!Files.isDirectory(cds)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(cds)) {
      return files.filter(p -> p.toString().endsWith(".jsa")).toList();
    }
  }
}
