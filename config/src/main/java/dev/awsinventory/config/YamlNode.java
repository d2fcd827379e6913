package dev.awsinventory.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** One YAML node with its key path; typed reads that fail with a located ConfigException. */
final class YamlNode {
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

  /** 1-based line in the original file (before placeholder expansion). */
  int line() {
    return file.position(node.getStartMark())[0];
  }

  int column() {
    return file.position(node.getStartMark())[1];
  }

  ConfigException error(String problem) {
    return file.error(node, path, problem);
  }

  /** Records a warning located at this node. */
  void warn(String problem) {
    file.warn(node, path, problem);
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

  /**
   * A scalar as text (placeholders were expanded before parsing). Numbers and booleans are
   * accepted.
   */
  String string() throws ConfigException {
    return scalar("a string");
  }

  /** A scalar's text; otherwise an error saying {@code expected} (e.g. "a whole number"). */
  private String scalar(String expected) throws ConfigException {
    if (!(node instanceof ScalarNode scalar) || isNull()) {
      throw error("expected " + expected + ", got " + kind());
    }
    return scalar.getValue();
  }

  /**
   * A whole number of at least {@code min} ({@link Integer#MIN_VALUE}: any).
   *
   * @throws ConfigException naming the value when it is no whole number, too large or below {@code
   *     min}
   */
  int integer(int min) throws ConfigException {
    String text = scalar("a whole number").trim();
    int value;
    try {
      value = Integer.parseInt(text.replace("_", ""));
    } catch (NumberFormatException e) {
      throw error(
          (text.replace("_", "").matches("[+-]?\\d+")
                  ? "expected a whole number up to " + Integer.MAX_VALUE
                  : "expected a whole number")
              + ", got '"
              + text
              + "'");
    }
    if (value < min) {
      throw error("must be at least " + min + ", got '" + text + "'");
    }
    return value;
  }

  boolean bool() throws ConfigException {
    String text = scalar("true or false").trim().toLowerCase(Locale.ROOT);
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

  /**
   * The key path of the deepest node under this one whose text contains {@code offset} (in the
   * expanded text); empty when none does.
   */
  String pathAt(int offset) {
    return pathAt(offset, 0);
  }

  private String pathAt(int offset, int depth) {
    Placeholders text = file.text();
    if (depth > 64) {
      return "";
    }
    String found = "";
    if (node instanceof MappingNode mapping) {
      for (org.yaml.snakeyaml.nodes.NodeTuple t : mapping.getValue()) {
        Node value = t.getValueNode();
        if (t.getKeyNode() instanceof ScalarNode key
            && contains(text, t.getKeyNode(), value, offset)) {
          String childPath = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
          String deeper = child(value, childPath).pathAt(offset, depth + 1);
          found = deeper.isEmpty() ? childPath : deeper;
        }
      }
    } else if (node instanceof SequenceNode sequence) {
      List<Node> items = sequence.getValue();
      for (int i = 0; i < items.size(); i++) {
        if (contains(text, items.get(i), items.get(i), offset)) {
          String childPath = path + "[" + i + "]";
          String deeper = child(items.get(i), childPath).pathAt(offset, depth + 1);
          found = deeper.isEmpty() ? childPath : deeper;
        }
      }
    }
    return found;
  }

  /**
   * Whether {@code offset} is between the start of {@code from} and the end of {@code to}; an empty
   * value (a null whose text is a comment, {@code key: # ...}) reaches to the end of its line.
   */
  private static boolean contains(Placeholders text, Node from, Node to, int offset) {
    int start = text.offset(from.getStartMark().getLine(), from.getStartMark().getColumn());
    int end = text.offset(to.getEndMark().getLine(), to.getEndMark().getColumn());
    if (to instanceof ScalarNode scalar
        && scalar.getValue().isEmpty()
        && to.getTag().equals(Tag.NULL)) {
      end = Math.max(end, text.offset(to.getEndMark().getLine() + 1, 0) - 1);
    }
    return start <= offset && offset <= end;
  }
}
