package dev.awsinventory.transforms.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The page budget alone: what a slice is let in with, who waits, and who gives it back when. */
class PageBudgetTest {
  private static final String VPCS = "DescribeVpcs";

  /** A step that may wait. */
  private interface Waiting {
    void run() throws InterruptedException;
  }

  /** Runs {@code step} on another thread. */
  private static CompletableFuture<Void> inBackground(Waiting step) {
    return CompletableFuture.runAsync(
        () -> {
          try {
            step.run();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  @Test
  void aSliceIsLetInWithItsActionsLongestPageSoFar() throws Exception {
    PageBudget budget = new PageBudget(100 << 10);
    CallStats a = new CallStats();
    CallStats b = new CallStats();
    CallStats c = new CallStats();

    budget.admit(a, VPCS);
    assertThat(budget.availableKib()).as("8 MiB before any page: the whole budget").isZero();
    budget.arrived(a, VPCS, 30 << 10);
    a.releasePage();
    assertThat(budget.availableKib()).isEqualTo(100);

    budget.admit(b, VPCS);
    budget.admit(c, VPCS);
    assertThat(budget.availableKib()).isEqualTo(40);
    budget.arrived(b, VPCS, 20 << 10);
    assertThat(budget.availableKib()).as("a shorter page: what was taken is held").isEqualTo(40);
    b.releasePage();
    c.releasePage();
    c.releasePage();
    assertThat(budget.availableKib()).isEqualTo(100);
  }

  @Test
  void aLongerPageTakesTheDifferenceIfFreeElseWaitsHoldingNothing() throws Exception {
    PageBudget budget = new PageBudget(10 << 10);
    CallStats a = new CallStats();
    CallStats b = new CallStats();
    CallStats c = new CallStats();
    budget.admit(a, VPCS);
    budget.arrived(a, VPCS, 2 << 10);
    a.releasePage();

    budget.admit(b, VPCS);
    budget.admit(c, VPCS);
    assertThat(budget.availableKib()).isEqualTo(6);
    budget.arrived(c, VPCS, 5 << 10);
    assertThat(budget.availableKib()).as("3 KiB more are free").isEqualTo(3);
    budget.admit(c, VPCS);
    assertThat(budget.availableKib()).as("a slice let in is not let in again").isEqualTo(3);

    CompletableFuture<Void> longer = inBackground(() -> budget.arrived(b, VPCS, 9 << 10));
    Thread.sleep(200);
    assertThat(longer).as("7 KiB more are not free: it waits").isNotDone();
    assertThat(budget.availableKib()).as("holding nothing").isEqualTo(5);

    c.releasePage();
    longer.get(10, TimeUnit.SECONDS);
    assertThat(budget.availableKib()).isEqualTo(1);
    b.releasePage();
    assertThat(budget.availableKib()).isEqualTo(10);
  }

  @Test
  void aPageOfUnknownLengthChangesNothing() throws Exception {
    PageBudget budget = new PageBudget(64L << 20);
    CallStats a = new CallStats();
    budget.admit(a, VPCS);
    budget.arrived(a, VPCS, -1);
    assertThat(budget.availableKib()).isEqualTo((64 - 8) << 10);
    a.releasePage();
    budget.admit(a, VPCS);
    assertThat(budget.availableKib()).as("still the first guess").isEqualTo((64 - 8) << 10);
  }

  @Test
  void aSliceWaitsUntilAnotherSliceEnds() throws Exception {
    PageBudget budget = new PageBudget(10 << 10);
    CallStats a = new CallStats();
    CallStats b = new CallStats();
    budget.admit(a, VPCS);

    CompletableFuture<Void> second = inBackground(() -> budget.admit(b, VPCS));
    Thread.sleep(200);
    assertThat(second).isNotDone();

    a.releasePage();
    second.get(10, TimeUnit.SECONDS);
    assertThat(budget.availableKib()).isZero();
    b.releasePage();
    assertThat(budget.availableKib()).isEqualTo(10);
  }
}
