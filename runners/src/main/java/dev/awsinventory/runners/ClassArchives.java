package dev.awsinventory.runners;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The class-data archives the {@link Launcher} gives the job's JVM: one per jar (its path, size and
 * time), JVM and runner, in {@code $XDG_CACHE_HOME/aws-inventory/cds} (else {@code
 * ~/.cache/aws-inventory/cds}).
 *
 * <p>An archive holds the classes of the run that wrote it, and the runners load different ones: a
 * run on Flink's embedded cluster mapping the archive of a DirectRunner run took 18.6 s against
 * 15.0 s with the archive of a Flink run (benchmark S6 at 200 accounts, README "Performance"). The
 * job chooses its runner once it has read the config, after its JVM has started, so the launcher
 * predicts it: the runner the last run with the same command line (working directory and arguments)
 * reported, else the one the last run of any command line reported, else the DirectRunner. It maps
 * that runner's archive when there is one. Otherwise the job's JVM writes an archive at its exit
 * ({@code -XX:ArchiveClassesAtExit}), kept under the runner the job reports if that runner has none
 * yet and the run went through the pipeline (exit code 0 or 2). The job reports its runner's name
 * ({@code DirectRunner}, {@code FlinkRunner}) in the file named by the system property {@value
 * #REPORT_PROPERTY}.
 *
 * <p>Files: archives {@code aws-inventory-<24 hex digits>-<runner>.jsa} (about 140 MB each), the
 * runner each command line last reported ({@code aws-inventory-run-<24 hex digits>.runner}) and the
 * last one of all ({@code aws-inventory-last.runner}), each touched when used. After each run,
 * files unused for 7 days and temporary files older than a day are removed. None of these files
 * holds an argument or a path of the command line, only hashes of them.
 */
final class ClassArchives {
  /** System property of the job's JVM: the file its runner's name is written to. */
  static final String REPORT_PROPERTY = "aws-inventory.launcher.runner-file";

  private static final String DEFAULT_RUNNER = "DirectRunner";
  private static final Pattern RUNNER_NAME = Pattern.compile("[A-Za-z0-9]{1,64}");
  private static final List<String> QUIET = List.of("-Xlog:cds*=off");

  private final Path dir;
  private String jarKey;
  private Path commandLineRunner;
  private Path report;
  private Path partial;

  private ClassArchives(Path dir) {
    this.dir = dir;
  }

  /** The archives of this user, or null when there is no cache directory (no home, no XDG). */
  static ClassArchives of(Map<String, String> env) {
    String xdg = env.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return new ClassArchives(Path.of(xdg, "aws-inventory", "cds"));
    }
    String home = System.getProperty("user.home");
    return home == null || home.isBlank() || home.equals("?")
        ? null
        : new ClassArchives(Path.of(home, ".cache", "aws-inventory", "cds"));
  }

  /** The directory the archives are in. */
  Path dir() {
    return dir;
  }

  /**
   * The job's JVM options: map the archive of the predicted runner when there is one; else, when
   * {@code write}, write one at the job's exit and report the runner. Empty when there is neither
   * an archive nor a writable directory.
   *
   * @param jar the jar the job runs from; {@code jvm} the options chosen for its JVM (they are part
   *     of an archive's key, as the JVM rejects an archive written with other options)
   * @param command the working directory and the job's arguments, hashed to find the runner it
   *     reported last time
   */
  List<String> options(Path jar, List<String> jvm, List<String> command, boolean write) {
    try {
      jarKey =
          hash(
              jar.toString(),
              Long.toString(Files.size(jar)),
              Long.toString(Files.getLastModifiedTime(jar).toMillis()),
              System.getProperty("java.home"),
              System.getProperty("java.vm.version"),
              String.join(" ", jvm));
      commandLineRunner = dir.resolve("aws-inventory-run-" + hash(command) + ".runner");
      String predicted = readRunner(commandLineRunner);
      if (predicted == null) {
        predicted = readRunner(lastRunner());
      }
      Path archive = archive(predicted == null ? DEFAULT_RUNNER : predicted);
      List<String> options = new ArrayList<>();
      if (Files.isRegularFile(archive)) {
        touch(archive);
        options.add("-XX:SharedArchiveFile=" + archive);
        options.addAll(QUIET);
      }
      if (!write) {
        return options;
      }
      Files.createDirectories(dir);
      if (!Files.isWritable(dir)) {
        return options;
      }
      long pid = ProcessHandle.current().pid();
      if (options.isEmpty()) {
        partial = dir.resolve("aws-inventory-" + jarKey + "." + pid + ".tmp");
        options.add("-XX:ArchiveClassesAtExit=" + partial);
        options.addAll(QUIET);
      }
      report = dir.resolve("aws-inventory-runner." + pid + ".tmp");
      options.add("-D" + REPORT_PROPERTY + "=" + report);
      return options;
    } catch (IOException | RuntimeException e) {
      partial = null;
      report = null;
      return List.of();
    }
  }

  /**
   * After the job's JVM has ended with {@code exitCode}: records the runner it reported, keeps the
   * archive it wrote (see the class comment) or removes it, and removes stale files. Never throws.
   */
  void afterExit(int exitCode) {
    try {
      String reported = report == null ? null : readRunner(report);
      if (reported != null) {
        writeRunner(commandLineRunner, reported);
        writeRunner(lastRunner(), reported);
      }
      boolean throughThePipeline = exitCode == 0 || exitCode == 2;
      if (partial != null
          && reported != null
          && throughThePipeline
          && Files.isRegularFile(partial)
          && Files.size(partial) > 0
          && !Files.exists(archive(reported))) {
        Files.move(partial, archive(reported), StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException | RuntimeException e) {
      // the next run writes a new one
    } finally {
      delete(partial);
      delete(report);
      if (report != null) {
        removeStale();
      }
    }
  }

  /**
   * In the job's JVM: writes the runner's simple class name to the file {@value #REPORT_PROPERTY}
   * names, if any. Never throws: without the report, the launcher keeps no archive.
   */
  static void report(String runner) {
    String file = System.getProperty(REPORT_PROPERTY);
    if (file == null || runner == null) {
      return;
    }
    try {
      Files.writeString(Path.of(file), runner, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      // no archive this time
    }
  }

  /** The archive of this jar and JVM for a runner. */
  Path archive(String runner) {
    return dir.resolve("aws-inventory-" + jarKey + "-" + runner + ".jsa");
  }

  private Path lastRunner() {
    return dir.resolve("aws-inventory-last.runner");
  }

  /** The runner's name in a file (touched), or null when there is none or it is not a name. */
  private static String readRunner(Path file) {
    try {
      if (!Files.isRegularFile(file)) {
        return null;
      }
      String name = Files.readString(file, StandardCharsets.UTF_8).trim();
      if (!RUNNER_NAME.matcher(name).matches()) {
        return null;
      }
      touch(file);
      return name;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Writes a runner's name through a temporary file, so a concurrent reader sees all or none. */
  private void writeRunner(Path file, String runner) throws IOException {
    Path tmp = dir.resolve(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
    Files.writeString(tmp, runner, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * Removes temporary files older than a day (their launcher was killed) and archives and runner
   * files unused for 7 days (a rebuilt jar never uses its predecessor's archive).
   */
  private void removeStale() {
    long now = System.currentTimeMillis();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "aws-inventory-*")) {
      for (Path p : files) {
        long age = now - Files.getLastModifiedTime(p).toMillis();
        String name = p.getFileName().toString();
        boolean halfWritten = name.endsWith(".tmp") && age > TimeUnit.DAYS.toMillis(1);
        boolean unused =
            (name.endsWith(".jsa") || name.endsWith(".runner")) && age > TimeUnit.DAYS.toMillis(7);
        if (halfWritten || unused) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException | RuntimeException e) {
      // left for the next run
    }
  }

  private static void touch(Path file) throws IOException {
    Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
  }

  private static void delete(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // removed as stale by a later run
    }
  }

  /** 24 hex digits of the SHA-256 of the parts, one per line. */
  private static String hash(String... parts) {
    return hash(List.of(parts));
  }

  private static String hash(List<String> parts) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
