package dev.awsinventory.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The pre-v1 layout: a {@code cloudquery:} block and a top-level {@code providers:} list. */
final class LegacyLayout {
  private static final List<String> AWS_SOURCES =
      List.of("cloudquery/aws", "cloudquery/cq-provider-aws");

  private LegacyLayout() {}

  static InventoryConfig read(YamlMap root) throws ConfigException {
    ConfigBlock.LEGACY_ROOT.check(root);
    InventoryConfig.Builder b = new InventoryConfig.Builder(root.node().file().name());
    Map<String, String> sources = new HashMap<>();
    Optional<YamlMap> cloudquery = root.map("cloudquery");
    if (cloudquery.isPresent()) {
      YamlMap cq = ConfigBlock.LEGACY_CLOUDQUERY.check(cloudquery.get());
      for (YamlNode item : cq.list("providers")) {
        YamlMap p = ConfigBlock.LEGACY_CQ_PROVIDER.check(item);
        String name = p.require("name").string();
        String source = p.text("source");
        if (source != null) {
          sources.put(name, source);
        }
      }
      Optional<YamlMap> connection = cq.map("connection");
      if (connection.isPresent()) {
        b.database = connection(connection.get());
      }
    }
    YamlMap aws = awsProvider(root.require("providers"), sources);
    b.sourceName = aws.require("name").string();
    b.tables = tables(aws, "resources");
    b.skipTables = tables(aws, "skip_resources");
    Optional<YamlMap> configuration = aws.map("configuration");
    if (configuration.isPresent()) {
      AwsOptions.read(configuration.get(), b);
    }
    b.defaultChainRegion = AccountReader.defaultChainRegion(aws.node(), b.regions);
    return b.build();
  }

  private static YamlMap awsProvider(YamlNode providers, Map<String, String> sources)
      throws ConfigException {
    YamlMap found = null;
    for (YamlNode item : providers.list()) {
      YamlMap p = ConfigBlock.LEGACY_PROVIDER.check(item);
      String name = p.require("name").string();
      String source = sources.get(name);
      if (name.equals("aws") || (source != null && AWS_SOURCES.contains(source))) {
        if (found != null) {
          throw item.error(
              "a second aws provider (the first is at line "
                  + found.node().line()
                  + "); aws-inventory reads one aws provider per file");
        }
        found = p;
      }
    }
    if (found == null) {
      throw providers.error("no aws provider; add an entry with name: aws");
    }
    return found;
  }

  /**
   * {@code ec2.instances} becomes {@code aws_ec2_instances} (the catalogue's name when an old
   * singular or plural form differs, see {@link CloudQueryTables#legacyTable}); {@code *} and
   * {@code aws_} names stay. A name no catalogue knows is mapped plainly and reported later with
   * the closest table.
   */
  static String legacyTable(String name) {
    if (name.equals("*") || name.startsWith("aws_")) {
      return name;
    }
    if (!Regions.isPattern(name)) {
      Optional<String> table = CloudQueryTables.legacyTable(name);
      if (table.isPresent()) {
        return table.get();
      }
    }
    return "aws_" + name.replace('.', '_');
  }

  /**
   * The {@code resources} / {@code skip_resources} list as table names; when absent or empty, its
   * declared default ({@code *} or none).
   */
  private static List<Located<String>> tables(YamlMap provider, String key) throws ConfigException {
    String declared = provider.declaredDefault(key);
    List<Located<String>> fallback =
        declared == null ? List.of() : List.of(provider.node().located(declared));
    if (provider.get(key).isEmpty()) {
      return fallback;
    }
    List<Located<String>> tables = new ArrayList<>();
    for (YamlNode item : provider.stringList(key)) {
      String name = item.string().trim();
      if (name.isEmpty()) {
        throw item.error("empty resource name");
      }
      tables.add(item.located(legacyTable(name)));
    }
    return tables.isEmpty() ? fallback : tables;
  }

  private static DatabaseConfig connection(YamlMap c) throws ConfigException {
    ConfigBlock.LEGACY_CONNECTION.check(c);
    String type = c.text("type").trim();
    if (!type.equals("postgres") && !type.equals("postgresql")) {
      throw c.get("type")
          .orElseThrow()
          .error("unsupported connection type '" + type + "'; only postgres is supported");
    }
    ConnectionString fields = new ConnectionString(c.node());
    fields.host = c.text("host").trim();
    fields.port = c.number("port", 1);
    if (fields.port > 65535) {
      throw c.get("port")
          .orElseThrow()
          .error("expected a port number from 1 to 65535, got '" + fields.port + "'");
    }
    fields.database = c.text("database");
    fields.user = c.text("username");
    fields.password = c.text("password");
    Optional<YamlNode> sslMode = c.get("sslmode");
    if (sslMode.isPresent()) {
      fields.params.put(
          "sslmode", new ConnectionString(sslMode.get()).sslMode(sslMode.get().string()));
    }
    Optional<YamlNode> dsn = c.get("dsn");
    Optional<YamlNode> connectionString = c.get("connection_string");
    if (dsn.isPresent() && connectionString.isPresent()) {
      throw connectionString.get().error("set either dsn or connection_string, not both");
    }
    Optional<YamlNode> text = dsn.isPresent() ? dsn : connectionString;
    return text.isPresent() ? ConnectionString.parse(text.get()) : fields.toConfig();
  }
}
