package dev.awsinventory.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The demo's hint to run it again, outside the jar: here the JVM's class path is the test runner's
 * (as it is Maven's under {@code mvn exec:java}), not a jar holding this code, so the hint is the
 * README's path; {@code DemoJarTest} checks the jar's own absolute path.
 */
class DemoCommandTest {
  @Test
  void outsideTheJarTheHintIsTheReadmesPath() {
    assertThat(System.getProperty("java.class.path")).doesNotEndWith("aws-inventory.jar");
    assertThat(Demo.jarCommand()).isEqualTo("java -jar runners/target/aws-inventory.jar");
  }
}
