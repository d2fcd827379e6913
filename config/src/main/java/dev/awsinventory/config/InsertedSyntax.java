package dev.awsinventory.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Values inserted by placeholders that YAML reads as syntax rather than as text: placeholders are
 * expanded before parsing (as CloudQuery does), so a value holding a quote, {@code ": "}, {@code "
 * #"} or starting with {@code &}, {@code !} or {@code #} changes the document around it. Such a
 * value is named by its placeholder, never shown: the parser's own message would quote it.
 */
final class InsertedSyntax {
  private static final String QUOTE_IT =
      "; put the placeholder in quotes, or escape those characters in the value";

  private InsertedSyntax() {}

  /**
   * The error for a parse failure that an inserted value caused: the value holding the problem
   * mark, else the one holding the context mark (such as the start of a quoted scalar), else the
   * first one between the two (scanned while the parser was in that context), else the last one
   * before the context mark on its line (a quote in the value that closed the quotes around it, so
   * that the quote after it opens a scalar running to the end of the file); empty when none.
   */
  static Optional<ConfigException> blame(Placeholders text, MarkedYAMLException e) {
    int problem = offset(text, e.getProblemMark());
    int context = offset(text, e.getContextMark());
    Optional<Placeholders.Insert> insert = problem < 0 ? Optional.empty() : text.insertAt(problem);
    if (insert.isEmpty() && context >= 0) {
      insert = text.insertAt(context);
    }
    if (insert.isEmpty() && context >= 0 && problem > context) {
      insert =
          text.inserts().stream()
              .filter(i -> i.start() >= context && i.start() < problem)
              .findFirst();
    }
    if (insert.isEmpty() && context >= 0) {
      int lineStart = text.offset(e.getContextMark().getLine(), 0);
      insert =
          text.inserts().stream()
              .filter(i -> i.start() >= lineStart && i.end() <= context)
              .reduce((first, second) -> second);
    }
    return insert.map(
        i ->
            text.errorAt(
                i,
                "malformed YAML: the value of "
                    + i.placeholder()
                    + " holds characters that YAML reads as syntax here"
                    + QUOTE_IT));
  }

  /**
   * The first one-line value that parsed without error but not as the text it holds: outside a
   * quoted or block scalar, a {@code #} at its start or after a blank begins a comment (the rest is
   * dropped), a leading {@code &} is an anchor, {@code !} a tag (both taken away from the value)
   * and {@code *} an alias (another node's value); empty when there is none.
   */
  static Optional<Placeholders.Insert> misread(Placeholders text, List<Node> documents) {
    List<int[]> quoted = new ArrayList<>();
    for (Node document : documents) {
      collectQuoted(text, document, quoted, 0);
    }
    return text.inserts().stream()
        .filter(i -> !i.value().strip().contains("\n") && readAsSyntax(i.value().strip()))
        .filter(i -> quoted.stream().noneMatch(r -> r[0] <= i.start() && i.start() < r[1]))
        .findFirst();
  }

  /** The problem of a {@link #misread} value, naming its placeholder only. */
  static String misreadProblem(Placeholders.Insert insert) {
    return "the value of "
        + insert.placeholder()
        + " is not read whole: YAML takes a '#' at its start or after a blank as a comment, and a"
        + " leading '&', '!' or '*' as an anchor, a tag or an alias"
        + QUOTE_IT;
  }

  private static boolean readAsSyntax(String value) {
    return value.startsWith("#")
        || value.startsWith("&")
        || value.startsWith("*")
        || value.startsWith("!")
        || value.contains(" #")
        || value.contains("\t#");
  }

  private static void collectQuoted(Placeholders text, Node node, List<int[]> out, int depth) {
    if (node == null || depth > 64) {
      return;
    }
    if (node instanceof ScalarNode scalar) {
      if (scalar.getScalarStyle() != ScalarStyle.PLAIN) {
        out.add(new int[] {offset(text, node.getStartMark()), offset(text, node.getEndMark())});
      }
    } else if (node instanceof MappingNode mapping) {
      for (NodeTuple t : mapping.getValue()) {
        collectQuoted(text, t.getKeyNode(), out, depth + 1);
        collectQuoted(text, t.getValueNode(), out, depth + 1);
      }
    } else if (node instanceof SequenceNode sequence) {
      for (Node item : sequence.getValue()) {
        collectQuoted(text, item, out, depth + 1);
      }
    }
  }

  private static int offset(Placeholders text, Mark mark) {
    return mark == null ? -1 : text.offset(mark.getLine(), mark.getColumn());
  }
}
