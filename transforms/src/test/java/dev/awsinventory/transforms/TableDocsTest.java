package dev.awsinventory.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsinventory.transforms.tables.TableDocs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The committed table reference must be what the registry generates. */
class TableDocsTest {
  private static final Path DOCS = Path.of("../docs/tables.md");

  @Test
  void committedDocsMatchTheRegistry() throws Exception {
    String generated = TableDocs.markdown();
    if (Boolean.getBoolean("updateDocs")) {
      Files.createDirectories(DOCS.getParent());
      Files.writeString(DOCS, generated, StandardCharsets.UTF_8);
    }
    assertThat(Files.exists(DOCS)).as("docs/tables.md exists").isTrue();
    assertThat(Files.readString(DOCS, StandardCharsets.UTF_8))
        .as("docs/tables.md is out of date: regenerate it with "
            + "mvn -B -pl transforms -am test -Dtest=TableDocsTest -Dsurefire.failIfNoSpecifiedTests=false -DupdateDocs=true")
        .isEqualTo(generated);
  }
}
