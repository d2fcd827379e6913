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
    List<String> command =
        new ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
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
    Process p = pb.start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException(
          "the jar did not finish in 5 minutes: " + Files.readString(err));
    }
    return new Result(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  record Result(int exitCode, String stdout, String stderr) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
    }
  }
}
