package dev.awsinventory.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A port of localhost held by another program (one that accepts connections and never answers) ends
 * the run at once with one line naming the port and {@code --db-port}, instead of waiting on it or
 * writing into whatever database holds it.
 */
class EmbeddedPortInUseTest {
  @TempDir Path dir;

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void aHeldPortIsRefusedWithOneLine() throws Exception {
    try (ServerSocket holder = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      int port = holder.getLocalPort();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int code =
          new InventoryPipeline(
                  new PrintStream(out, true, StandardCharsets.UTF_8),
                  new PrintStream(err, true, StandardCharsets.UTF_8))
              .run(new String[] {"--demo", "--db-port=" + port, "--db-dir=" + dir.resolve("db")})
              .exitCode();
      assertThat(code).isEqualTo(1);
      assertThat(err.toString(StandardCharsets.UTF_8).lines())
          .containsExactly(
              "aws-inventory: cannot start the embedded PostgreSQL: port "
                  + port
                  + " of localhost is already in use (another aws-inventory holding its embedded"
                  + " database, or another program): stop it, or choose another port with"
                  + " --db-port=PORT");
      assertThat(dir.resolve("db").resolve("pgdata")).doesNotExist();
    }
  }
}
