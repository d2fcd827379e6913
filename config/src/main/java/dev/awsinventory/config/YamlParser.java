package dev.awsinventory.config;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/** Reads a file into its non-empty YAML documents, keeping every node's position. */
final class YamlParser {
  /**
   * SnakeYAML's context of an error inside something that opens and must close: a quoted scalar
   * ({@code "}, {@code '}), a flow sequence ({@code [}) or a flow mapping (<code>{</code>).
   */
  private static final Pattern UNCLOSED =
      Pattern.compile("while (?:scanning|parsing) an? (quoted scalar|flow sequence|flow mapping)");

  private YamlParser() {}

  /**
   * The documents of {@code path}, its placeholders expanded first ({@link Placeholders}).
   *
   * @throws ConfigException for an unreadable file, a bad placeholder or malformed YAML, located in
   *     the original file
   */
  static List<YamlNode> documents(Path path, Map<String, String> env) throws ConfigException {
    String name = path.toString();
    String original = read(path, name);
    Path folder = path.toAbsolutePath().getParent();
    YamlFile file =
        new YamlFile(
            name,
            Placeholders.expand(name, original, env, folder == null ? Path.of(".") : folder),
            env,
            new ArrayList<>());
    List<YamlNode> documents = new ArrayList<>();
    List<Node> nodes = new ArrayList<>();
    try {
      for (Node node : compose(file.text().text())) {
        YamlNode document = new YamlNode(node, "", file);
        if (!document.isNull()) {
          documents.add(document);
          nodes.add(node);
        }
      }
    } catch (MarkedYAMLException e) {
      if (file.text().failure() != null) {
        throw keyedAsIfPlain(file.text().failure(), file.text().failureOffset(), file);
      }
      Optional<Placeholders.Insert> blamed = InsertedSyntax.blamedInsert(file.text(), e);
      if (blamed.isPresent()) {
        Placeholders.Insert i = blamed.get();
        throw keyedAsIfPlain(file.text().errorAt(i, InsertedSyntax.problem(i)), i.start(), file);
      }
      Matcher opened = e.getContext() == null ? null : UNCLOSED.matcher(e.getContext());
      if (opened != null
          && opened.matches()
          && e.getContextMark() != null
          && e.getProblemMark() != null
          && e.getProblemMark().getIndex() >= endOfContent(file.text().text())) {
        // a quote or bracket never closed: the end of the file says nothing, its start does
        throw file.error(
            e.getContextMark(),
            "",
            "malformed YAML: the "
                + opened.group(1)
                + " that starts here is not closed before the end of the file");
      }
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
      throw file.error(mark, "", "malformed YAML: " + problem);
    } catch (YAMLException e) {
      if (file.text().failure() != null) {
        throw keyedAsIfPlain(file.text().failure(), file.text().failureOffset(), file);
      }
      throw file.error((Mark) null, "", "malformed YAML: " + e.getMessage());
    }
    ConfigException failure = file.text().failure();
    if (failure != null) {
      throw keyed(failure, file.text().failureOffset(), documents);
    }
    Optional<InsertedSyntax.Misread> misread = InsertedSyntax.misread(file.text(), nodes);
    if (misread.isPresent()) {
      Placeholders.Insert i = misread.get().insert();
      throw keyed(file.text().errorAt(i, misread.get().problem()), i.start(), documents);
    }
    if (documents.isEmpty()) {
      throw new ConfigException(name, 1, 1, "", "the file is empty");
    }
    return documents;
  }

  /**
   * {@code e} under the key path that {@code offset} has when every inserted value is read as plain
   * text: the file as expanded does not parse, but its own structure does. {@code e} as it is when
   * that does not parse either.
   */
  private static ConfigException keyedAsIfPlain(ConfigException e, int offset, YamlFile file) {
    char[] plain = file.text().text().toCharArray();
    for (Placeholders.Insert i : file.text().inserts()) {
      Arrays.fill(plain, i.start(), i.end(), 'x');
    }
    List<YamlNode> documents = new ArrayList<>();
    try {
      for (Node node : compose(new String(plain))) {
        documents.add(new YamlNode(node, "", file));
      }
    } catch (YAMLException other) {
      return e;
    }
    return keyed(e, offset, documents);
  }

  /**
   * The documents of {@code text} as SnakeYAML composes them, empty ones left out.
   *
   * @throws YAMLException for malformed YAML
   */
  private static List<Node> compose(String text) {
    List<Node> nodes = new ArrayList<>();
    for (Node node : new Yaml(new LoaderOptions()).composeAll(new StringReader(text))) {
      if (node != null) {
        nodes.add(node);
      }
    }
    return nodes;
  }

  /** {@code e} under the key path of the node at {@code offset}, when one holds it. */
  private static ConfigException keyed(ConfigException e, int offset, List<YamlNode> documents) {
    String field = "";
    for (YamlNode document : documents) {
      field = document.pathAt(offset);
      if (!field.isEmpty()) {
        break;
      }
    }
    return field.isEmpty()
        ? e
        : new ConfigException(e.file(), e.line(), e.column(), field, e.problem());
  }

  private static String read(Path path, String name) throws ConfigException {
    try {
      String text = TextFiles.read(path);
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (TextFiles.Unreadable e) {
      throw new ConfigException(name, e.line, e.column, "", e.getMessage());
    }
  }

  /**
   * Where the text ends but for trailing white space, in code points as SnakeYAML's marks count.
   */
  private static int endOfContent(String text) {
    String content = text.stripTrailing();
    return content.codePointCount(0, content.length());
  }
}
