package dev.awsinventory.config;

import static dev.awsinventory.config.ConfigKey.Type.BOOLEAN;
import static dev.awsinventory.config.ConfigKey.Type.INTEGER;
import static dev.awsinventory.config.ConfigKey.Type.LIST;
import static dev.awsinventory.config.ConfigKey.Type.MAP;
import static dev.awsinventory.config.ConfigKey.Type.STRING;
import static dev.awsinventory.config.ConfigKey.Type.STRINGS;
import static dev.awsinventory.config.ConfigKey.choice;
import static dev.awsinventory.config.ConfigKey.derived;
import static dev.awsinventory.config.ConfigKey.ignored;
import static dev.awsinventory.config.ConfigKey.used;

import java.util.List;
import java.util.Optional;

/**
 * One block of a config file (a YAML map at a known place) and its declared keys. Keys and their
 * meaning follow CloudQuery's CLI, its AWS source plugin and its PostgreSQL destination ({@code
 * ../shared/reference/cloudquery-compat.md}); every block of both layouts is declared here once.
 *
 * @param where where the block is, as the docs name it ({@code spec.spec} of the aws source)
 * @param layout {@code current}, {@code legacy} or {@code both}
 */
public record ConfigBlock(String where, String layout, String title, List<ConfigKey> keys) {

  /** A current-layout YAML document. */
  public static final ConfigBlock DOCUMENT =
      new ConfigBlock(
          "(document)",
          "current",
          "Each YAML document",
          List.of(
              used("kind", STRING, "", "source or destination (transformer documents are skipped)"),
              used("spec", MAP, "", "the plugin's spec")));

  /** The {@code spec} of a source document (the aws source, or any other, which is skipped). */
  public static final ConfigBlock SOURCE =
      new ConfigBlock(
          "spec",
          "current",
          "kind: source",
          List.of(
              used("name", STRING, "aws", "source name; written to _cq_source_name"),
              used(
                  "path",
                  STRING,
                  "",
                  "cloudquery/aws marks the AWS source; other sources are skipped"),
              ignored("registry", STRING, "where CloudQuery downloads the plugin"),
              ignored("version", STRING, "plugin version; this tool has one set of tables"),
              used(
                  "tables",
                  STRINGS,
                  "*",
                  "table names or globs from CloudQuery's AWS catalogue; tables not fetched here are warned about and listed as unsupported_tables"),
              used(
                  "skip_tables",
                  STRINGS,
                  "",
                  "names or globs to leave out (with their child tables); tables not fetched here are accepted"),
              ignored(
                  "skip_dependent_tables", BOOLEAN, "child tables are fetched with their parents"),
              derived(
                  "destinations",
                  STRINGS,
                  "all",
                  "destination names; the postgresql one is written"),
              ignored("concurrency", INTEGER, "CLI-level concurrency; see --fetch-concurrency"),
              ignored("scheduler", STRING, "CloudQuery's scheduler choice"),
              ignored(
                  "deterministic_cq_id", BOOLEAN, "_cq_id is always derived from the table's key"),
              ignored("otel_endpoint", STRING, "OpenTelemetry export"),
              ignored("otel_endpoint_insecure", BOOLEAN, "OpenTelemetry export"),
              ignored("backend_options", MAP, "state backend for incremental tables"),
              used("spec", MAP, "", "the AWS plugin options below")));

