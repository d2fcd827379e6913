package dev.awsinventory.runners;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The scripts of {@code runners/flink} (start and stop a local session cluster), as tests run them.
 */
final class FlinkScripts {
  private FlinkScripts() {}

  /**
   * Runs {@code runners/flink/NAME} on the cluster's state folder with extra environment and
   * returns its stdout; fails with its output if it fails or takes more than 5 minutes.
   */
  static String run(String name, Path state, Map<String, String> env) {
    try {
      Path out = Files.createTempFile("flink-script", ".out");
      ProcessBuilder pb =
          new ProcessBuilder(List.of("bash", Path.of("flink", name).toString(), state.toString()))
              .redirectOutput(out.toFile())
              .redirectError(ProcessBuilder.Redirect.INHERIT);
      pb.environment().putAll(env);
      Process p = pb.start();
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError(name + " did not finish in 5 minutes");
      }
      String stdout = Files.readString(out, StandardCharsets.UTF_8);
      Files.deleteIfExists(out);
      if (p.exitValue() != 0) {
        throw new AssertionError(name + " exited " + p.exitValue() + ": " + stdout);
      }
      return stdout;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
