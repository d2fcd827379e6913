package dev.awsinventory.config;

import java.io.Serializable;
import java.util.Objects;

/** A config value together with where it was written. */
public final class Located<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final T value;
  private final String file;
  private final int line;
  private final int column;
  private final String key;

  public Located(T value, String file, int line, int column, String key) {
    this.value = value;
    this.file = file;
    this.line = line;
    this.column = column;
    this.key = key;
  }

  public T value() {
    return value;
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  public String key() {
    return key;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Located<?> other
        && Objects.equals(value, other.value)
        && Objects.equals(file, other.file)
        && line == other.line
        && column == other.column
        && Objects.equals(key, other.key);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value, file, line, column, key);
  }

  @Override
  public String toString() {
    return value + " (" + file + ":" + line + ":" + column + " " + key + ")";
  }
}
