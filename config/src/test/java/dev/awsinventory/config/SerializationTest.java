package dev.awsinventory.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SerializationTest {
  @Test
  void configSurvivesJavaSerialization() throws Exception {
    InventoryConfig config =
        ConfigLoader.load(Path.of("examples/all-options.yml"), Map.of("PGPASSWORD", "pw"));

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(config);
    }
    InventoryConfig copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (InventoryConfig) in.readObject();
    }

    assertThat(copy.toString()).isEqualTo(config.toString());
    assertThat(copy.accounts()).isEqualTo(config.accounts());
    assertThat(copy.tables()).isEqualTo(config.tables());
    assertThat(copy.database()).isEqualTo(config.database());
  }
}
