package dev.awsinventory.testing.aws;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * Serialises SDK model objects to the JSON the awsJson1_1 unmarshaller reads: one member per set
 * field, named by the field's location name; timestamps as epoch seconds (the protocol's default).
 */
final class JsonWriter {

  private final StringBuilder out = new StringBuilder(1024);

  private JsonWriter() {}

  static String write(SdkPojo pojo) {
    JsonWriter w = new JsonWriter();
    w.object(pojo);
    return w.out.toString();
  }

  /** The awsJson error body: {@code {"__type": code, "message": text}}. */
  static String error(String code, String message) {
    return "{\"__type\":" + quote(code) + ",\"message\":" + quote(message) + "}";
  }

  private void object(SdkPojo pojo) {
    out.append('{');
    boolean first = true;
    for (SdkField<?> field : pojo.sdkFields()) {
      Object value = field.getValueOrDefault(pojo);
      if (value == null
          || value instanceof SdkAutoConstructList
          || value instanceof SdkAutoConstructMap) {
        continue;
      }
      if (!first) {
        out.append(',');
      }
      first = false;
      out.append(quote(field.unmarshallLocationName())).append(':');
      value(field, value);
    }
    out.append('}');
  }

  private void value(SdkField<?> field, Object value) {
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.LIST) {
      SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
      out.append('[');
      List<?> values = (List<?>) value;
      for (int i = 0; i < values.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        value(member, values.get(i));
      }
      out.append(']');
    } else if (type == MarshallingType.MAP) {
      SdkField<?> member = field.getTrait(MapTrait.class).valueFieldInfo();
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        out.append(quote(String.valueOf(e.getKey()))).append(':');
        value(member, e.getValue());
      }
      out.append('}');
    } else if (type == MarshallingType.SDK_POJO) {
      object((SdkPojo) value);
    } else if (value instanceof Instant instant) {
      out.append(BigDecimal.valueOf(instant.toEpochMilli(), 3).toPlainString());
    } else if (value instanceof SdkBytes bytes) {
      out.append(quote(Base64.getEncoder().encodeToString(bytes.asByteArray())));
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else {
      out.append(quote(String.valueOf(value)));
    }
  }

  static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
