package dev.awsinventory.config;

import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The file being read: its name as given, its text after placeholder expansion, the environment it
 * was read with ({@code AWS_REGION}, {@code AWS_PROFILE}, {@code AWS_CONFIG_FILE}, {@code HOME} for
 * default regions) and the warnings found so far.
 */
record YamlFile(String name, Placeholders text, Map<String, String> env, List<String> warnings) {
  /** 1-based line and column in the original file of a parser mark. */
  int[] position(Mark mark) {
    return mark == null
        ? new int[] {1, 1}
        : text.originalPosition(mark.getLine(), mark.getColumn());
  }

  /** A located error whose message holds no inserted variable or file content. */
  ConfigException error(Mark mark, String key, String problem) {
    int[] at = position(mark);
    return new ConfigException(name, at[0], at[1], key, text.redact(problem));
  }

  /**
   * A located error about {@code node}: as {@link #error(Mark, String, String)}, and the node's
   * text masked too when an inserted value is part of it ({@link Placeholders#redact(String, int,
   * int, String)}).
   */
  ConfigException error(Node node, String key, String problem) {
    Mark from = node.getStartMark();
    Mark to = node.getEndMark();
    int[] at = position(from);
    String scalar = node instanceof ScalarNode s ? s.getValue() : "";
    return new ConfigException(
        name,
        at[0],
        at[1],
        key,
        text.redact(
            problem,
            text.offset(from.getLine(), from.getColumn()),
            text.offset(to.getLine(), to.getColumn()),
            scalar));
  }

  /**
   * Records a warning about {@code node}, formatted like an error: {@code file:line:column: key:
   * message}.
   */
  void warn(Node node, String key, String problem) {
    warnings.add(error(node, key, problem).getMessage());
  }
}