  /** The {@code spec} of a destination document. */
  public static final ConfigBlock DESTINATION =
      new ConfigBlock(
          "spec",
          "current",
          "kind: destination",
          List.of(
              used(
                  "name", STRING, "", "destination name, referred to by the source's destinations"),
              used(
                  "path",
                  STRING,
                  "",
                  "cloudquery/postgresql marks the database written; others are skipped"),
              ignored("registry", STRING, "where CloudQuery downloads the plugin"),
              ignored("version", STRING, "plugin version"),
              choice(
                  "write_mode",
                  ConfigKey.Use.USED,
                  "overwrite-delete-stale",
                  "upsert and delete stale rows of fetched slices, upsert only, or insert only",
                  "overwrite-delete-stale",
                  "overwrite",
                  "append"),
              choice(
                  "migrate_mode",
                  ConfigKey.Use.IGNORED,
                  "safe",
                  "existing tables are only extended with missing columns",
                  "safe",
                  "forced"),
              choice(
                  "pk_mode",
                  ConfigKey.Use.USED,
                  "default",
                  "primary key: the table's own key columns, or _cq_id only",
                  "default",
                  "cq-id-only"),
              ignored("sync_summary", BOOLEAN, "accepted for compatibility; see send_sync_summary"),
              used(
                  "send_sync_summary",
                  BOOLEAN,
                  "false",
                  "also write the run's summary to the destination, as CloudQuery does"),
              ignored("batch_size", INTEGER, "batching is this tool's own"),
              ignored("batch_size_bytes", INTEGER, "batching is this tool's own"),
              ignored("sync_group_id", STRING, "CloudQuery's sync groups"),
              used("spec", MAP, "", "the PostgreSQL options below")));

  /** The {@code spec.spec} of the postgresql destination. */
  public static final ConfigBlock POSTGRESQL =
      new ConfigBlock(
          "spec.spec",
          "current",
          "kind: destination, path: cloudquery/postgresql",
          List.of(
              used(
                  "connection_string",
                  STRING,
                  "",
                  "a URI (postgres://...), key=value DSN or JDBC URL"),
              ignored("pgx_log_level", STRING, "Go driver logging"),
              ignored("batch_size", INTEGER, "batching is this tool's own"),
              ignored("batch_size_bytes", INTEGER, "batching is this tool's own"),
              ignored("batch_timeout", STRING, "batching is this tool's own"),
              ignored("create_performance_indexes", BOOLEAN, "CloudQuery's extra indexes"),
              ignored("retry_on_deadlock", BOOLEAN, "CloudQuery's deadlock retries")));

  /**
   * The AWS plugin options: {@code spec.spec} of the aws source, or legacy {@code configuration}.
   */
  public static final ConfigBlock AWS =
      new ConfigBlock(
          "spec.spec / providers[].configuration",
          "both",
          "AWS plugin options",
          List.of(
              derived(
                  "regions",
                  STRINGS,
                  "all enabled regions",
                  "region names or globs; * means every enabled region"),
              derived(
                  "accounts",
                  LIST,
                  "the default credential chain's account",
                  "accounts to fetch, see below"),
              used(
                  "org",
                  MAP,
                  "",
                  "discover member accounts from AWS Organizations, see below; not with accounts"),
              ignored("aws_debug", BOOLEAN, "CloudQuery's SDK debug logging"),
              used("max_retries", INTEGER, "10", "attempts per AWS call"),
              used("max_backoff", INTEGER, "30", "longest retry wait, seconds"),
              used(
                  "custom_endpoint_url",
                  STRING,
                  "",
                  "send every call to this endpoint (LocalStack and similar)"),
              ignored(
                  "custom_endpoint_hostname_immutable",
                  BOOLEAN,
                  "the endpoint's host name is always used as given"),
              used(
                  "custom_endpoint_partition_id",
                  STRING,
                  "",
                  "partition written in ARNs with a custom endpoint"),
              used(
                  "custom_endpoint_signing_region",
                  STRING,
                  "",
                  "signing region with a custom endpoint"),
              ignored(
                  "initialization_concurrency",
                  INTEGER,
                  "accounts are set up in parallel by the runner's workers"),
              ignored("concurrency", INTEGER, "see --fetch-concurrency"),
              ignored("use_paid_apis", BOOLEAN, "no table here needs a paid API"),
              ignored("table_options", MAP, "options of tables not fetched here"),
              ignored("event_based_sync", MAP, "Kinesis-driven syncs"),
              ignored("scheduler", STRING, "CloudQuery's scheduler choice"),
              ignored(
                  "use_nested_table_rate_limiting",
                  BOOLEAN,
                  "calls are paced per account, region and API"),
              ignored("enable_api_level_tracing", BOOLEAN, "CloudQuery's tracing"),
              used(
                  "denied_regions",
                  STRING,
                  "fail",
                  "fail or skip: slices of a region a service control policy denies fail (run partial) or are skipped (rows kept, run ok)")));

