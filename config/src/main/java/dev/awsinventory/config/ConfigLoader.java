package dev.awsinventory.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Reads a cloudquery.yml (legacy or current layout) into a validated InventoryConfig. */
public final class ConfigLoader {
  private static final List<String> TOP_LEVEL_KEYS =
      List.of("cloudquery", "providers", "kind", "spec");

  private ConfigLoader() {}

  public static InventoryConfig load(Path file) throws ConfigException {
    return load(file, System.getenv());
  }

  /**
   * As {@link #load(Path)}, with {@code ${NAME}} taken from {@code env}. Placeholders ({@code
   * ${NAME}}, {@code ${file:PATH}}) are expanded in the text before it is parsed; see {@link
   * Placeholders}.
   */
  public static InventoryConfig load(Path file, Map<String, String> env) throws ConfigException {
    try {
      return read(file, env);
    } catch (RuntimeException | StackOverflowError e) {
      // A defect, not the user's: still one located line and exit 1, never a stack trace.
      throw new ConfigException(
          file.toString(),
          1,
          1,
          "",
          UNEXPECTED + e.getClass().getSimpleName() + "; please report this file's shape");
    }
  }

  /** The start of the message of a failure no check caught (a defect; tests look for it). */
  static final String UNEXPECTED = "could not read the config: unexpected ";

  private static InventoryConfig read(Path file, Map<String, String> env) throws ConfigException {
    List<YamlNode> documents = YamlParser.documents(file, Map.copyOf(env));
    YamlMap first = topLevel(documents.get(0));
    if (first.has("kind")) {
      return withFileFacts(CurrentLayout.read(documents), documents.get(0));
    }
    if (first.has("cloudquery") || first.has("providers")) {
      if (documents.size() > 1) {
        throw documents
            .get(1)
            .error(
                "the legacy layout (cloudquery: and providers:) is a single"
                    + " YAML document; remove the '---' or convert every document to kind: source/destination");
      }
      return withFileFacts(LegacyLayout.read(first), documents.get(0));
    }
    throw unrecognised(first);
  }

  /** {@code config} with the warnings found reading its file and the files it read. */
  private static InventoryConfig withFileFacts(InventoryConfig config, YamlNode document) {
    YamlFile file = document.file();
    return file.warnings().isEmpty() && file.text().filesRead().isEmpty()
        ? config
        : config.withFileFacts(
            file.warnings(), file.text().filesRead().stream().map(Path::toString).toList());
  }

  private static YamlMap topLevel(YamlNode document) throws ConfigException {
    if (!document.isMap()) {
      throw document.error("expected a map at the top level of the file, got " + document.kind());
    }
    return document.map();
  }

  private static ConfigException unrecognised(YamlMap root) {
    try {
      root.knownKeys(TOP_LEVEL_KEYS.toArray(String[]::new));
    } catch (ConfigException e) {
      if (e.problem().contains("did you mean")) {
        return e;
      }
    }
    return root.error(
        "not a CloudQuery config: expected 'cloudquery:' and 'providers:' (legacy"
            + " layout) or documents with 'kind: source' / 'kind: destination' and 'spec:'");
  }
}
