package dev.awsinventory.transforms.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * JSON text of SDK model values, written with Jackson's generator: objects keyed by the SDK member
 * names, null members left out, no whitespace. Instants are ISO 8601 strings, bytes Base64 strings,
 * non-finite numbers strings; NUL in any string or key becomes U+FFFD ({@link Text#storable}),
 * since PostgreSQL's jsonb cannot hold {@code \u0000}.
 */
public final class Json {
  private static final JsonFactory FACTORY = new JsonFactory();

  private Json() {}

  /** The JSON text of an SDK object, list, map or scalar; {@code null} gives {@code "null"}. */
  public static String of(Object value) {
    return write(g -> value(g, value));
  }

  /**
   * A list of Key/Value tag objects as one JSON object {@code {"Key": "Value"}}; empty when null.
   */
  public static String tags(List<?> tags) {
    return write(
        g -> {
          g.writeStartObject();
          if (tags != null) {
            for (Object tag : tags) {
              SdkPojo pojo = (SdkPojo) tag;
              Object key = member(pojo, "Key");
              if (key != null) {
                g.writeFieldName(Text.storable(key.toString()));
                value(g, member(pojo, "Value"));
              }
            }
          }
          g.writeEndObject();
        });
  }

  /** Whether a list's members are Key/Value tag objects. */
  public static boolean isTagShape(SdkField<?> memberField) {
    if (memberField == null || memberField.constructor() == null) {
      return false;
    }
    List<SdkField<?>> fields = memberField.constructor().get().sdkFields();
    return fields.stream().anyMatch(f -> f.memberName().equals("Key"))
        && fields.stream().anyMatch(f -> f.memberName().equals("Value"));
  }

  private interface Writing {
    void to(JsonGenerator g) throws IOException;
  }

  private static String write(Writing writing) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      writing.to(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }

  private static Object member(SdkPojo pojo, String name) {
    for (SdkField<?> f : pojo.sdkFields()) {
      if (f.memberName().equals(name)) {
        return f.getValueOrDefault(pojo);
      }
    }
    return null;
  }

  private static void value(JsonGenerator g, Object value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else if (value instanceof SdkPojo pojo) {
      g.writeStartObject();
      for (SdkField<?> f : pojo.sdkFields()) {
        Object v = f.getValueOrDefault(pojo);
        if (v != null) {
          g.writeFieldName(f.memberName());
          value(g, v);
        }
      }
      g.writeEndObject();
    } else if (value instanceof List<?> list) {
      g.writeStartArray();
      for (Object item : list) {
        value(g, item);
      }
      g.writeEndArray();
    } else if (value instanceof Map<?, ?> map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        g.writeFieldName(Text.storable(String.valueOf(e.getKey())));
        value(g, e.getValue());
      }
      g.writeEndObject();
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      g.writeNumber(((Number) value).intValue());
    } else if (value instanceof Long l) {
      g.writeNumber(l);
    } else if (value instanceof Number n) {
      number(g, n);
    } else if (value instanceof Instant instant) {
      g.writeString(instant.toString());
    } else if (value instanceof SdkBytes bytes) {
      g.writeString(Base64.getEncoder().encodeToString(bytes.asByteArray()));
    } else {
      g.writeString(Text.storable(value.toString()));
    }
  }

  private static void number(JsonGenerator g, Number n) throws IOException {
    if (!Double.isFinite(n.doubleValue())
        && !(n instanceof BigDecimal)
        && !(n instanceof BigInteger)) {
      g.writeString(n.toString());
    } else if (n instanceof Double d) {
      g.writeNumber(d);
    } else if (n instanceof Float f) {
      g.writeNumber(f);
    } else if (n instanceof BigDecimal d) {
      g.writeNumber(d);
    } else if (n instanceof BigInteger i) {
      g.writeNumber(i);
    } else {
      g.writeNumber(n.toString());
    }
  }
}
