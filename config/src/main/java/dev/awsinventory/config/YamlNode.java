package dev.awsinventory.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** One YAML node with its key path; typed reads that fail with a located ConfigException. */
final class YamlNode {
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");
  private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Node node;
  private final String path;
  private final YamlFile file;

  YamlNode(Node node, String path, YamlFile file) {
    this.node = node;
    this.path = path;
    this.file = file;
  }

  String path() {
    return path;
  }

  YamlFile file() {
    return file;
  }

  int line() {
    return node.getStartMark().getLine() + 1;
  }

  int column() {
    return node.getStartMark().getColumn() + 1;
  }

  ConfigException error(String problem) {
    return new ConfigException(file.name(), line(), column(), path, problem);
  }

  <T> Located<T> located(T value) {
    return new Located<>(value, file.name(), line(), column(), path);
  }

  boolean isNull() {
    return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
  }

  boolean isMap() {
    return node instanceof MappingNode;
  }

  /** A scalar as text, after {@code ${NAME}} substitution. Numbers and booleans are accepted. */
  String string() throws ConfigException {
    if (!(node instanceof ScalarNode scalar) || isNull()) {
      throw error("expected a string, got " + kind());
    }
    return substitute(scalar.getValue());
  }

  int integer(int min) throws ConfigException {
    String text = string().trim();
    int value;
    try {
      value = Integer.parseInt(text.replace("_", ""));
    } catch (NumberFormatException e) {
      throw error("expected a whole number, got '" + text + "'");
    }
    if (value < min) {
      throw error("must be at least " + min + ", got " + value);
    }
    return value;
  }

  boolean bool() throws ConfigException {
    String text = string().trim().toLowerCase(Locale.ROOT);
    return switch (text) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw error("expected true or false, got '" + text + "'");
    };
  }

  YamlMap map() throws ConfigException {
    if (!(node instanceof MappingNode mapping)) {
      throw error("expected a map, got " + kind());
    }
    return new YamlMap(mapping, this);
  }

  List<YamlNode> list() throws ConfigException {
    if (!(node instanceof SequenceNode sequence)) {
      throw error("expected a list, got " + kind());
    }
    List<YamlNode> items = new ArrayList<>();
    for (Node item : sequence.getValue()) {
      items.add(new YamlNode(item, path + "[" + items.size() + "]", file));
    }
    return items;
  }

  /** A list of scalars; a single plain string counts as a list of one. */
  List<YamlNode> stringList() throws ConfigException {
    if (node instanceof ScalarNode && node.getTag().equals(Tag.STR)) {
      return List.of(this);
    }
    if (!(node instanceof SequenceNode)) {
      throw error("expected a list of strings, got " + kind());
    }
    List<YamlNode> items = list();
    for (YamlNode item : items) {
      if (!(item.node instanceof ScalarNode) || item.isNull()) {
        throw item.error("expected a string, got " + item.kind());
      }
    }
    return items;
  }

  YamlNode child(Node child, String childPath) {
    return new YamlNode(child, childPath, file);
  }

  String kind() {
    if (node instanceof MappingNode) {
      return "a map";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    Tag tag = node.getTag();
    if (tag.equals(Tag.NULL)) {
      return "nothing";
    }
    if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
      return "a number";
    }
    if (tag.equals(Tag.BOOL)) {
      return "a boolean";
    }
    return "a string";
  }

  private String substitute(String text) throws ConfigException {
    Matcher m = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      if (!VARIABLE_NAME.matcher(name).matches()) {
        throw error("unsupported placeholder '${" + name + "}'; only ${NAME} environment variables are supported");
      }
      String value = file.env().get(name);
      if (value == null) {
        throw error("undefined environment variable '" + name + "'");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
