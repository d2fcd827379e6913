package dev.awsinventory.testing.aws;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import software.amazon.awssdk.core.SdkPojo;

/**
 * The resources of one account in one region. Items are stored per EC2 action as the model objects
 * of that action's result list (e.g. {@code Reservation} for DescribeInstances, {@code Vpc} for
 * DescribeVpcs).
 */
public final class FakeRegion {

  private final String accountId;
  private final String name;
  private final Map<String, List<Object>> items = new ConcurrentHashMap<>();
  private final Map<String, SdkPojo> responses = new ConcurrentHashMap<>();

  FakeRegion(String accountId, String name) {
    this.accountId = accountId;
    this.name = name;
  }

  public String accountId() {
    return accountId;
  }

  public String name() {
    return name;
  }

  /** Replaces the items served by a list-shaped action. */
  public FakeRegion put(String action, List<?> newItems) {
    items.put(action, checked(action, newItems));
    return this;
  }

  /** Appends items to those served by a list-shaped action. */
  public FakeRegion add(String action, Object... more) {
    List<Object> checked = checked(action, Arrays.asList(more));
    items.merge(
        action,
        checked,
        (old, added) -> {
          List<Object> all = new ArrayList<>(old);
          all.addAll(added);
          return List.copyOf(all);
        });
    return this;
  }

  /** Removes the items of an action that match. */
  public FakeRegion remove(String action, Predicate<Object> which) {
    items.computeIfPresent(action, (k, old) -> old.stream().filter(which.negate()).toList());
    return this;
  }

  /** Serves this whole response object for the action, as is, instead of paging stored items. */
  public FakeRegion respond(String action, SdkPojo response) {
    Ec2Shape shape = Ec2Shape.of(action);
    if (!shape.responseClass().isInstance(response)) {
      throw new IllegalArgumentException(
          action
              + " answers with "
              + shape.responseClass().getSimpleName()
              + ", not "
              + response.getClass().getSimpleName());
    }
    responses.put(action, response);
    return this;
  }

  /**
   * Fills an action with fully populated model objects, whatever its shape: a paged action serves
   * {@code count} items (seeds {@code seed}, {@code seed + 1}, ...) page by page; any other action
   * serves one whole response with every field set and {@code count} items in its list, if it has
   * one. So any table's inventory can be stocked without table-specific code.
   */
  public FakeRegion fill(String action, int count, long seed) {
    Ec2Shape shape = Ec2Shape.of(action);
    List<Object> filled = new ArrayList<>();
    for (int i = 0; shape.hasList() && i < count; i++) {
      filled.add(ModelFiller.filled(shape.memberClass(), seed + i));
    }
    if (shape.paged()) {
      return put(action, filled);
    }
    SdkPojo response = (SdkPojo) ModelFiller.filled(shape.responseClass(), seed);
    return respond(
        action,
        shape.hasList()
            ? ModelFiller.withField(response, shape.listMemberName(), filled)
            : response);
  }

  /** How many list items the action serves: stored items, or the list of its whole response. */
  public int listed(String action) {
    SdkPojo whole = responses.get(action);
    Ec2Shape shape = Ec2Shape.of(action);
    if (whole == null || !shape.hasList()) {
      return items(action).size();
    }
    Object list =
        whole.sdkFields().stream()
            .filter(f -> f.memberName().equals(shape.listMemberName()))
            .findFirst()
            .<Object>map(f -> f.getValueOrDefault(whole))
            .orElse(null);
    return list == null ? 0 : ((List<?>) list).size();
  }

  /** The items stored for an action, or an empty list. */
  public List<Object> items(String action) {
    return items.getOrDefault(action, List.of());
  }

  boolean hasItems(String action) {
    return items.containsKey(action);
  }

  SdkPojo response(String action) {
    return responses.get(action);
  }

  private static List<Object> checked(String action, List<?> values) {
    Ec2Shape shape = Ec2Shape.of(action);
    if (!shape.hasList()) {
      throw new IllegalArgumentException(
          action + " has no result list; use respond(action, response)");
    }
    for (Object value : values) {
      if (!shape.memberClass().isInstance(value)) {
        throw new IllegalArgumentException(
            action
                + " serves "
                + shape.memberClass().getSimpleName()
                + " items, not "
                + (value == null ? "null" : value.getClass().getSimpleName()));
      }
    }
    return List.copyOf(values);
  }
}
