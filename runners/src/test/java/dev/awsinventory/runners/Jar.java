package dev.awsinventory.runners;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the packaged {@code aws-inventory.jar} in its own JVM, as a user does. */
final class Jar {
  private Jar() {}

  static Path path() {
    return Path.of(System.getProperty("inventoryJar", "target/aws-inventory.jar"));
  }

  static Result run(Map<String, String> env, Path workDir, String... args)
      throws IOException, InterruptedException {
    return run(List.of(), env, workDir, args);
  }

  static Result run(List<String> jvmOptions, Map<String, String> env, Path workDir, String... args)
      throws IOException, InterruptedException {
    List<String> options = new ArrayList<>(List.of("-Xmx1g"));
    options.addAll(jvmOptions);
    return result(start(options, env, workDir, args));
  }

  /**
   * Runs {@code java -jar aws-inventory.jar ARGS} with no JVM option, as the README says: the jar's
   * launcher starts the job in a JVM of its own.
   */
  static Result launch(Map<String, String> env, Path workDir, String... args)
      throws IOException, InterruptedException {
    return result(start(List.of(), env, workDir, args));
  }

  /** Starts the jar; its output goes to two files of {@code workDir} read by {@link #result}. */
  static Started start(
      List<String> jvmOptions, Map<String, String> env, Path workDir, String... args)
      throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", path().toAbsolutePath().toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
    pb.environment().remove("AWS_ACCESS_KEY_ID");
    pb.environment().remove("AWS_SECRET_ACCESS_KEY");
    pb.environment().remove("AWS_SESSION_TOKEN");
    pb.environment().remove("AWS_PROFILE");
    pb.environment().put("AWS_CONFIG_FILE", workDir.resolve("no-aws-config").toString());
    pb.environment()
        .put("AWS_SHARED_CREDENTIALS_FILE", workDir.resolve("no-aws-credentials").toString());
    pb.environment().putAll(env);
    Path out = Files.createTempFile(workDir, "stdout", ".txt");
    Path err = Files.createTempFile(workDir, "stderr", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    return new Started(pb.start(), out, err);
  }

  /** Waits at most 5 minutes for the jar to end. */
  static Result result(Started started) throws IOException, InterruptedException {
    Process p = started.process();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException(
          "the jar did not finish in 5 minutes: " + Files.readString(started.err()));
    }
    return new Result(
        p.exitValue(),
        Files.readString(started.out(), StandardCharsets.UTF_8),
        Files.readString(started.err(), StandardCharsets.UTF_8));
  }

  /** A started jar and the files its standard output and error go to. */
  record Started(Process process, Path out, Path err) {}

  record Result(int exitCode, String stdout, String stderr) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
    }
  }
}
