package dev.awsinventory.config;

import java.util.List;

/**
 * One key of one block of a config file, declared once: its name, value type, default, whether
 * it is used, accepted and ignored, or rejected, and a one-line description. Readers check every
 * block against its declarations ({@link ConfigBlock#check}) and the README's option table is
 * generated from them ({@link ConfigDocs}).
 *
 * @param values the allowed values of an {@link Type#ENUM} key, else empty
 */
public record ConfigKey(String name, Type type, List<String> values, String defaultValue, Use use,
    String description) {

  /** The value types a key may have. */
  public enum Type {
    STRING("string"), BOOLEAN("boolean"), INTEGER("integer"), STRINGS("list of strings"),
    LIST("list"), MAP("map"), ENUM("one of");

    private final String label;

    Type(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** What the tool does with a key. */
  public enum Use {
    /** Read and acted on. */
    USED("used"),
    /** Type-checked, then ignored: it means something to CloudQuery but not here. */
    IGNORED("accepted, ignored"),
    /** An error naming the key. */
    REJECTED("rejected");

    private final String label;

    Use(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  static ConfigKey used(String name, Type type, String defaultValue, String description) {
    return new ConfigKey(name, type, List.of(), defaultValue, Use.USED, description);
  }

  static ConfigKey ignored(String name, Type type, String description) {
    return new ConfigKey(name, type, List.of(), "", Use.IGNORED, description);
  }

  static ConfigKey choice(String name, Use use, String defaultValue, String description,
      String... values) {
    return new ConfigKey(name, Type.ENUM, List.of(values), defaultValue, use, description);
  }

  /** The type as the docs show it: {@code one of a, b}. */
  public String typeLabel() {
    return type == Type.ENUM ? "one of " + String.join(", ", values) : type.label();
  }

  /** Checks the value's type (and an enum's value); fails at the value. */
  void check(YamlMap block, YamlNode value) throws ConfigException {
    if (use == Use.REJECTED) {
      throw block.keyNode(name).error(name + " is not supported: " + description);
    }
    switch (type) {
      case STRING -> value.string();
      case BOOLEAN -> value.bool();
      case INTEGER -> value.integer(0);
      case STRINGS -> value.stringList();
      case LIST -> value.list();
      case MAP -> value.map();
      case ENUM -> {
        String v = value.string().trim();
        if (!values.contains(v)) {
          throw value.error("unknown " + name + " '" + v + "'; expected " + alternatives());
        }
      }
      default -> throw new IllegalStateException(type.name());
    }
  }

  private String alternatives() {
    if (values.size() == 1) {
      return values.get(0);
    }
    return String.join(", ", values.subList(0, values.size() - 1)) + " or " + values.get(values.size() - 1);
  }
}
