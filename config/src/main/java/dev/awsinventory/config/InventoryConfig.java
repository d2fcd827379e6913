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
  private final int maxRetries;
  private final int maxBackoffSeconds;
  private final boolean skipDeniedRegions;
  private final WriteMode writeMode;
  private final DatabaseConfig database;
  private final OrgConfig org;
  private final String defaultChainRegion;
  private final boolean sendSyncSummary;
  private final PkMode pkMode;
  private final List<String> warnings;
  private final List<String> filesRead;

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
    this.maxRetries = b.maxRetries;
    this.maxBackoffSeconds = b.maxBackoffSeconds;
    this.skipDeniedRegions = b.skipDeniedRegions;
    this.writeMode = b.writeMode;
    this.database = database;
    this.org = b.org;
    this.defaultChainRegion = b.defaultChainRegion;
    this.sendSyncSummary = b.sendSyncSummary;
    this.pkMode = b.pkMode;
    this.warnings = List.copyOf(b.warnings);
    this.filesRead = List.copyOf(b.filesRead);
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

  public int maxRetries() {
    return maxRetries;
  }

  public int maxBackoffSeconds() {
    return maxBackoffSeconds;
  }

  /**
   * {@code denied_regions: skip}: slices of an (account, region) that a service control policy
   * denies are recorded as skipped (rows kept, the run not partial) instead of failed.
   */
  public boolean skipDeniedRegions() {
    return skipDeniedRegions;
  }

  public WriteMode writeMode() {
    return writeMode;
  }

  /**
   * Whether the destination spec says {@code send_sync_summary: true}: each run then also writes a
   * row of CloudQuery's {@code cloudquery_sync_summaries} table.
   */
  public boolean sendSyncSummary() {
    return sendSyncSummary;
  }

  /** The PostgreSQL destination's {@code pk_mode}; {@link PkMode#DEFAULT} when not set. */
  public PkMode pkMode() {
    return pkMode;
  }

  /** Empty when the file names no PostgreSQL database; an embedded one is used then. */
  public Optional<DatabaseConfig> database() {
    return Optional.ofNullable(database);
  }

  /**
   * The {@code org} block: accounts discovered from AWS Organizations. Empty when the config lists
   * {@code accounts} (or neither, meaning the default credential chain's own account).
   */
  public Optional<OrgConfig> org() {
    return Optional.ofNullable(org);
  }

  /**
   * The account of the default credential chain, fetched when the config lists no accounts. Its
   * region for STS and DescribeRegions is the first configured region name, else {@code
   * AWS_REGION}, else the default profile's region, else {@code us-east-1}.
   */
  public AccountConfig defaultChainAccount() {
    return new AccountConfig(
        "default", null, null, null, null, null, defaultChainRegion, null, null);
  }

  /**
   * Problems that do not stop the run, one line each as {@code file:line:column: key: message} (for
   * example a region name this SDK version does not know yet).
   */
  public List<String> warnings() {
    return warnings;
  }

  /**
   * The files its {@code ${file:PATH}} placeholders read, as absolute paths (the config file itself
   * is {@link #file}): files the run must not write to.
   */
  public List<String> filesRead() {
    return filesRead;
  }

  InventoryConfig withFileFacts(List<String> warnings, List<String> filesRead) {
    Builder b = toBuilder();
    b.warnings = warnings;
    b.filesRead = filesRead;
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
    b.maxRetries = maxRetries;
    b.maxBackoffSeconds = maxBackoffSeconds;
    b.skipDeniedRegions = skipDeniedRegions;
    b.writeMode = writeMode;
    b.org = org;
    b.defaultChainRegion = defaultChainRegion;
    b.sendSyncSummary = sendSyncSummary;
    b.pkMode = pkMode;
    b.warnings = warnings;
    b.filesRead = filesRead;
    return b;
  }

  @Override
  public String toString() {
    return "InventoryConfig[file="
        + file
        + ", source="
        + sourceName
        + ", accounts="
        + accounts
        + ", regions="
        + regions
        + ", tables="
        + tables.stream().map(Located::value).toList()
        + ", skipTables="
        + skipTables.stream().map(Located::value).toList()
        + customEndpointUrl().map(u -> ", customEndpointUrl=" + u).orElse("")
        + ", maxRetries="
        + maxRetries
        + ", maxBackoffSeconds="
        + maxBackoffSeconds
        + ", writeMode="
        + writeMode.configName()
        + (pkMode == PkMode.DEFAULT ? "" : ", pkMode=" + pkMode.configName())
        + (sendSyncSummary ? ", sendSyncSummary=true" : "")
        + (org == null ? "" : ", org=" + org)
        + ", database="
        + (database == null ? "embedded" : database)
        + "]";
  }

  /**
   * Mutable draft filled in by the layout readers; options start at their declared defaults ({@link
   * ConfigBlock}), which hold when a file has no block to set them.
   */
  static final class Builder {
    final String file;
    String sourceName = ConfigBlock.SOURCE.declared("name").fixedDefault();
    List<AccountConfig> accounts = List.of();
    List<String> regions = List.of();
    List<Located<String>> tables = List.of();
    List<Located<String>> skipTables = List.of();
    String customEndpointUrl;
    String customEndpointSigningRegion;
    String customEndpointPartitionId;
    int maxRetries = ConfigBlock.AWS.declared("max_retries").intDefault();
    int maxBackoffSeconds = ConfigBlock.AWS.declared("max_backoff").intDefault();
    boolean skipDeniedRegions =
        ConfigBlock.AWS.declared("denied_regions").fixedDefault().equals(AwsOptions.SKIP);
    WriteMode writeMode =
        WriteMode.fromConfigName(ConfigBlock.DESTINATION.declared("write_mode").fixedDefault())
            .orElseThrow();
    DatabaseConfig database;
    OrgConfig org;
    String defaultChainRegion = "us-east-1";
    boolean sendSyncSummary = ConfigBlock.DESTINATION.declared("send_sync_summary").boolDefault();
    PkMode pkMode =
        PkMode.fromConfigName(ConfigBlock.DESTINATION.declared("pk_mode").fixedDefault());
    List<String> warnings = List.of();
    List<String> filesRead = List.of();

    Builder(String file) {
      this.file = file;
    }

    InventoryConfig build() {
      return new InventoryConfig(this, database);
    }
  }
}
