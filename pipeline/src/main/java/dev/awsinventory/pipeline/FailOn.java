package dev.awsinventory.pipeline;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The values of {@code --fail-on}: which outcome of a run gives a non-zero exit. The option is of
 * this type, so Beam's options parser reads it through {@link #parse} and refuses a misspelt value
 * before anything runs.
 */
public enum FailOn {
  /** Failed slices give exit 2, fatal errors exit 1 (the default). */
  PARTIAL,
  /** Only fatal errors give a non-zero exit; partial results exit 0. */
  FATAL;

  /** The value as written on the command line: {@code partial} or {@code fatal}. */
  @JsonValue
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The value {@code text} names, in any case.
   *
   * @throws IllegalArgumentException {@code --fail-on=<text>: expected partial or fatal}, for any
   *     other text
   */
  @JsonCreator
  public static FailOn parse(String text) {
    for (FailOn f : values()) {
      if (f.name().equalsIgnoreCase(text)) {
        return f;
      }
    }
    throw OptionChecks.bad("failOn", text, "expected partial or fatal");
  }
}
