package dev.awsinventory.transforms.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The page budget alone: what a page counts as, who waits, and who gives it back when. */
class PageBudgetTest {
  @Test
  void aPageCountsItsLengthAndALongOneTheWholeBudget() throws Exception {
    PageBudget budget = new PageBudget(100 << 10);
    CallStats a = new CallStats();
    CallStats b = new CallStats();

    budget.take(a, 30 << 10);
    assertThat(budget.availableKib()).isEqualTo(70);
    budget.take(b, 1);
    assertThat(budget.availableKib()).as("at least 1 KiB").isEqualTo(69);
    b.releasePage();
    a.releasePage();
    assertThat(budget.availableKib()).isEqualTo(100);
    budget.take(b, 500 << 10);
    assertThat(budget.availableKib()).as("longer than the budget: the whole budget").isZero();
    b.releasePage();
    assertThat(budget.availableKib()).isEqualTo(100);
  }

  @Test
  void aPageOfUnknownLengthCountsAsEightMib() throws Exception {
    PageBudget budget = new PageBudget(64L << 20);
    CallStats a = new CallStats();
    budget.take(a, -1);
    assertThat(budget.availableKib()).isEqualTo((64 - 8) << 10);
    a.releasePage();
    assertThat(budget.availableKib()).isEqualTo(64 << 10);
  }

  @Test
  void aSliceLetInHoldsItsLargestPageAndNeverWaitsForItsLaterOnes() throws Exception {
    PageBudget budget = new PageBudget(10 << 10);
    CallStats a = new CallStats();
    CallStats b = new CallStats();
    budget.take(a, 4 << 10);
    assertThat(budget.availableKib()).isEqualTo(6);
    budget.take(a, 8 << 10);
    assertThat(budget.availableKib()).as("the difference, free").isEqualTo(2);
    budget.take(a, 3 << 10);
    assertThat(budget.availableKib()).as("a shorter page: the largest is held").isEqualTo(2);
    budget.take(b, 2 << 10);
    assertThat(budget.availableKib()).isZero();
    budget.take(a, 10 << 10);
    assertThat(budget.availableKib()).as("not free: it goes on beyond the budget").isZero();

    a.releasePage();
    a.releasePage();
    assertThat(budget.availableKib()).isEqualTo(8);
    b.releasePage();
    assertThat(budget.availableKib()).isEqualTo(10);
  }

  @Test
  void aPageWaitsUntilAnotherSliceGivesItsPageBack() throws Exception {
    PageBudget budget = new PageBudget(10 << 10);
    CallStats a = new CallStats();
    CallStats b = new CallStats();
    budget.take(a, 8 << 10);

    CompletableFuture<Void> second =
        CompletableFuture.runAsync(
            () -> {
              try {
                budget.take(b, 8 << 10);
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(200);
    assertThat(second).isNotDone();

    a.releasePage();
    second.get(10, TimeUnit.SECONDS);
    assertThat(budget.availableKib()).isEqualTo(2);
  }
}
