package dev.awsinventory.transforms.fetch;

import dev.awsinventory.transforms.model.Table;
import dev.awsinventory.transforms.tables.TableRegistry;
import java.io.Serializable;

/**
 * Finds a table's declaration by name on the worker: {@link #REGISTRY} in production; a test may
 * add declarations of its own (such as one whose code throws).
 */
@FunctionalInterface
public interface TableLookup extends Serializable {
  TableLookup REGISTRY = TableRegistry::get;

  /**
   * The table declared under this name.
   *
   * @throws IllegalArgumentException if no table has this name
   */
  Table<?> get(String name);
}
