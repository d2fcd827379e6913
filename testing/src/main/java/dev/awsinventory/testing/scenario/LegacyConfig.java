package dev.awsinventory.testing.scenario;

import dev.awsinventory.testing.db.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A config in the seed's (legacy) layout that writes to a test database. */
public final class LegacyConfig {
  private LegacyConfig() {}

  /**
   * Writes the file: a connection to the database at {@code jdbcUrl} (on the test server's port,
   * with the test user), an aws provider with these {@code resources} (a YAML list) and {@code
   * configuration} (the provider's configuration map, as YAML lines without indentation).
   */
  public static Path write(
      Path file, int pgPort, String jdbcUrl, String resources, String configuration)
      throws IOException {
    Files.writeString(
        file,
        """
        cloudquery:
          connection:
            type: postgres
            username: %s
            password: %s
            host: localhost
            port: %d
            database: %s
        providers:
          - name: aws
            resources: %s
            configuration:
        %s"""
            .formatted(
                TestDatabase.USER,
                TestDatabase.PASSWORD,
                pgPort,
                jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1),
                resources,
                configuration.indent(6)));
    return file;
  }
}
