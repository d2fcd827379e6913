package dev.awsinventory.transforms.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import software.amazon.awssdk.core.SdkPojo;

/**
 * One AWS table: its name, the call that lists it, the SDK model its columns come from, its primary
 * key and extra columns. Declarations build one with {@link #regional} or {@link #perAccount};
 * everything else (fan-out, conversion, writing) is generic.
 */
public final class Table<T> {
  public static final String CQ_ID = "_cq_id";

  /** The position of {@link #CQ_ID} in every table's columns and rows: the first. */
  public static final int CQ_ID_INDEX = 0;

  public static final String CQ_PARENT_ID = "_cq_parent_id";
  public static final String CQ_SOURCE_NAME = "_cq_source_name";
  public static final String CQ_SYNC_TIME = "_cq_sync_time";
  public static final String ACCOUNT_ID = "account_id";
  public static final String REGION = "region";
  public static final String ARN = "arn";

  private final String name;
  private final String description;
  private final List<String> apiCalls;
  private final Class<T> model;
  private final Scope scope;
  private final Function<FetchContext, Stream<T>> lister;
  private final Table<?> parent;
  private final BiFunction<FetchContext, Object, Stream<T>> childLister;
  private final List<Column> columns;
  private final List<BiFunction<T, RowContext, String>> cells;
  private final List<String> primaryKey;
  private final int[] primaryKeyIndexes;
  private final boolean[] checked;
  private final Set<String> tolerated;

  private Table(Builder<T> b) {
    this.name = b.name;
    this.description = b.description;
    this.apiCalls = b.apiCalls;
    this.model = b.model;
    this.scope = b.parent != null ? b.parent.scope : b.scope;
    this.lister = b.lister;
    this.parent = b.parent;
    this.childLister = b.childLister;
    Map<String, Cell<T>> byName = new LinkedHashMap<>();
    put(byName, CQ_ID, ColumnType.UUID, (item, ctx) -> null);
    put(byName, CQ_PARENT_ID, ColumnType.UUID, (item, ctx) -> ctx.parentId());
    put(byName, CQ_SOURCE_NAME, ColumnType.TEXT, (item, ctx) -> ctx.sourceName());
    put(byName, CQ_SYNC_TIME, ColumnType.TIMESTAMPTZ, (item, ctx) -> ctx.syncTime());
    put(byName, ACCOUNT_ID, ColumnType.TEXT, (item, ctx) -> ctx.accountId());
    put(byName, REGION, ColumnType.TEXT, (item, ctx) -> ctx.region());
    if (b.arnType != null) {
      Function<T, String> id = b.arnId;
      Function<T, String> own = b.ownArn;
      String type = b.arnType;
      put(
          byName,
          ARN,
          ColumnType.TEXT,
          (item, ctx) -> {
            String arn = own == null ? null : own.apply(item);
            return arn != null
                ? arn
                : "arn:"
                    + ctx.partition()
                    + ":ec2:"
                    + ctx.region()
                    + ":"
                    + ctx.accountId()
                    + ":"
                    + type
                    + "/"
                    + id.apply(item);
          });
    }
    byName.putAll(b.extras);
    if (SdkPojo.class.isAssignableFrom(model)) {
      for (ModelField f : ModelField.of(model.asSubclass(SdkPojo.class))) {
        byName.putIfAbsent(f.column().name(), new Cell<>(f.column(), (item, ctx) -> f.value(item)));
      }
    }
    this.columns = byName.values().stream().map(Cell::column).toList();
    this.cells = byName.values().stream().map(Cell::value).toList();
    this.checked = new boolean[columns.size()];
    int n = 0;
    for (Map.Entry<String, Cell<T>> e : byName.entrySet()) {
      checked[n++] = b.extras.containsKey(e.getKey());
    }
    List<String> key =
        b.primaryKey != null ? b.primaryKey : b.arnType != null ? List.of(ARN) : null;
    if (key == null || key.isEmpty()) {
      throw new IllegalStateException(name + ": no primary key and no ARN rule");
    }
    if (b.sharedBetweenAccounts
        && !key.contains(ACCOUNT_ID)
        && !key.contains("request_account_id")) {
      List<String> withAccount = new ArrayList<>();
      withAccount.add(ACCOUNT_ID);
      withAccount.addAll(key);
      key = List.copyOf(withAccount);
    }
    this.primaryKey = key;
    this.tolerated = Set.copyOf(b.tolerated);
    this.primaryKeyIndexes = primaryKey.stream().mapToInt(this::indexOf).toArray();
  }