  /** One entry of {@code accounts}. */
  public static final ConfigBlock ACCOUNT =
      new ConfigBlock(
          "accounts[]",
          "both",
          "One account",
          List.of(
              used("id", STRING, "", "the 12-digit account id (or a name, as CloudQuery allows)"),
              derived("account_name", STRING, "id", "name in logs and the summary; unique"),
              used("local_profile", STRING, "", "named profile of the shared AWS config files"),
              used("role_arn", STRING, "", "role to assume in the account"),
              derived("role_session_name", STRING, "aws-inventory", "AssumeRole session name"),
              used("external_id", STRING, "", "AssumeRole external id (a secret: never printed)"),
              derived(
                  "default_region",
                  STRING,
                  "first configured region, AWS_REGION or the profile's",
                  "region for STS and DescribeRegions"),
              derived("regions", STRINGS, "the top-level regions", "this account's own regions")));

  /** The {@code org} block. */
  public static final ConfigBlock ORG =
      new ConfigBlock(
          "org",
          "both",
          "AWS Organizations",
          List.of(
              derived(
                  "admin_account",
                  MAP,
                  "the default credential chain",
                  "account block whose credentials call Organizations"),
              used("member_role_name", STRING, "", "required: role name assumed in every member"),
              derived(
                  "member_trusted_principal",
                  MAP,
                  "the admin credentials",
                  "account block whose credentials assume the member roles"),
              used("member_role_session_name", STRING, "", "AssumeRole session name for members"),
              used("member_external_id", STRING, "", "AssumeRole external id for members"),
              derived("member_regions", STRINGS, "the top-level regions", "regions for members"),
              derived(
                  "organization_units",
                  STRINGS,
                  "the whole organization",
                  "OU ids (ou-...) or root ids (r-...) to walk, nested OUs included"),
              used("skip_organization_units", STRINGS, "", "OU ids skipped at any depth"),
              used("skip_member_accounts", STRINGS, "", "12-digit account ids skipped")));

  /** {@code org.admin_account} and {@code org.member_trusted_principal}. */
  public static final ConfigBlock ORG_ACCOUNT =
      new ConfigBlock(
          "org.admin_account / org.member_trusted_principal",
          "both",
          "Organizations credentials",
          List.of(
              used("local_profile", STRING, "", "named profile of the shared AWS config files"),
              used("role_arn", STRING, "", "role to assume"),
              used("external_id", STRING, "", "AssumeRole external id"),
              used("role_session_name", STRING, "", "AssumeRole session name"),
              derived(
                  "default_region",
                  STRING,
                  "first configured region, AWS_REGION or the profile's",
                  "region for STS")));

  /** The legacy layout's top level. */
  public static final ConfigBlock LEGACY_ROOT =
      new ConfigBlock(
          "(top level)",
          "legacy",
          "Legacy layout",
          List.of(
              used("cloudquery", MAP, "", "CLI settings and the database connection"),
              used("providers", LIST, "", "provider entries; the aws one is read")));

  /** The legacy {@code cloudquery:} block. */
  public static final ConfigBlock LEGACY_CLOUDQUERY =
      new ConfigBlock(
          "cloudquery",
          "legacy",
          "Legacy cloudquery block",
          List.of(
              ignored("plugin_directory", STRING, "where CloudQuery kept plugins"),
              ignored("policy_directory", STRING, "where CloudQuery kept policies"),
              used("providers", LIST, "", "name, source and version of each provider"),
              derived("connection", MAP, "the embedded database", "the PostgreSQL database")));

