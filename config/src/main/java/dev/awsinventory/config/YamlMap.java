package dev.awsinventory.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** A YAML mapping with string keys; duplicate keys are rejected and merge keys applied. */
final class YamlMap {
  private final YamlNode self;
  private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
  private ConfigBlock block;

  YamlMap(MappingNode node, YamlNode self) throws ConfigException {
    this(node, self, new java.util.HashSet<>());
  }

  /**
   * {@code building}: the maps being read, so that a merge key that refers to its own map fails.
   */
  private YamlMap(MappingNode node, YamlNode self, java.util.Set<Node> building)
      throws ConfigException {
    this.self = self;
    if (!building.add(node)) {
      throw self.error("a merge key (<<) refers to a map that contains it");
    }
    List<Node> merges = new ArrayList<>();
    for (NodeTuple entry : node.getValue()) {
      Node keyNode = entry.getKeyNode();
      if (keyNode.getTag().equals(Tag.MERGE)) {
        merges.add(entry.getValueNode());
        continue;
      }
      if (!(keyNode instanceof ScalarNode scalar)) {
        throw self.child(keyNode, self.path()).error("keys must be plain names");
      }
      NodeTuple first = entries.putIfAbsent(scalar.getValue(), entry);
      if (first != null) {
        int firstLine = self.file().position(first.getKeyNode().getStartMark())[0];
        throw keyNode(scalar.getValue(), entry)
            .error("duplicate key '" + scalar.getValue() + "' (first at line " + firstLine + ")");
      }
    }
    for (Node merge : merges) {
      List<Node> sources = merge instanceof SequenceNode seq ? seq.getValue() : List.of(merge);
      for (Node source : sources) {
        YamlNode child = self.child(source, self.path());
        YamlMap merged =
            source instanceof MappingNode m ? new YamlMap(m, child, building) : child.map();
        merged.entries.forEach(entries::putIfAbsent);
      }
    }
  }

  String path() {
    return self.path();
  }

  YamlNode node() {
    return self;
  }

  ConfigException error(String problem) {
    return self.error(problem);
  }

  /** Fails at the first key (in file order) that is not one of {@code known}. */
  YamlMap knownKeys(String... known) throws ConfigException {
    List<String> allowed = List.of(known);
    for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
      String key = e.getKey();
      if (!allowed.contains(key)) {
        String hint = Suggest.didYouMean(key, allowed);
        if (hint.isEmpty()) {
          hint = "; expected one of: " + String.join(", ", allowed);
        }
        throw keyNode(key, e.getValue()).error("unknown key '" + key + "'" + hint);
      }
    }
    return this;
  }

  boolean has(String key) {
    return entries.containsKey(key);
  }

  /** From now on, reading a key that {@code declarations} does not declare is a defect. */
  YamlMap declaredBy(ConfigBlock declarations) {
    this.block = declarations;
    return this;
  }

  /** Whether this block may hold {@code key} (always true for a map read without declarations). */
  boolean declares(String key) {
    return block == null || block.key(key).isPresent();
  }

  /**
   * The value under {@code key}; absent when the key is missing or its value is null. Once the map
   * is checked, reading a key its block does not declare, or declares as ignored or rejected, is a
   * defect.
   */
  Optional<YamlNode> get(String key) {
    if (block != null) {
      ConfigKey declared =
          block
              .key(key)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "key " + key + " is read but not declared in " + block.where()));
      if (declared.use() != ConfigKey.Use.USED) {
        throw new IllegalStateException(
            "key "
                + key
                + " is read but declared "
                + declared.use().label()
                + " in "
                + block.where());
      }
    }
    return value(key);
  }

  /** {@link #get} without the declaration checks, for checking the map against them. */
  Optional<YamlNode> value(String key) {
    NodeTuple entry = entries.get(key);
    if (entry == null) {
      return Optional.empty();
    }
    YamlNode value = self.child(entry.getValueNode(), childPath(key));
    return value.isNull() ? Optional.empty() : Optional.of(value);
  }

  YamlNode require(String key) throws ConfigException {
    return get(key).orElseThrow(() -> self.error("missing required key '" + key + "'"));
  }

  /** The key itself (not its value), for errors about the key. */
  YamlNode keyNode(String key) {
    return keyNode(key, entries.get(key));
  }

  Optional<String> string(String key) throws ConfigException {
    Optional<YamlNode> node = get(key);
    return node.isPresent() ? Optional.of(node.get().string()) : Optional.empty();
  }

  Optional<Integer> integer(String key, int min) throws ConfigException {
    Optional<YamlNode> node = get(key);
    return node.isPresent() ? Optional.of(node.get().integer(min)) : Optional.empty();
  }

  Optional<Boolean> bool(String key) throws ConfigException {
    Optional<YamlNode> node = get(key);
    return node.isPresent() ? Optional.of(node.get().bool()) : Optional.empty();
  }

  /**
   * The string under a declared string or one-of key, else its declared default; null when it
   * declares none (or one the reader works out).
   */
  String text(String key) throws ConfigException {
    ConfigKey declared = declaration(key, ConfigKey.Type.STRING, ConfigKey.Type.ENUM);
    Optional<String> value = string(key);
    return value.isPresent() ? value.get() : declared.fixedDefault();
  }

  /**
   * The whole number (at least {@code min}) under a declared integer key, else its declared
   * default.
   */
  int number(String key, int min) throws ConfigException {
    ConfigKey declared = declaration(key, ConfigKey.Type.INTEGER);
    Optional<Integer> value = integer(key, min);
    return value.isPresent() ? value.get() : declared.intDefault();
  }

  /** The boolean under a declared boolean key, else its declared default. */
  boolean flag(String key) throws ConfigException {
    ConfigKey declared = declaration(key, ConfigKey.Type.BOOLEAN);
    Optional<Boolean> value = bool(key);
    return value.isPresent() ? value.get() : declared.boolDefault();
  }

  /** The declared default of {@code key} ({@link ConfigKey#fixedDefault}), of any type. */
  String declaredDefault(String key) {
    return declaration(key).fixedDefault();
  }

  /** The declaration of {@code key}, which must have one of {@code types} (any when none). */
  private ConfigKey declaration(String key, ConfigKey.Type... types) {
    if (block == null) {
      throw new IllegalStateException("key " + key + " is read before " + path() + " is checked");
    }
    ConfigKey declared = block.declared(key);
    if (types.length > 0 && !List.of(types).contains(declared.type())) {
      throw new IllegalStateException("key " + key + " is declared " + declared.type().label());
    }
    return declared;
  }

  Optional<YamlMap> map(String key) throws ConfigException {
    Optional<YamlNode> node = get(key);
    return node.isPresent() ? Optional.of(node.get().map()) : Optional.empty();
  }

  List<YamlNode> list(String key) throws ConfigException {
    Optional<YamlNode> node = get(key);
    return node.isPresent() ? node.get().list() : List.of();
  }

  List<YamlNode> stringList(String key) throws ConfigException {
    Optional<YamlNode> node = get(key);
    return node.isPresent() ? node.get().stringList() : List.of();
  }

  List<String> strings(String key) throws ConfigException {
    List<String> values = new ArrayList<>();
    for (YamlNode item : stringList(key)) {
      values.add(item.string());
    }
    return values;
  }

  private YamlNode keyNode(String key, NodeTuple entry) {
    return self.child(entry.getKeyNode(), childPath(key));
  }

  private String childPath(String key) {
    return self.path().isEmpty() ? key : self.path() + "." + key;
  }
}
