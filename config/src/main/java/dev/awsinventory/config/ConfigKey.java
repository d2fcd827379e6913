package dev.awsinventory.config;

import java.util.List;

/**
 * One key of one block of a config file, declared once: its name, value type, default, whether it
 * is used, accepted and ignored, or rejected, and a one-line description. Readers check every block
 * against its declarations ({@link ConfigBlock#check}) and the README's option table is generated
 * from them ({@link ConfigDocs}). Readers take values through the declarations ({@code
 * YamlMap.text}, {@code number} and {@code flag} return a present value or the declared default),
 * so a default is written only here.
 *
 * @param values the allowed values of an {@link Type#ENUM} key, else empty
 * @param defaultValue the default as the docs show it: a value of the key's type that readers take
 *     when the key is absent, empty for none, or (when {@code derived}) a description of how the
 *     reader works the default out
 * @param derived whether {@code defaultValue} describes a default worked out by the reader rather
 *     than a value
 */
public record ConfigKey(
    String name,
    Type type,
    List<String> values,
    String defaultValue,
    Use use,
    String description,
    boolean derived) {

  /** The value types a key may have. */
  public enum Type {
    STRING("string"),
    BOOLEAN("boolean"),
    INTEGER("integer"),
    STRINGS("list of strings"),
    LIST("list"),
    MAP("map"),
    ENUM("one of");

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

  /** A used key whose default (empty for none) is a value readers take when it is absent. */
  static ConfigKey used(String name, Type type, String defaultValue, String description) {
    return new ConfigKey(name, type, List.of(), defaultValue, Use.USED, description, false);
  }

  /** A used key whose default the reader works out, as {@code defaultText} describes. */
  static ConfigKey derived(String name, Type type, String defaultText, String description) {
    return new ConfigKey(name, type, List.of(), defaultText, Use.USED, description, true);
  }

  static ConfigKey ignored(String name, Type type, String description) {
    return new ConfigKey(name, type, List.of(), "", Use.IGNORED, description, false);
  }

  static ConfigKey choice(
      String name, Use use, String defaultValue, String description, String... values) {
    return new ConfigKey(name, Type.ENUM, List.of(values), defaultValue, use, description, false);
  }

  /**
   * The value readers take when the key is absent: the declared default, or null when the key
   * declares none or its default is {@link #derived}.
   */
  String fixedDefault() {
    return derived || defaultValue.isEmpty() ? null : defaultValue;
  }

  /** The declared default of an {@link Type#INTEGER} key; a defect when it declares none. */
  int intDefault() {
    return Integer.parseInt(requiredDefault(Type.INTEGER));
  }

  /** The declared default of a {@link Type#BOOLEAN} key; a defect when it declares none. */
  boolean boolDefault() {
    return Boolean.parseBoolean(requiredDefault(Type.BOOLEAN));
  }

  private String requiredDefault(Type expected) {
    if (type != expected || fixedDefault() == null) {
      throw new IllegalStateException(name + " declares no " + expected.label() + " default");
    }
    return defaultValue;
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
      case INTEGER -> value.integer(Integer.MIN_VALUE); // each reader checks its own minimum
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
    return String.join(", ", values.subList(0, values.size() - 1))
        + " or "
        + values.get(values.size() - 1);
  }
}
