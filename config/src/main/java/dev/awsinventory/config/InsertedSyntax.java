package dev.awsinventory.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
import org.yaml.snakeyaml.nodes.Tag;

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
   * that ends before the context mark on its line (or ends that line's break) (a quote in the value
   * that closed the quotes around it, so that the quote after it opens a scalar running to the end
   * of the file); empty when none.
   */
  static Optional<ConfigException> blame(Placeholders text, MarkedYAMLException e) {
    return blamedInsert(text, e).map(i -> text.errorAt(i, problem(i)));
  }

  /** The inserted value that {@link #blame} blames for {@code e}, if any. */
  static Optional<Placeholders.Insert> blamedInsert(Placeholders text, MarkedYAMLException e) {
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
              .filter(i -> i.end() >= lineStart && i.end() <= context)
              .reduce((first, second) -> second);
    }
    return insert;
  }

  /** The problem of a value that broke the YAML, naming its placeholder, never the value. */
  static String problem(Placeholders.Insert i) {
    return "malformed YAML: the value of "
        + i.placeholder()
        + " holds characters that YAML reads as syntax here"
        + QUOTE_IT;
  }

  /** A value that parsed without error but not as the text it holds, and what happened to it. */
  record Misread(Placeholders.Insert insert, String problem) {}

  /**
   * The first value that parsed without error but not as the text it holds; empty when there is
   * none. Two ways:
   *
   * <ul>
   *   <li>not read whole: where the value starts a token outside a quoted or block scalar, a
   *       leading {@code #} begins a comment, {@code &} an anchor, {@code !} a tag and {@code *} an
   *       alias; and a {@code #} after a blank begins a comment (the rest is dropped);
   *   <li>read as another value: the scalar it is part of does not hold it as written, because of
   *       escapes or doubled quotes inside quotes, line breaks folded, blanks at its ends trimmed,
   *       a lone {@code |} or {@code >}; or a plain scalar that YAML reads as null ({@code ~},
   *       {@code null}). Checked when the value ends inside that scalar or only blanks follow it (a
   *       value such as {@code a, b} in {@code [${X}]} spans several nodes and is not); line breaks
   *       at the end of a value are not counted, as YAML drops them and so does CloudQuery.
   * </ul>
   */
  static Optional<Misread> misread(Placeholders text, List<Node> documents) {
    List<ScalarNode> scalars = new ArrayList<>();
    for (Node document : documents) {
      collectScalars(document, scalars, 0);
    }
    // sorted by start (an alias repeats an earlier node), so the one holding an offset is found
    // by binary search
    scalars.sort(Comparator.comparingInt(n -> offset(text, n.getStartMark())));
    int[] starts = scalars.stream().mapToInt(n -> offset(text, n.getStartMark())).toArray();
    int[] ends = scalars.stream().mapToInt(n -> offset(text, n.getEndMark())).toArray();
    String yaml = text.text();
    for (Placeholders.Insert i : text.inserts()) {
      String value = i.value().replaceAll("[\\r\\n]+$", "");
      int first = i.start();
      while (first < i.end() && Character.isWhitespace(yaml.charAt(first))) {
        first++;
      }
      if (first == i.end()) {
        continue;
      }
      int found = Arrays.binarySearch(starts, first);
      int last = found >= 0 ? found : -found - 2;
      Optional<ScalarNode> scalar =
          last >= 0 && first < ends[last] ? Optional.of(scalars.get(last)) : Optional.empty();
      boolean quoted = scalar.isPresent() && scalar.get().getScalarStyle() != ScalarStyle.PLAIN;
      char before = first == 0 ? '\n' : yaml.charAt(first - 1);
      boolean startsToken = Character.isWhitespace(before) || "[{,".indexOf(before) >= 0;
      String stripped = value.strip();
      if (!quoted
          && !value.contains("\n")
          && ((startsToken && "#&!*".indexOf(stripped.charAt(0)) >= 0)
              || stripped.contains(" #")
              || stripped.contains("\t#"))) {
        return Optional.of(new Misread(i, notReadWhole(i)));
      }
      if (scalar.isEmpty()) {
        continue;
      }
      ScalarNode node = scalar.get();
      int end = ends[last];
      int valueEnd = i.start() + value.length();
      if (valueEnd > end && !yaml.substring(end, valueEnd).isBlank()) {
        continue;
      }
      if (!node.getValue().contains(value)
          || (node.getScalarStyle() == ScalarStyle.PLAIN && node.getTag().equals(Tag.NULL))) {
        return Optional.of(new Misread(i, readAsAnother(i)));
      }
    }
    return Optional.empty();
  }

  private static String notReadWhole(Placeholders.Insert insert) {
    return "the value of "
        + insert.placeholder()
        + " is not read whole: YAML takes a '#' at its start or after a blank as a comment, and a"
        + " leading '&', '!' or '*' as an anchor, a tag or an alias"
        + QUOTE_IT;
  }

  private static String readAsAnother(Placeholders.Insert insert) {
    return "YAML reads the value of "
        + insert.placeholder()
        + " as another value here (escapes or doubled quotes inside quotes, line breaks, blanks"
        + " at its ends, a lone '|', '>', '~' or 'null'); quote it so that YAML keeps it as"
        + " written (single quotes take a backslash or a double quote as it is, double quotes a"
        + " single quote)";
  }

  private static void collectScalars(Node node, List<ScalarNode> out, int depth) {
    if (node == null || depth > 64) {
      return;
    }
    if (node instanceof ScalarNode scalar) {
      out.add(scalar);
    } else if (node instanceof MappingNode mapping) {
      for (NodeTuple t : mapping.getValue()) {
        collectScalars(t.getKeyNode(), out, depth + 1);
        collectScalars(t.getValueNode(), out, depth + 1);
      }
    } else if (node instanceof SequenceNode sequence) {
      for (Node item : sequence.getValue()) {
        collectScalars(item, out, depth + 1);
      }
    }
  }

  private static int offset(Placeholders text, Mark mark) {
    return mark == null ? -1 : text.offset(mark.getLine(), mark.getColumn());
  }
}
