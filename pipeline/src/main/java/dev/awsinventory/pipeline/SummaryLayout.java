package dev.awsinventory.pipeline;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.PrettyPrinter;
import java.io.IOException;

/**
 * The summary file's published layout, as a Jackson pretty printer: one top-level field per line
 * indented by two spaces, {@code "name": value}, nested objects on one line, and the objects of a
 * top-level array (the failed slices) one per line; empty containers are {@code {}} and {@code []}.
 */
final class SummaryLayout implements PrettyPrinter {
  @Override
  public void writeRootValueSeparator(JsonGenerator g) throws IOException {
    g.writeRaw('\n');
  }

  @Override
  public void writeStartObject(JsonGenerator g) throws IOException {
    g.writeRaw('{');
  }

  @Override
  public void beforeObjectEntries(JsonGenerator g) throws IOException {
    if (depth(g) == 1) {
      g.writeRaw("\n  ");
    }
  }

  @Override
  public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
    g.writeRaw(": ");
  }

  @Override
  public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
    g.writeRaw(depth(g) == 1 ? ",\n  " : ", ");
  }

  @Override
  public void writeEndObject(JsonGenerator g, int entries) throws IOException {
    g.writeRaw(depth(g) == 1 && entries > 0 ? "\n}" : "}");
  }

  @Override
  public void writeStartArray(JsonGenerator g) throws IOException {
    g.writeRaw('[');
  }

  @Override
  public void beforeArrayValues(JsonGenerator g) throws IOException {
    if (depth(g) == 2) {
      g.writeRaw("\n    ");
    }
  }

  @Override
  public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
    g.writeRaw(depth(g) == 2 ? ",\n    " : ", ");
  }

  @Override
  public void writeEndArray(JsonGenerator g, int values) throws IOException {
    g.writeRaw(depth(g) == 2 && values > 0 ? "\n  ]" : "]");
  }

  /** 1 for the top-level object, 2 for a container in it, and so on. */
  private static int depth(JsonGenerator g) {
    int depth = 0;
    for (JsonStreamContext c = g.getOutputContext(); c != null && !c.inRoot(); c = c.getParent()) {
      depth++;
    }
    return depth;
  }
}
