package dev.awsinventory.transforms.postgres;

import java.util.Arrays;
import java.util.Optional;

/**
 * The primary key of the tables this tool creates, as CloudQuery's PostgreSQL destination
 * option {@code pk_mode}: {@code default} keys a table on its own key columns (usually
 * {@code arn}), {@code cq-id-only} on {@code _cq_id} alone. Tables that exist already are
 * written with whatever key they have (see {@link Target}).
 */
public enum PkMode {
  DEFAULT("default"),
  CQ_ID_ONLY("cq-id-only");

  private final String configName;

  PkMode(String configName) {
    this.configName = configName;
  }

  /** The spelling used in config files. */
  public String configName() {
    return configName;
  }

  public static Optional<PkMode> fromConfigName(String name) {
    return Arrays.stream(values()).filter(m -> m.configName.equals(name)).findFirst();
  }
}