  /** An entry of the legacy {@code cloudquery.providers}. */
  public static final ConfigBlock LEGACY_CQ_PROVIDER =
      new ConfigBlock(
          "cloudquery.providers[]",
          "legacy",
          "Legacy provider source",
          List.of(
              used("name", STRING, "", "provider name used under providers"),
              used(
                  "source", STRING, "", "cloudquery/aws marks the AWS provider under another name"),
              ignored("version", STRING, "plugin version")));

  /** The legacy {@code cloudquery.connection}. */
  public static final ConfigBlock LEGACY_CONNECTION =
      new ConfigBlock(
          "cloudquery.connection",
          "legacy",
          "Legacy database connection",
          List.of(
              used("type", STRING, "postgres", "only postgres (or postgresql)"),
              used("username", STRING, "postgres", "database user"),
              used("password", STRING, "", "database password (never printed)"),
              used("host", STRING, "localhost", "database host"),
              used("port", INTEGER, "5432", "database port"),
              used("database", STRING, "postgres", "database name"),
              used(
                  "sslmode",
                  STRING,
                  "",
                  "disable, allow, prefer, require, verify-ca or verify-full"),
              used("dsn", STRING, "", "a whole connection string instead of the fields"),
              used("connection_string", STRING, "", "same as dsn")));

  /** An entry of the legacy top-level {@code providers}. */
  public static final ConfigBlock LEGACY_PROVIDER =
      new ConfigBlock(
          "providers[]",
          "legacy",
          "Legacy provider",
          List.of(
              used("name", STRING, "", "aws (or a name whose source is cloudquery/aws)"),
              ignored("alias", STRING, "one aws provider is read"),
              used("configuration", MAP, "", "the AWS plugin options"),
              used(
                  "resources",
                  STRINGS,
                  "*",
                  "service.resource names (ec2.instances) or table names"),
              used(
                  "skip_resources",
                  STRINGS,
                  "",
                  "service.resource names or table names to leave out"),
              ignored("env", STRINGS, "environment of the provider process"),
              ignored("max_parallel_resource_fetch_limit", INTEGER, "see --fetch-concurrency"),
              ignored("max_goroutines", INTEGER, "see --fetch-concurrency"),
              ignored("resource_timeout", INTEGER, "CloudQuery's per-resource timeout")));

  /** Every block, in the order the docs list them. */
  public static final List<ConfigBlock> ALL =
      List.of(
          DOCUMENT,
          SOURCE,
          AWS,
          ACCOUNT,
          ORG,
          ORG_ACCOUNT,
          DESTINATION,
          POSTGRESQL,
          LEGACY_ROOT,
          LEGACY_CLOUDQUERY,
          LEGACY_CQ_PROVIDER,
          LEGACY_CONNECTION,
          LEGACY_PROVIDER);

  /** The declaration of {@code name}. */
  public Optional<ConfigKey> key(String name) {
    return keys.stream().filter(k -> k.name().equals(name)).findFirst();
  }

  /** The declaration of {@code name}; a defect when this block does not declare it. */
  ConfigKey declared(String name) {
    return key(name)
        .orElseThrow(
            () -> new IllegalStateException("key " + name + " is not declared in " + where));
  }

  /**
   * Checks {@code map} against the declarations: an undeclared key fails with the closest declared
   * one, a rejected key fails, and every present value has its declared type. Returns the map,
   * which from then on only answers declared keys.
   */
  YamlMap check(YamlMap map) throws ConfigException {
    map.knownKeys(keys.stream().map(ConfigKey::name).toArray(String[]::new));
    for (ConfigKey key : keys) {
      Optional<YamlNode> value = map.value(key.name());
      if (value.isPresent()) {
        key.check(map, value.get());
      } else if (key.use() == ConfigKey.Use.REJECTED && map.has(key.name())) {
        throw map.keyNode(key.name()).error(key.name() + " is not supported: " + key.description());
      }
    }
    return map.declaredBy(this);
  }

  /** {@link #check(YamlMap)} of the map at {@code node}. */
  YamlMap check(YamlNode node) throws ConfigException {
    return check(node.map());
  }
}
