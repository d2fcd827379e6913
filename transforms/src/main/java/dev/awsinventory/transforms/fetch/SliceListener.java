package dev.awsinventory.transforms.fetch;

import dev.awsinventory.transforms.model.SliceOutcome;
import java.io.Serializable;
import java.util.List;

/**
 * Told by {@link FetchResources} of each task's outcomes as soon as the task ends, on the worker,
 * before the runner commits the bundle (a runner may hold a bundle's outputs until it ends). For
 * progress, which must move during a run on every runner; a listener must not throw.
 */
public interface SliceListener extends Serializable {
  /** The outcomes of one task: its table, then each child table. */
  void finished(List<SliceOutcome> outcomes);
}
