package dev.awsinventory.runners;

import dev.awsinventory.pipeline.InventoryPipeline;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The main class of {@code aws-inventory.jar}: runs the job in a JVM started with options chosen
 * for it, behind the plain {@code java -jar aws-inventory.jar}.
 *
 * <p>The JVM's defaults are made for long-lived servers: on a machine with 24 GiB they give the job
 * a G1 heap that starts at 384 MiB and grows towards 6 GiB, and a second compiler (C2) that works
 * through most of a short run. Measured with the benchmark harness (README "Performance"), the
 * small run S0 used 1.4-1.6 GB and three times the CPU it uses with the options chosen here. So
 * this class starts the job again as a child JVM, with the same {@code java} binary ({@code
 * java.home}), the same jar, the same arguments and the JVM options it was given, plus:
 *
 * <ul>
 *   <li>{@code -XX:+UseSerialGC -Xms32m -XX:MaxRAMPercentage=50}: one collector thread, a heap that
 *       starts small and grows with the live data up to half the machine's memory (large runs keep
 *       room; small ones stay small);
 *   <li>{@code -XX:MaxNewSize=64m}: a young generation of at most 64 MiB. The serial collector
 *       gives the young generation a third of the heap, so a large run's heap of about 450 MB kept
 *       133 MB of it (118 MB of eden) that fills with garbage between collections; the data a run
 *       keeps is in the old generation. Benchmark S4 (1,000,000 resources): 999 MB of resident
 *       memory instead of 1,187 MB, the same wall and CPU time (README "Performance"); a small
 *       run's young generation is below 64 MiB anyway;
 *   <li>{@code -XX:TieredStopAtLevel=1}: the quick compiler only; the job waits on AWS and
 *       PostgreSQL, not on its own code;
 *   <li>class-data sharing: a run maps an archive of the classes an earlier run of the same jar,
 *       JVM and runner loaded ({@code -XX:SharedArchiveFile}) instead of loading and verifying them
 *       again; the first such run writes it at its exit ({@code -XX:ArchiveClassesAtExit}). See
 *       {@link ClassArchives}. An archive that does not fit is ignored by the JVM; a cache
 *       directory that cannot be written means no archive.
 * </ul>
 *
 * <p>The child inherits standard input, output and error, and its exit code becomes this process's.
 * If this process is asked to stop (SIGTERM, SIGINT), its shutdown hook stops the child the same
 * way and waits up to 30 s for it (then kills it). If this process is killed outright (SIGKILL),
 * the child notices within about 100 ms that its parent is gone and kills itself (SIGKILL), as the
 * job itself would have been killed.
 *
 * <p>The job runs in this JVM instead, with no child, when the user chose the JVM's options: any
 * heap, collector, compiler, class-data-sharing, agent or Flight Recorder option among this JVM's
 * input arguments ({@code -Xmx}, {@code -XX:+UseG1GC}, {@code -javaagent:}, ...), or {@code
 * JAVA_TOOL_OPTIONS} / {@code JDK_JAVA_OPTIONS} set; when it is not run from a jar; for {@code
 * --help} and {@code --version}; and when the system property {@value #PROPERTY} is {@code off}.
 * The environment variable {@value #OPTIONS_ENV} replaces the chosen options with its own
 * (space-separated).
 */
public final class Launcher {
  /** System property: {@code off} runs the job in this JVM; {@code child} marks the child. */
  public static final String PROPERTY = "aws-inventory.launcher";

  /** Environment variable: JVM options for the child instead of the chosen ones. */
  public static final String OPTIONS_ENV = "AWS_INVENTORY_JVM_OPTIONS";

  /** The options chosen for the child when {@value #OPTIONS_ENV} does not say otherwise. */
  static final List<String> CHOSEN =
      List.of(
          "-XX:+UseSerialGC",
          "-Xms32m",
          "-XX:MaxRAMPercentage=50",
          "-XX:MaxNewSize=64m",
          "-XX:TieredStopAtLevel=1");

  private static final String PARENT_PROPERTY = "aws-inventory.launcher.parent";

  /** Input arguments by which the user chose the JVM's memory, collector or compiler. */
  private static final List<String> USER_CHOSEN =
      List.of(
          "-Xmx",
          "-Xms",
          "-Xmn",
          "-Xint",
          "-Xcomp",
          "-Xshare",
          "-XX:MaxHeapSize",
          "-XX:InitialHeapSize",
          "-XX:MaxRAM",
          "-XX:InitialRAM",
          "-XX:MinRAM",
          "-XX:+Use",
          "-XX:TieredStopAtLevel",
          "-XX:-TieredCompilation",
          "-XX:SharedArchiveFile",
          "-XX:ArchiveClassesAtExit",
          "-XX:StartFlightRecording",
          "-javaagent",
          "-agentlib",
          "-agentpath");

  private Launcher() {}

  /** Runs the job in a child JVM, or in this one (see the class comment); exits with its code. */
  public static void main(String[] args) {
    String mode = System.getProperty(PROPERTY, "");
    if (mode.equals("child")) {
      watchParent(Long.getLong(PARENT_PROPERTY, -1));
      InventoryPipeline job = new InventoryPipeline(System.out, System.err);
      int code = job.run(args).exitCode();
      ClassArchives.report(job.runner());
      System.exit(code);
    }
    List<String> command = mode.equals("off") ? null : childCommand(args, System.getenv());
    if (command == null) {
      InventoryPipeline.main(args);
      return;
    }
    System.exit(runChild(command));
  }

  /**
   * The child's command line, or null when the job runs in this JVM. Reads this JVM's input
   * arguments (forwarded to the child), {@code java.home} and {@code java.class.path}.
   */
  static List<String> childCommand(String[] args, Map<String, String> env) {
    for (String a : args) {
      if (a.equals("--help")
          || a.equals("-h")
          || a.startsWith("--help=")
          || a.equals("--version")) {
        return null;
      }
    }
    if (!blank(env.get("JAVA_TOOL_OPTIONS")) || !blank(env.get("JDK_JAVA_OPTIONS"))) {
      return null;
    }
    String classPath = System.getProperty("java.class.path", "");
    if (classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
      return null;
    }
    Path jar = Path.of(classPath).toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      return null;
    }
    List<String> inherited = ManagementFactory.getRuntimeMXBean().getInputArguments();
    for (String a : inherited) {
      if (userChosen(a)) {
        return null;
      }
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(inherited);
    String own = env.get(OPTIONS_ENV);
    if (own != null) {
      for (String o : own.trim().split("\\s+", -1)) {
        if (!o.isEmpty()) {
          command.add(o);
        }
      }
    } else {
      command.addAll(CHOSEN);
      archives = ClassArchives.of(env);
      if (archives != null) {
        List<String> line = new ArrayList<>();
        line.add(System.getProperty("user.dir", ""));
        line.addAll(List.of(args));
        command.addAll(archives.options(jar, CHOSEN, line, fullRun(args)));
      }
    }
    command.add("-D" + PROPERTY + "=child");
    command.add("-D" + PARENT_PROPERTY + "=" + ProcessHandle.current().pid());
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    return command;
  }

  /** Whether a JVM input argument chooses memory, collector, compiler, CDS, an agent or JFR. */
  static boolean userChosen(String inputArgument) {
    for (String prefix : USER_CHOSEN) {
      if (inputArgument.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the run goes through the pipeline (not {@code --plan} nor {@code --report=only}). */
  private static boolean fullRun(String[] args) {
    for (String a : args) {
      if (a.equals("--plan") || a.equals("--plan=true") || a.equals("--report=only")) {
        return false;
      }
    }
    return true;
  }

  /** The class-data archives of the child being run, or null. */
  private static ClassArchives archives;

  /** Starts the child with this process's standard streams, waits for it, returns its code. */
  private static int runChild(List<String> command) {
    Process child;
    try {
      child = new ProcessBuilder(command).inheritIO().start();
    } catch (IOException e) {
      System.err.println("aws-inventory: cannot start " + command.get(0) + ": " + e.getMessage());
      return InventoryPipeline.EXIT_FATAL;
    }
    Thread stopper =
        new Thread(
            () -> {
              if (child.isAlive()) {
                child.destroy();
                try {
                  if (!child.waitFor(30, TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                  }
                } catch (InterruptedException e) {
                  child.destroyForcibly();
                }
              }
            },
            "aws-inventory-stop-job");
    Runtime.getRuntime().addShutdownHook(stopper);
    int code;
    while (true) {
      try {
        code = child.waitFor();
        break;
      } catch (InterruptedException e) {
        // keep waiting: the child's end decides this process's exit code
      }
    }
    if (archives != null) {
      archives.afterExit(code);
    }
    return code;
  }

  /**
   * In the child: kills it (SIGKILL, see {@link #killSelf}) once the process that launched it is
   * gone, checked every 100 ms; its parent changes when the launcher dies (Linux gives the child to
   * init or a subreaper).
   */
  private static void watchParent(long parentPid) {
    if (parentPid < 0) {
      return;
    }
    Thread watcher =
        new Thread(
            () -> {
              while (true) {
                Optional<Long> parent = ProcessHandle.current().parent().map(ProcessHandle::pid);
                boolean gone =
                    parent.isPresent()
                        ? parent.get() != parentPid
                        : ProcessHandle.of(parentPid).map(p -> !p.isAlive()).orElse(true);
                if (gone) {
                  System.err.println("aws-inventory: the launching process ended; stopping");
                  killSelf();
                }
                try {
                  Thread.sleep(100);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "aws-inventory-parent-watch");
    watcher.setDaemon(true);
    watcher.start();
  }

  /**
   * Ends this JVM with SIGKILL, as its launcher was ended: not {@link Runtime#halt}, which still
   * writes the class-data archive of {@code -XX:ArchiveClassesAtExit} while the job's threads run
   * on for seconds. Falls back to {@code halt(137)} if the signal cannot be sent.
   */
  private static void killSelf() {
    try {
      new ProcessBuilder("/bin/sh", "-c", "kill -KILL " + ProcessHandle.current().pid())
          .start()
          .waitFor(5, TimeUnit.SECONDS);
    } catch (IOException | InterruptedException | RuntimeException e) {
      // halt below
    }
    Runtime.getRuntime().halt(137);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
