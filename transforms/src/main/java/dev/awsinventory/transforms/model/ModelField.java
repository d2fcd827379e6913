package dev.awsinventory.transforms.model;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;

/**
 * One top-level field of an SDK model class as a column: CloudQuery's rules, read from the model's
 * own field metadata (name in snake_case, scalars typed, lists of strings as text[], {@code Tags}
 * as a JSON object, everything else nested as jsonb).
 */
public final class ModelField {
  private static final Map<Class<?>, List<ModelField>> CACHE = new ConcurrentHashMap<>();

  private final SdkField<?> field;
  private final Column column;
  private final boolean tags;

  private ModelField(SdkField<?> field, Column column, boolean tags) {
    this.field = field;
    this.column = column;
    this.tags = tags;
  }

  public static List<ModelField> of(Class<? extends SdkPojo> model) {
    return CACHE.computeIfAbsent(model, ModelField::read);
  }

  public Column column() {
    return column;
  }

  public String memberName() {
    return field.memberName();
  }

  /** The field's value of {@code item}, encoded as PostgreSQL text input for the column type. */
  public String value(Object item) {
    Object v = field.getValueOrDefault(item);
    if (tags) {
      return Json.tags((List<?>) v);
    }
    return encode(column.type(), v);
  }

  /** Encodes a Java value as PostgreSQL text input for a column of the given type. */
  public static String encode(ColumnType type, Object v) {
    if (v == null) {
      return null;
    }
    return switch (type) {
      case TEXT ->
          v instanceof SdkBytes b
              ? Base64.getEncoder().encodeToString(b.asByteArray())
              : Text.storable(v.toString());
      case TEXT_ARRAY -> textArray((List<?>) v);
      case JSONB -> Json.of(v);
      default -> v.toString();
    };
  }

  private static List<ModelField> read(Class<?> model) {
    List<ModelField> out = new ArrayList<>();
    for (SdkField<?> f : fieldsOf(model)) {
      boolean tags =
          f.memberName().equals("Tags")
              && f.marshallingType() == MarshallingType.LIST
              && Json.isTagShape(f.getTrait(ListTrait.class).memberFieldInfo());
      ColumnType type = tags ? ColumnType.JSONB : typeOf(f);
      out.add(new ModelField(f, new Column(Names.snake(f.memberName()), type), tags));
    }
    return List.copyOf(out);
  }

  static List<SdkField<?>> fieldsOf(Class<?> model) {
    try {
      Object builder = model.getMethod("builder").invoke(null);
      return ((SdkPojo) builder).sdkFields();
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException(model.getName() + " is not an SDK model class", e);
    }
  }

  private static ColumnType typeOf(SdkField<?> f) {
    MarshallingType<?> t = f.marshallingType();
    if (t == MarshallingType.STRING || t == MarshallingType.SDK_BYTES) {
      return ColumnType.TEXT;
    }
    if (t == MarshallingType.INTEGER
        || t == MarshallingType.LONG
        || t == MarshallingType.SHORT
        || t == MarshallingType.BYTE) {
      return ColumnType.BIGINT;
    }
    if (t == MarshallingType.DOUBLE
        || t == MarshallingType.FLOAT
        || t == MarshallingType.BIG_DECIMAL) {
      return ColumnType.DOUBLE;
    }
    if (t == MarshallingType.BOOLEAN) {
      return ColumnType.BOOLEAN;
    }
    if (t == MarshallingType.INSTANT) {
      return ColumnType.TIMESTAMPTZ;
    }
    if (t == MarshallingType.LIST) {
      SdkField<?> member = f.getTrait(ListTrait.class).memberFieldInfo();
      if (member != null && member.marshallingType() == MarshallingType.STRING) {
        return ColumnType.TEXT_ARRAY;
      }
    }
    return ColumnType.JSONB;
  }

  private static String textArray(List<?> list) {
    StringBuilder out = new StringBuilder(2 + list.size() * 16).append('{');
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      Object e = list.get(i);
      if (e == null) {
        out.append("NULL");
        continue;
      }
      out.append('"');
      String s = Text.storable(e.toString());
      for (int j = 0; j < s.length(); j++) {
        char c = s.charAt(j);
        if (c == '"' || c == '\\') {
          out.append('\\');
        }
        out.append(c);
      }
      out.append('"');
    }
    return out.append('}').toString();
  }
}
