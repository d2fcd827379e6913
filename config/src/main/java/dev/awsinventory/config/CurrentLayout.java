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
      YamlMap d = document.map().knownKeys("kind", "spec");
      YamlNode kind = d.require("kind");
      YamlMap spec = d.require("spec").map();
      switch (kind.string().trim()) {
        case "source" -> {
          if (isAws(sourceSpec(spec))) {
            if (source != null) {
              throw document.error("a second aws source (the first is at line "
                  + source.node().line() + "); aws-inventory reads one aws source per file");
            }
            source = spec;
          }
        }
        case "destination" -> {
          String name = destinationSpec(spec).require("name").string();
          YamlMap first = destinations.putIfAbsent(name, spec);
          if (first != null) {
            throw spec.get("name").orElseThrow().error("a second destination named '" + name
                + "' (the first is at line " + first.node().line() + ")");
          }
        }
        case "transformer" -> { }
        default -> throw kind.error("unknown kind '" + kind.string()
            + "'; expected source or destination");
      }
    }
    if (source == null) {
      throw documents.get(0).error(
          "no aws source; add a document with kind: source and path: cloudquery/aws");
    }
    InventoryConfig.Builder b = new InventoryConfig.Builder(source.node().file().name());
    b.sourceName = source.string("name").orElse("aws");
    b.tables = tables(source, "tables", List.of(source.node().located("*")));
    b.skipTables = tables(source, "skip_tables", List.of());
    Optional<YamlMap> options = source.map("spec");
    if (options.isPresent()) {
      AwsOptions.read(options.get(), b);
    }
    Optional<YamlMap> postgres = postgresDestination(source, destinations);
    if (postgres.isPresent()) {
      readPostgres(postgres.get(), b);
    }
    return b.build();
  }

  private static YamlMap sourceSpec(YamlMap spec) throws ConfigException {
    spec.knownKeys("name", "path", "registry", "version", "tables", "skip_tables",
        "skip_dependent_tables", "destinations", "concurrency", "scheduler", "deterministic_cq_id",
        "otel_endpoint", "otel_endpoint_insecure", "backend_options", "spec");
    for (String key : new String[] {"name", "path", "registry", "version", "scheduler", "otel_endpoint"}) {
      spec.string(key);
    }
    for (String key : new String[] {"skip_dependent_tables", "deterministic_cq_id", "otel_endpoint_insecure"}) {
      spec.bool(key);
    }
    spec.integer("concurrency", 0);
    spec.map("backend_options");
    spec.strings("destinations");
    return spec;
  }

  private static YamlMap destinationSpec(YamlMap spec) throws ConfigException {
    spec.knownKeys("name", "path", "registry", "version", "write_mode", "migrate_mode", "pk_mode",
        "sync_summary", "send_sync_summary", "batch_size", "batch_size_bytes", "sync_group_id",
        "spec");
    for (String key : new String[] {"name", "path", "registry", "version", "sync_group_id"}) {
      spec.string(key);
    }
    spec.bool("sync_summary");
    spec.bool("send_sync_summary");
    spec.integer("batch_size", 0);
    spec.integer("batch_size_bytes", 0);
    oneOf(spec, "migrate_mode", "safe", "forced");
    oneOf(spec, "pk_mode", "default", "cq-id-only");
    return spec;
  }

  private static boolean isAws(YamlMap spec) throws ConfigException {
    Optional<String> path = spec.string("path");
    return path.isPresent() ? path.get().equals("cloudquery/aws") : spec.string("name").orElse("").equals("aws");
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
          throw item.error("destination '" + item.string() + "' is not defined in this file"
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
          throw destination.node().error("a second postgresql destination (the first is at line "
              + found.node().line() + "); aws-inventory writes to one database");
        }
        found = destination;
      }
    }
    return Optional.ofNullable(found);
  }

  private static void readPostgres(YamlMap destination, InventoryConfig.Builder b) throws ConfigException {
    b.sendSyncSummary = destination.bool("send_sync_summary").orElse(false)
        || destination.bool("sync_summary").orElse(false);
    Optional<YamlNode> writeMode = destination.get("write_mode");
    if (writeMode.isPresent()) {
      String name = writeMode.get().string().trim();
      b.writeMode = WriteMode.fromConfigName(name).orElseThrow(() -> writeMode.get().error(
          "unknown write_mode '" + name + "'; expected overwrite-delete-stale, overwrite or append"));
    }
    YamlMap spec = destination.require("spec").map().knownKeys("connection_string",
        "pgx_log_level", "batch_size", "batch_size_bytes", "batch_timeout",
        "create_performance_indexes", "retry_on_deadlock");
    spec.string("pgx_log_level");
    spec.integer("batch_size", 0);
    spec.integer("batch_size_bytes", 0);
    spec.string("batch_timeout");
    spec.bool("create_performance_indexes");
    spec.bool("retry_on_deadlock");
    b.database = ConnectionString.parse(spec.require("connection_string"));
  }

  private static List<Located<String>> tables(YamlMap spec, String key, List<Located<String>> fallback)
      throws ConfigException {
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

  private static void oneOf(YamlMap spec, String key, String... allowed) throws ConfigException {
    Optional<YamlNode> node = spec.get(key);
    if (node.isPresent() && !List.of(allowed).contains(node.get().string().trim())) {
      throw node.get().error("unknown " + key + " '" + node.get().string().trim()
          + "'; expected " + String.join(" or ", allowed));
    }
  }
}
