package dev.awsinventory.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The v1+ layout: YAML documents with {@code kind: source} / {@code kind: destination}. */
final class CurrentLayout {
  private CurrentLayout() {}

  static InventoryConfig read(List<YamlNode> documents) throws ConfigException {
    YamlMap source = null;
    Map<String, YamlMap> destinations = new LinkedHashMap<>();
    for (YamlNode document : documents) {
      YamlMap d = ConfigBlock.DOCUMENT.check(document);
      YamlNode kind = d.require("kind");
      YamlMap spec = d.require("spec").map();
      switch (kind.string().trim()) {
        case "source" -> {
          if (isAws(sourceSpec(spec))) {
            if (source != null) {
              throw document.error(
                  "a second aws source (the first is at line "
                      + source.node().line()
                      + "); aws-inventory reads one aws source per file");
            }
            source = spec;
          }
        }
        case "destination" -> {
          String name = destinationSpec(spec).require("name").string();
          YamlMap first = destinations.putIfAbsent(name, spec);
          if (first != null) {
            throw spec.get("name")
                .orElseThrow()
                .error(
                    "a second destination named '"
                        + name
                        + "' (the first is at line "
                        + first.node().line()
                        + ")");
          }
        }
        case "transformer" -> {}
        default ->
            throw kind.error(
                "unknown kind '" + kind.string() + "'; expected source or destination");
      }
    }
    if (source == null) {
      throw documents
          .get(0)
          .error("no aws source; add a document with kind: source and path: cloudquery/aws");
    }
    InventoryConfig.Builder b = new InventoryConfig.Builder(source.node().file().name());
    b.sourceName = source.text("name");
    b.tables = tables(source, "tables");
    b.skipTables = tables(source, "skip_tables");
    Optional<YamlMap> options = source.map("spec");
    if (options.isPresent()) {
      AwsOptions.read(options.get(), b);
    }
    b.defaultChainRegion = AccountReader.defaultChainRegion(source.node(), b.regions);
    Optional<YamlMap> postgres = postgresDestination(source, destinations);
    if (postgres.isPresent()) {
      readPostgres(postgres.get(), b);
    }
    return b.build();
  }

  private static YamlMap sourceSpec(YamlMap spec) throws ConfigException {
    return ConfigBlock.SOURCE.check(spec);
  }

  private static YamlMap destinationSpec(YamlMap spec) throws ConfigException {
    return ConfigBlock.DESTINATION.check(spec);
  }

  private static boolean isAws(YamlMap spec) throws ConfigException {
    Optional<String> path = spec.string("path");
    return path.isPresent()
        ? path.get().equals("cloudquery/aws")
        : spec.string("name").orElse("").equals("aws");
  }

  private static boolean isPostgres(YamlMap spec) throws ConfigException {
    Optional<String> path = spec.string("path");
    return path.isPresent()
        ? path.get().equals("cloudquery/postgresql")
        : spec.string("name").orElse("").equals("postgresql");
  }

  private static Optional<YamlMap> postgresDestination(YamlMap source, Map<String, YamlMap> all)
      throws ConfigException {
    List<YamlMap> chosen = new ArrayList<>();
    if (source.get("destinations").isPresent()) {
      for (YamlNode item : source.stringList("destinations")) {
        YamlMap destination = all.get(item.string());
        if (destination == null) {
          throw item.error(
              "destination '"
                  + item.string()
                  + "' is not defined in this file"
                  + Suggest.didYouMean(item.string(), all.keySet()));
        }
        chosen.add(destination);
      }
    } else {
      chosen.addAll(all.values());
    }
    YamlMap found = null;
    for (YamlMap destination : chosen) {
      if (isPostgres(destination)) {
        if (found != null && found != destination) {
          throw destination
              .node()
              .error(
                  "a second postgresql destination (the first is at line "
                      + found.node().line()
                      + "); aws-inventory writes to one database");
        }
        found = destination;
      }
    }
    if (found == null) {
      for (YamlMap destination : chosen) {
        warnNotWritten(destination);
      }
    }
    return Optional.ofNullable(found);
  }

  /**
   * A destination that is not the postgresql one, when there is none: a misspelt path ({@code
   * cloudquery/postgres}) would otherwise leave the run on the embedded database unannounced.
   */
  private static void warnNotWritten(YamlMap destination) throws ConfigException {
    YamlNode at = destination.get("path").orElse(destination.node());
    String path = destination.string("path").orElse(destination.string("name").orElse(""));
    at.warn(
        "destination '"
            + path
            + "' is not written: aws-inventory writes only to cloudquery/postgresql"
            + Suggest.didYouMean(path, List.of("cloudquery/postgresql"))
            + "; with no postgresql destination, the run writes to the embedded database");
  }

  private static void readPostgres(YamlMap destination, InventoryConfig.Builder b)
      throws ConfigException {
    // write_mode and pk_mode hold one of their declared values (checked with the block)
    b.writeMode = WriteMode.fromConfigName(destination.text("write_mode").trim()).orElseThrow();
    b.sendSyncSummary = destination.flag("send_sync_summary");
    b.pkMode = PkMode.fromConfigName(destination.text("pk_mode").trim());
    YamlMap spec = ConfigBlock.POSTGRESQL.check(destination.require("spec"));
    b.database = ConnectionString.parse(spec.require("connection_string"));
  }

  /**
   * The table list under {@code key}; when absent or empty, its declared default ({@code *} or
   * none).
   */
  private static List<Located<String>> tables(YamlMap spec, String key) throws ConfigException {
    String declared = spec.declaredDefault(key);
    List<Located<String>> fallback =
        declared == null ? List.of() : List.of(spec.node().located(declared));
    if (spec.get(key).isEmpty()) {
      return fallback;
    }
    List<Located<String>> tables = new ArrayList<>();
    for (YamlNode item : spec.stringList(key)) {
      String name = item.string().trim();
      if (name.isEmpty()) {
        throw item.error("empty table name");
      }
      tables.add(item.located(name));
    }
    return tables.isEmpty() ? fallback : tables;
  }
}
