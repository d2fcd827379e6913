package dev.awsinventory.config;

import org.yaml.snakeyaml.error.Mark;

/** The file being read: its name as given, and its text after placeholder expansion. */
record YamlFile(String name, Placeholders text) {
  /** 1-based line and column in the original file of a parser mark. */
  int[] position(Mark mark) {
    return mark == null ? new int[] {1, 1} : text.originalPosition(mark.getLine(), mark.getColumn());
  }

  /** A located error whose message holds no inserted variable or file content. */
  ConfigException error(Mark mark, String key, String problem) {
    int[] at = position(mark);
    return new ConfigException(name, at[0], at[1], key, text.redact(problem));
  }
}
