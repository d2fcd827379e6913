package dev.awsinventory.config;

import java.util.Arrays;
import java.util.Optional;

/** How rows reach the destination tables, as CloudQuery's destination {@code write_mode}. */
public enum WriteMode {
  OVERWRITE_DELETE_STALE("overwrite-delete-stale"),
  OVERWRITE("overwrite"),
  APPEND("append");

  private final String configName;

  WriteMode(String configName) {
    this.configName = configName;
  }

  /** The spelling used in config files, e.g. {@code overwrite-delete-stale}. */
  public String configName() {
    return configName;
  }

  public static Optional<WriteMode> fromConfigName(String name) {
    return Arrays.stream(values()).filter(m -> m.configName.equals(name)).findFirst();
  }
}
