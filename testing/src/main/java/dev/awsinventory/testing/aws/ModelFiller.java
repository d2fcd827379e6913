package dev.awsinventory.testing.aws;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Builds SDK model objects with every field set to a deterministic value derived from a seed and
 * the field's path: strings carry the seed (so ids differ between seeds), enums get a valid value,
 * lists get two members, nested objects are filled down to {@value #MAX_DEPTH} levels (a type
 * already being filled is left unset).
 */
public final class ModelFiller {

  static final int MAX_DEPTH = 5;
  private static final int LIST_SIZE = 2;
  private static final Map<String, Optional<Class<?>>> ENUM_TYPES = new ConcurrentHashMap<>();

  private final long seed;
  private final Deque<Class<?>> filling = new ArrayDeque<>();

  private ModelFiller(long seed) {
    this.seed = seed;
  }

  /** A fully populated instance of an SDK model class such as {@code Instance.class}. */
  public static <T> T filled(Class<T> modelClass, long seed) {
    return modelClass.cast(new ModelFiller(seed).fill(builderOf(modelClass), modelClass, "", 0));
  }

  /**
   * A copy of a model object with one member (by its SDK member name, e.g. "InstanceId") replaced.
   */
  public static <T> T withField(T model, String memberName, Object value) {
    SdkPojo builder;
    try {
      builder = (SdkPojo) model.getClass().getMethod("toBuilder").invoke(model);
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalArgumentException("not an SDK model object: " + model, e);
    }
    SdkField<?> field =
        builder.sdkFields().stream()
            .filter(f -> f.memberName().equals(memberName))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        model.getClass().getSimpleName() + " has no member " + memberName));
    field.set(builder, plain(value));
    @SuppressWarnings("unchecked")
    T copy = (T) ((SdkBuilder<?, ?>) builder).build();
    return copy;
  }

  private Object fill(SdkPojo builder, Class<?> model, String path, int depth) {
    filling.push(model);
    for (SdkField<?> field : builder.sdkFields()) {
      Object value =
          value(field, model, field.memberName(), path + "/" + field.memberName(), depth);
      if (value != null) {
        field.set(builder, value);
      }
    }
    filling.pop();
    return ((SdkBuilder<?, ?>) builder).build();
  }

  private Object value(SdkField<?> field, Class<?> owner, String member, String path, int depth) {
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.SDK_POJO) {
      SdkPojo nested = field.constructor().get();
      Class<?> nestedModel = modelOf(nested);
      if (depth >= MAX_DEPTH || filling.contains(nestedModel)) {
        return null;
      }
      return fill(nested, nestedModel, path, depth + 1);
    }
    if (type == MarshallingType.LIST) {
      SdkField<?> memberField = field.getTrait(ListTrait.class).memberFieldInfo();
      List<Object> list = new ArrayList<>();
      for (int i = 0; i < LIST_SIZE; i++) {
        Object element = value(memberField, owner, member + "[]", path + "." + i, depth);
        if (element != null) {
          list.add(element);
        }
      }
      return list.isEmpty() ? null : list;
    }
    if (type == MarshallingType.MAP) {
      SdkField<?> valueField = field.getTrait(MapTrait.class).valueFieldInfo();
      Map<String, Object> map = new LinkedHashMap<>();
      for (int i = 0; i < LIST_SIZE; i++) {
        Object element = value(valueField, owner, member + "{}", path + "." + i, depth);
        if (element != null) {
          map.put("key-" + seed + "-" + i, element);
        }
      }
      return map.isEmpty() ? null : map;
    }
    return scalar(type, owner, member, path);
  }

  private Object scalar(MarshallingType<?> type, Class<?> owner, String member, String path) {
    SplittableRandom random = new SplittableRandom(seed * 1_000_003L + path.hashCode());
    if (type == MarshallingType.STRING) {
      Class<?> enumType = enumType(owner, member);
      return enumType != null ? enumValue(enumType, random) : text(member, path);
    }
    if (type == MarshallingType.INTEGER) {
      return random.nextInt(1, 100_000);
    }
    if (type == MarshallingType.LONG) {
      return random.nextLong(1, 10_000_000_000L);
    }
    if (type == MarshallingType.SHORT) {
      return (short) random.nextInt(1, 10_000);
    }
    if (type == MarshallingType.BYTE) {
      return (byte) random.nextInt(1, 100);
    }
    if (type == MarshallingType.BOOLEAN) {
      return random.nextBoolean();
    }
    if (type == MarshallingType.DOUBLE) {
      return random.nextInt(1, 10_000_000) / 100.0;
    }
    if (type == MarshallingType.FLOAT) {
      return random.nextInt(1, 100_000) / 4.0f;
    }
    if (type == MarshallingType.BIG_DECIMAL) {
      return BigDecimal.valueOf(random.nextInt(1, 10_000_000), 2);
    }
    if (type == MarshallingType.INSTANT) {
      return Instant.ofEpochMilli(1_500_000_000_000L + random.nextLong(0, 300_000_000_000L));
    }
    if (type == MarshallingType.SDK_BYTES) {
      return SdkBytes.fromString(text(member, path), StandardCharsets.UTF_8);
    }
    return null;
  }

  private String text(String member, String path) {
    String name = member.replace("[]", "").replace("{}", "");
    StringBuilder sb = new StringBuilder(name.toLowerCase(Locale.ROOT)).append('-').append(seed);
    for (String part : path.split("/", -1)) {
      int dot = part.indexOf('.');
      if (dot >= 0) {
        sb.append('-').append(part.substring(dot + 1).replace('.', '-'));
      }
    }
    return sb.toString();
  }

  private static Object enumValue(Class<?> enumType, SplittableRandom random) {
    List<?> values =
        Arrays.stream(enumType.getEnumConstants())
            .filter(e -> !((Enum<?>) e).name().equals("UNKNOWN_TO_SDK_VERSION"))
            .toList();
    return values.isEmpty() ? null : values.get(random.nextInt(values.size())).toString();
  }

  /**
   * The enum type behind a string member, found through the model's {@code xAsString()} (or, for
   * lists, {@code xAsStrings()}) accessor next to {@code x()}, which returns the enum.
   */
  private static Class<?> enumType(Class<?> owner, String member) {
    return ENUM_TYPES
        .computeIfAbsent(
            owner.getName() + "#" + member, k -> Optional.ofNullable(findEnumType(owner, member)))
        .orElse(null);
  }

  private static Class<?> findEnumType(Class<?> owner, String member) {
    boolean inList = member.endsWith("[]");
    String name = member.replace("[]", "").replace("{}", "");
    if (member.endsWith("{}")) {
      return null;
    }
    String suffix = inList ? "AsStrings" : "AsString";
    for (Method m : owner.getMethods()) {
      if (m.getParameterCount() == 0 && m.getName().equalsIgnoreCase(name + suffix)) {
        String getter = m.getName().substring(0, m.getName().length() - suffix.length());
        try {
          Method enumGetter = owner.getMethod(getter);
          if (!inList) {
            return enumGetter.getReturnType().isEnum() ? enumGetter.getReturnType() : null;
          }
          if (enumGetter.getGenericReturnType() instanceof ParameterizedType p
              && p.getActualTypeArguments()[0] instanceof Class<?> c
              && c.isEnum()) {
            return c;
          }
        } catch (NoSuchMethodException e) {
          return null;
        }
      }
    }
    return null;
  }

  private static Class<?> modelOf(SdkPojo builder) {
    Class<?> enclosing = builder.getClass().getEnclosingClass();
    return enclosing != null ? enclosing : ((SdkBuilder<?, ?>) builder).build().getClass();
  }

  private static SdkPojo builderOf(Class<?> modelClass) {
    try {
      return (SdkPojo) modelClass.getMethod("builder").invoke(null);
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalArgumentException("not an SDK model class: " + modelClass, e);
    }
  }

  private static Object plain(Object value) {
    if (value instanceof Enum<?> e) {
      return e.toString();
    }
    if (value instanceof List<?> list) {
      return list.stream().map(ModelFiller::plain).toList();
    }
    return value;
  }
}
