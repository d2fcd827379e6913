package dev.awsinventory.config;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/** Everything read from one cloudquery.yml, validated. */
public final class InventoryConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final String sourceName;
  private final List<AccountConfig> accounts;
  private final List<String> regions;
  private final List<Located<String>> tables;
  private final List<Located<String>> skipTables;
  private final String customEndpointUrl;
  private final String customEndpointSigningRegion;
  private final String customEndpointPartitionId;
  private final boolean customEndpointHostnameImmutable;
  private final int maxRetries;
  private final int maxBackoffSeconds;
  private final int concurrency;
  private final int initializationConcurrency;
  private final WriteMode writeMode;
  private final DatabaseConfig database;
  private final OrgConfig org;
  private final boolean sendSyncSummary;

  private InventoryConfig(Builder b, DatabaseConfig database) {
    this.file = b.file;
    this.sourceName = b.sourceName;
    this.accounts = List.copyOf(b.accounts);
    this.regions = List.copyOf(b.regions);
    this.tables = List.copyOf(b.tables);
    this.skipTables = List.copyOf(b.skipTables);
    this.customEndpointUrl = b.customEndpointUrl;
    this.customEndpointSigningRegion = b.customEndpointSigningRegion;
    this.customEndpointPartitionId = b.customEndpointPartitionId;
    this.customEndpointHostnameImmutable = b.customEndpointHostnameImmutable;
    this.maxRetries = b.maxRetries;
    this.maxBackoffSeconds = b.maxBackoffSeconds;
    this.concurrency = b.concurrency;
    this.initializationConcurrency = b.initializationConcurrency;
    this.writeMode = b.writeMode;
    this.database = database;
    this.org = b.org;
    this.sendSyncSummary = b.sendSyncSummary;
  }

  /** The config file's path as given to the loader. */
  public String file() {
    return file;
  }

  /** The value for {@code _cq_source_name}. */
  public String sourceName() {
    return sourceName;
  }

  /** Empty: use the default credential chain's own account. */
  public List<AccountConfig> accounts() {
    return accounts;
  }

  /** Region names or globs; empty or {@code ["*"]} means every enabled region. */
  public List<String> regions() {
    return regions;
  }

  /** Table name patterns such as {@code aws_ec2_instances} or {@code *}. */
  public List<Located<String>> tables() {
    return tables;
  }

  public List<Located<String>> skipTables() {
    return skipTables;
  }

  public Optional<String> customEndpointUrl() {
    return Optional.ofNullable(customEndpointUrl);
  }

  public Optional<String> customEndpointSigningRegion() {
    return Optional.ofNullable(customEndpointSigningRegion);
  }

  public Optional<String> customEndpointPartitionId() {
    return Optional.ofNullable(customEndpointPartitionId);
  }

  public boolean customEndpointHostnameImmutable() {
    return customEndpointHostnameImmutable;
  }

  public int maxRetries() {
    return maxRetries;
  }

  public int maxBackoffSeconds() {
    return maxBackoffSeconds;
  }

  public int concurrency() {
    return concurrency;
  }

  public int initializationConcurrency() {
    return initializationConcurrency;
  }

  public WriteMode writeMode() {
    return writeMode;
  }

  /**
   * Whether the destination spec says {@code send_sync_summary: true}: each run then also
   * writes a row of CloudQuery's {@code cloudquery_sync_summaries} table.
   */
  public boolean sendSyncSummary() {
    return sendSyncSummary;
  }

  /** Empty when the file names no PostgreSQL database; an embedded one is used then. */
  public Optional<DatabaseConfig> database() {
    return Optional.ofNullable(database);
  }

  /**
   * The {@code org} block: accounts discovered from AWS Organizations. Empty when the config
   * lists {@code accounts} (or neither, meaning the default credential chain's own account).
   */
  public Optional<OrgConfig> org() {
    return Optional.ofNullable(org);
  }

  /** A copy with another {@code org} block (tests build configs this way). */
  public InventoryConfig withOrg(OrgConfig org) {
    Builder b = toBuilder();
    b.org = org;
    return new InventoryConfig(b, database);
  }

  /** A copy pointing at another database, e.g. an embedded one started by the program. */
  public InventoryConfig withDatabase(DatabaseConfig database) {
    return new InventoryConfig(toBuilder(), database);
  }

  private Builder toBuilder() {
    Builder b = new Builder(file);
    b.sourceName = sourceName;
    b.accounts = accounts;
    b.regions = regions;
    b.tables = tables;
    b.skipTables = skipTables;
    b.customEndpointUrl = customEndpointUrl;
    b.customEndpointSigningRegion = customEndpointSigningRegion;
    b.customEndpointPartitionId = customEndpointPartitionId;
    b.customEndpointHostnameImmutable = customEndpointHostnameImmutable;
    b.maxRetries = maxRetries;
    b.maxBackoffSeconds = maxBackoffSeconds;
    b.concurrency = concurrency;
    b.initializationConcurrency = initializationConcurrency;
    b.writeMode = writeMode;
    b.org = org;
    b.sendSyncSummary = sendSyncSummary;
    return b;
  }

  @Override
  public String toString() {
    return "InventoryConfig[file=" + file
        + ", source=" + sourceName
        + ", accounts=" + accounts
        + ", regions=" + regions
        + ", tables=" + tables.stream().map(Located::value).toList()
        + ", skipTables=" + skipTables.stream().map(Located::value).toList()
        + customEndpointUrl().map(u -> ", customEndpointUrl=" + u).orElse("")
        + ", maxRetries=" + maxRetries
        + ", maxBackoffSeconds=" + maxBackoffSeconds
        + ", concurrency=" + concurrency
        + ", initializationConcurrency=" + initializationConcurrency
        + ", writeMode=" + writeMode.configName()
        + (org == null ? "" : ", org=" + org)
        + ", database=" + (database == null ? "embedded" : database)
        + "]";
  }

  /** Mutable draft filled in by the layout readers. */
  static final class Builder {
    final String file;
    String sourceName = "aws";
    List<AccountConfig> accounts = List.of();
    List<String> regions = List.of();
    List<Located<String>> tables = List.of();
    List<Located<String>> skipTables = List.of();
    String customEndpointUrl;
    String customEndpointSigningRegion;
    String customEndpointPartitionId;
    boolean customEndpointHostnameImmutable;
    int maxRetries = 10;
    int maxBackoffSeconds = 30;
    int concurrency = 50000;
    int initializationConcurrency = 4;
    WriteMode writeMode = WriteMode.OVERWRITE_DELETE_STALE;
    DatabaseConfig database;
    OrgConfig org;
    boolean sendSyncSummary;

    Builder(String file) {
      this.file = file;
    }

    InventoryConfig build() {
      return new InventoryConfig(this, database);
    }
  }
}
