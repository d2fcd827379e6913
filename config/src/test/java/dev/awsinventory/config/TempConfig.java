package dev.awsinventory.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

final class TempConfig {
  private TempConfig() {}

  static Path write(Path dir, String yaml) throws IOException {
    Path file = dir.resolve("cloudquery.yml");
    Files.writeString(file, yaml);
    return file;
  }

  static InventoryConfig load(Path dir, String yaml) throws Exception {
    return ConfigLoader.load(write(dir, yaml), Map.of());
  }

  static InventoryConfig load(Path dir, String yaml, Map<String, String> env) throws Exception {
    return ConfigLoader.load(write(dir, yaml), env);
  }

  static ConfigException error(Path dir, String yaml) throws IOException {
    return error(dir, yaml, Map.of());
  }

  static ConfigException error(Path dir, String yaml, Map<String, String> env) throws IOException {
    Path file = write(dir, yaml);
    try {
      ConfigLoader.load(file, env);
    } catch (ConfigException e) {
      return e;
    }
    throw new AssertionError("expected a ConfigException");
  }
}
