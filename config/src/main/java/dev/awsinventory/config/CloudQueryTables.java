package dev.awsinventory.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Every table name of CloudQuery's AWS source plugin (706 names, from the plugin's generated table
 * docs of March 2024; resource {@code cloudquery-aws-tables.txt}). Config files name these in
 * {@code tables} and {@code skip_tables}; most of them are tables this tool does not fetch.
 */
public final class CloudQueryTables {
  private static final String RESOURCE = "cloudquery-aws-tables.txt";
  private static final Set<String> NAMES = load();

  private CloudQueryTables() {}

  /** The catalogue's names in alphabetical order. */
  public static Set<String> names() {
    return NAMES;
  }

  public static boolean contains(String name) {
    return NAMES.contains(name);
  }

  /** Whether the glob ({@code *}, {@code ?}) matches at least one name of the catalogue. */
  public static boolean matchesAny(String pattern) {
    return NAMES.stream().anyMatch(name -> Regions.matches(pattern, name));
  }

  /**
   * The table of a legacy-layout resource name ({@code ec2.instances} is {@code aws_ec2_instances},
   * {@code cloudtrail.events} is {@code aws_cloudtrail_events}). Old singular names whose table
   * became plural ({@code ec2.regional_config}) and the reverse are matched too. Empty when no
   * catalogue table has the name: the caller reports it.
   */
  public static Optional<String> legacyTable(String resource) {
    String base = "aws_" + resource.replace('.', '_');
    String stem = base.substring(0, base.length() - 1);
    for (String candidate :
        new String[] {
          base,
          base + "s",
          base + "es",
          base.endsWith("y") ? stem + "ies" : base,
          base.endsWith("s") ? stem : base
        }) {
      if (NAMES.contains(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static Set<String> load() {
    Set<String> names = new LinkedHashSet<>();
    try (InputStream in = CloudQueryTables.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String name = line.trim();
        if (!name.isEmpty() && !name.startsWith("#")) {
          names.add(name);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Collections.unmodifiableSet(names);
  }
}
