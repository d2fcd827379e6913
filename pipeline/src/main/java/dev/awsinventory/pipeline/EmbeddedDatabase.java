package dev.awsinventory.pipeline;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The PostgreSQL started when the config names no database: its data directory persists between
 * runs (under {@code --db-dir}), so each run updates the same tables.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  private final EmbeddedPostgres postgres;
  private final Path dataDir;

  private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir) {
    this.postgres = postgres;
    this.dataDir = dataDir;
  }

  /**
   * Starts (or restarts on its existing data) the PostgreSQL of {@code dir/pgdata} on {@code port}
   * of localhost.
   *
   * @throws IOException if the port is already in use (another program, or another embedded
   *     database whose data this run must not write into), or PostgreSQL does not start
   */
  public static EmbeddedDatabase start(Path dir, int port) throws IOException {
    requireFree(port);
    Path data = dir.toAbsolutePath().resolve("pgdata");
    Files.createDirectories(data.getParent());
    EmbeddedPostgres pg =
        EmbeddedPostgres.builder()
            .setDataDirectory(data)
            .setCleanDataDirectory(false)
            .setPort(port)
            .start();
    return new EmbeddedDatabase(pg, data);
  }

  /**
   * Fails when something listens on {@code port} of localhost already: PostgreSQL would not start
   * there, and a client would reach whatever holds the port (another run's database, say).
   */
  private static void requireFree(int port) throws IOException {
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (BindException e) {
      throw new IOException(
          "port "
              + port
              + " of localhost is already in use (another aws-inventory holding its embedded"
              + " database, or another program): stop it, or choose another port with"
              + " --db-port=PORT",
          e);
    }
  }

  public Database database() {
    return new Database(jdbcUrl(), "postgres", null);
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
  }

  public String psqlCommand() {
    return "psql -h localhost -p " + postgres.getPort() + " -U postgres postgres";
  }

  public Path dataDir() {
    return dataDir;
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
