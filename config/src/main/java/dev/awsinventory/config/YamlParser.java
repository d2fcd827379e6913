package dev.awsinventory.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/** Reads a file into its non-empty YAML documents, keeping every node's position. */
final class YamlParser {
  private YamlParser() {}

  static List<YamlNode> documents(Path path, YamlFile file) throws ConfigException {
    String text = read(path, file);
    List<YamlNode> documents = new ArrayList<>();
    try {
      for (Node node : new Yaml(new LoaderOptions()).composeAll(new StringReader(text))) {
        YamlNode document = new YamlNode(node, "", file);
        if (node != null && !document.isNull()) {
          documents.add(document);
        }
      }
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      int line = mark == null ? 1 : mark.getLine() + 1;
      int column = mark == null ? 1 : mark.getColumn() + 1;
      String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
      throw new ConfigException(file.name(), line, column, "", "malformed YAML: " + problem);
    } catch (YAMLException e) {
      throw new ConfigException(file.name(), 1, 1, "", "malformed YAML: " + e.getMessage());
    }
    if (documents.isEmpty()) {
      throw new ConfigException(file.name(), 1, 1, "", "the file is empty");
    }
    return documents;
  }

  private static String read(Path path, YamlFile file) throws ConfigException {
    try {
      byte[] bytes = Files.readAllBytes(path);
      String text =
          StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (NoSuchFileException e) {
      throw new ConfigException(file.name(), 1, 1, "", "file not found");
    } catch (CharacterCodingException e) {
      throw new ConfigException(file.name(), 1, 1, "", "the file is not UTF-8 text");
    } catch (IOException e) {
      throw new ConfigException(file.name(), 1, 1, "", "cannot read the file: " + e);
    }
  }
}
