package dev.awsinventory.pipeline;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
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

  public static EmbeddedDatabase start(Path dir, int port) throws IOException {
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
