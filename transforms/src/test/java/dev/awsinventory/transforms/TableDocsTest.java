package dev.awsinventory.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awsinventory.transforms.model.Table;
import dev.awsinventory.transforms.tables.TableDocs;
import dev.awsinventory.transforms.tables.TableRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed table reference and the README's table list must be what the registry generates.
 */
class TableDocsTest {
  private static final Path DOCS = Path.of("../docs/tables.md");
  private static final Path README = Path.of("../README.md");

  @Test
  void committedDocsMatchTheRegistry() throws Exception {
    String generated = TableDocs.markdown();
    if (Boolean.getBoolean("updateDocs")) {
      Files.createDirectories(DOCS.getParent());
      Files.writeString(DOCS, generated, StandardCharsets.UTF_8);
    }
    assertThat(Files.exists(DOCS)).as("docs/tables.md exists").isTrue();
    assertThat(Files.readString(DOCS, StandardCharsets.UTF_8))
        .as(
            "docs/tables.md is out of date: regenerate it with "
                + "mvn -B -pl transforms -am test -Dtest=TableDocsTest -Dsurefire.failIfNoSpecifiedTests=false -DupdateDocs=true")
        .isEqualTo(generated);
  }

  @Test
  void committedReadmeTableListMatchesTheRegistry() throws Exception {
    String committed = Files.readString(README, StandardCharsets.UTF_8);
    String generated = TableDocs.withReadmeList(committed);
    if (Boolean.getBoolean("updateDocs")) {
      Files.writeString(README, generated, StandardCharsets.UTF_8);
      committed = generated;
    }
    assertThat(committed)
        .as(
            "the table list in README.md is out of date: regenerate it with "
                + "mvn -B -pl transforms -am test -Dtest=TableDocsTest -Dsurefire.failIfNoSpecifiedTests=false -DupdateDocs=true")
        .isEqualTo(generated);
    assertThat(committed).contains(TableDocs.readmeList());
  }

  @Test
  void theReadmeListHasEveryTableInRegistryOrder() {
    String list = TableDocs.readmeList();
    assertThat(list.lines().skip(2).map(l -> l.substring(3, l.indexOf('`', 3))).toList())
        .isEqualTo(TableRegistry.all().stream().map(Table::name).toList());
    assertThat(list)
        .contains(
            "| `aws_ec2_instances` | DescribeInstances | EC2 instances. |\n",
            "| `aws_ec2_ebs_snapshot_attributes` | DescribeSnapshotAttribute, per `aws_ec2_ebs_snapshots` resource | ",
            "| `aws_ec2_account_attributes` | DescribeAccountAttributes, once per account | ");
    assertThatThrownBy(() -> TableDocs.withReadmeList("# no markers\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(TableDocs.README_BEGIN);
  }
}
