package dev.awsinventory.config;

/**
 * The PostgreSQL destination's {@code pk_mode} (CloudQuery): {@code default} keys each table on its
 * own primary-key columns; {@code cq-id-only} keys every table on {@code _cq_id} alone.
 */
public enum PkMode {
  DEFAULT("default"),
  CQ_ID_ONLY("cq-id-only");

  private final String configName;

  PkMode(String configName) {
    this.configName = configName;
  }

  /** The value as written in the config. */
  public String configName() {
    return configName;
  }

  /** The mode for a config value already checked against the declared values. */
  static PkMode fromConfigName(String name) {
    for (PkMode m : values()) {
      if (m.configName.equals(name)) {
        return m;
      }
    }
    throw new IllegalArgumentException("pk_mode " + name);
  }
}