  /**
   * A table fetched in every region. Its columns are the SDK model's fields; a model that is not an
   * SDK class (a record combining several calls) contributes only declared columns.
   */
  public static <T> Builder<T> regional(String name, Class<T> model) {
    return new Builder<>(name, model, Scope.REGIONAL);
  }

  public static <T> Builder<T> perAccount(String name, Class<T> model) {
    return new Builder<>(name, model, Scope.ACCOUNT);
  }

  /**
   * A table of the AWS Organization, written once per run from what account discovery walked
   * ({@link FetchContext#organization()}), in the slice (admin account, {@code *}).
   */
  public static <T> Builder<T> organization(String name, Class<T> model) {
    return new Builder<>(name, model, Scope.ORGANIZATION);
  }

  /** A child table; complete it with {@link Builder#listedPerParent}. */
  public static <T> Builder<T> child(String name, Class<T> model) {
    return new Builder<>(name, model, null);
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  /** The EC2 action that lists the table. */
  public String apiCall() {
    return apiCalls.get(0);
  }

  /** Every EC2 action the table calls, the listing one first. */
  public List<String> apiCalls() {
    return apiCalls;
  }

  public Class<T> model() {
    return model;
  }

  public Scope scope() {
    return scope;
  }

  public List<Column> columns() {
    return columns;
  }

  /** The table whose resources this child table is listed for, or null for a top-level table. */
  public Table<?> parent() {
    return parent;
  }

  /** Lists this child table's resources of one parent resource. */
  public Stream<T> listFor(FetchContext ctx, Object parentItem) {
    return childLister.apply(ctx, parentItem);
  }

  public List<String> primaryKey() {
    return primaryKey;
  }

  /**
   * The AWS error codes that mean "nothing to list here" for this table's calls (see {@code
   * ErrorPolicy}); empty for most tables.
   */
  public Set<String> tolerated() {
    return tolerated;
  }

  public int indexOf(String column) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(column)) {
        return i;
      }
    }
    throw new IllegalArgumentException(name + " has no column " + column);
  }

  /** Lists the table's resources in one account and region (lazily, page by page). */
  public Stream<T> list(FetchContext ctx) {
    if (parent != null) {
      throw new IllegalStateException(name + " is listed per " + parent.name() + " resource");
    }
    return lister.apply(ctx);
  }

  /**
   * Converts one resource to a row; {@code _cq_id} is derived from the primary key, so stable.
   * Declared columns are checked against their type here (model fields are typed by the SDK).
   *
   * @throws InvalidColumnValueException if a declared column's value does not fit its type
   * @throws RuntimeException whatever the declaration's column code throws; either way the caller
   *     fails only this row's slice
   */
  public ResourceRow row(T item, RowContext ctx) {
    String[] values = new String[cells.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = cells.get(i).apply(item, ctx);
      if (checked[i] && !columns.get(i).type().accepts(values[i])) {
        throw new InvalidColumnValueException(name, columns.get(i), values[i]);
      }
    }
    StringBuilder key = new StringBuilder(name);
    for (int i : primaryKeyIndexes) {
      key.append('\u001f').append(values[i]);
    }
    values[CQ_ID_INDEX] =
        UUID.nameUUIDFromBytes(key.toString().getBytes(StandardCharsets.UTF_8)).toString();
    return new ResourceRow(name, values);
  }

  @Override
  public String toString() {
    return name;
  }

  private static <T> void put(
      Map<String, Cell<T>> byName,
      String name,
      ColumnType type,
      BiFunction<T, RowContext, String> value) {
    byName.put(name, new Cell<>(new Column(name, type), value));
  }

  private record Cell<T>(Column column, BiFunction<T, RowContext, String> value) {}

  /** Builds a table declaration. */
  public static final class Builder<T> {
    private final String name;
    private final Class<T> model;
    private final Scope scope;
    private String description = "";
    private List<String> apiCalls;
    private Function<FetchContext, Stream<T>> lister;
    private Table<?> parent;
    private BiFunction<FetchContext, Object, Stream<T>> childLister;
    private String arnType;
    private Function<T, String> arnId;
    private List<String> primaryKey;
    private Function<T, String> ownArn;
    private boolean sharedBetweenAccounts;
    private final List<String> tolerated = new ArrayList<>();
    private final Map<String, Cell<T>> extras = new LinkedHashMap<>();

    private Builder(String name, Class<T> model, Scope scope) {
      this.name = name;
      this.model = model;
      this.scope = scope;
    }

    public Builder<T> description(String text) {
      this.description = text;
      return this;
    }

    /** The EC2 action that lists the table, and how to list it (use the SDK paginators). */
    public Builder<T> listedBy(String action, Function<FetchContext, Stream<T>> lister) {
      this.apiCalls = List.of(action);
      this.lister = lister;
      return this;
    }

    /**
     * Makes this a child table: listed once per resource of {@code parent} (and only when the
     * parent is fetched), its rows carrying the parent's {@code _cq_id} as {@code _cq_parent_id}.
     */
    @SuppressWarnings("unchecked")
    public <P> Builder<T> listedPerParent(
        String action, Table<P> parent, BiFunction<FetchContext, P, Stream<T>> lister) {
      this.apiCalls = List.of(action);
      this.parent = parent;
      this.childLister = (ctx, item) -> lister.apply(ctx, (P) item);
      return this;
    }

    /** Further EC2 actions the listing calls (for a row combined from several calls). */
    public Builder<T> alsoCalls(String... actions) {
      List<String> all = new ArrayList<>(apiCalls);
      all.addAll(List.of(actions));
      this.apiCalls = List.copyOf(all);
      return this;
    }

    /** A column copied from the parent resource's row (such as the parent's ARN). */
    public Builder<T> parentColumn(String column, String parentColumn) {
      Column type = parent.columns().get(parent.indexOf(parentColumn));
      extras.put(
          column,
          new Cell<>(
              new Column(column, type.type()), (item, ctx) -> ctx.parentValue(parentColumn)));
      return this;
    }

    /** {@code arn:<partition>:ec2:<region>:<account>:<type>/<id>}, the primary key. */
    public Builder<T> arn(String type, Function<T, String> id) {
      this.arnType = type;
      this.arnId = id;
      return this;
    }

    /**
     * The resource's own ARN as the model gives it (such as {@code Subnet.subnetArn()}, as
     * CloudQuery stores it), else {@link #arn(String, Function) the computed one}. A resource
     * shared from another account (RAM) then carries its owner's ARN.
     */
    public Builder<T> arn(Function<T, String> own, String type, Function<T, String> id) {
      this.ownArn = own;
      return arn(type, id);
    }

    /**
     * The resource may be shared with other accounts (RAM), so several configured accounts see it:
     * {@code account_id} (the account that listed it) joins the primary key unless the key already
     * names the listing account, so that one account's slice never overwrites, relabels or deletes
     * another account's row.
     */
    public Builder<T> sharedBetweenAccounts() {
      this.sharedBetweenAccounts = true;
      return this;
    }

    /**
     * AWS error codes that mean "nothing to list" for this table's calls (Steampipe's {@code
     * ShouldIgnoreError}): a top-level table's slice then has no rows and succeeds; a child table
     * skips that parent resource. Other errors fail the slice (see ErrorPolicy).
     */
    public Builder<T> tolerating(String... codes) {
      tolerated.addAll(List.of(codes));
      return this;
    }

    public Builder<T> primaryKey(String... columns) {
      this.primaryKey = List.of(columns);
      return this;
    }

    /** An extra (or overriding) column computed from the resource and the slice. */
    public Builder<T> column(
        String column, ColumnType type, BiFunction<T, RowContext, Object> value) {
      extras.put(
          column,
          new Cell<>(
              new Column(column, type),
              (item, ctx) -> ModelField.encode(type, value.apply(item, ctx))));
      return this;
    }

    public Table<T> build() {
      if (apiCalls == null || (lister == null && childLister == null)) {
        throw new IllegalStateException(name + ": no list call");
      }
      return new Table<>(this);
    }
  }

  /** For tests and tools: the columns in a stable list. */
  public List<String> columnNames() {
    List<String> out = new ArrayList<>(columns.size());
    columns.forEach(c -> out.add(c.name()));
    return out;
  }
}
