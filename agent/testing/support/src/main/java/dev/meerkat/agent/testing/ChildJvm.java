package dev.meerkat.agent.testing;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A child JVM with the real agent jar attached, as users run it; stdout and stderr are kept line by
 * line. The agent jar is the system property {@code meerkat.agent.jar} (set by the build).
 */
public final class ChildJvm implements AutoCloseable {
  public static final Path AGENT_JAR = Path.of(requiredProperty("meerkat.agent.jar"));

  private final Process process;
  private final List<String> stdout = new CopyOnWriteArrayList<>();
  private final List<String> stderr = new CopyOnWriteArrayList<>();

  private ChildJvm(Process process) {
    this.process = process;
    pump(process.getInputStream(), stdout);
    pump(process.getErrorStream(), stderr);
  }

  /**
   * Starts {@code mainClass} on {@code classPath} with {@code -javaagent} and the JVM options.
   *
   * @param classPath entries joined with the path separator
   */
  public static ChildJvm start(
      Path javaHome, List<String> options, String classPath, String mainClass, String... args)
      throws IOException {
    return start(javaHome, options, classPath, Map.of(), mainClass, args);
  }

  /** As above, with extra environment variables (for {@code OTEL_*} settings, say). */
  public static ChildJvm start(
      Path javaHome,
      List<String> options,
      String classPath,
      Map<String, String> environment,
      String mainClass,
      String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(javaHome.resolve("bin/java").toString());
    command.add("-javaagent:" + AGENT_JAR);
    command.addAll(options);
    command.add("-cp");
    command.add(classPath);
    command.add(mainClass);
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    return new ChildJvm(builder.start());
  }

  /**
   * The class path of the running test (failsafe/surefire put it in {@code
   * surefire.test.class.path}; {@code java.class.path} may be a manifest-only jar).
   */
  public static String testClassPath() {
    String path = System.getProperty("surefire.test.class.path");
    return path != null ? path : System.getProperty("java.class.path");
  }

  /** Joins class path entries. */
  public static String classPath(String... entries) {
    return String.join(File.pathSeparator, entries);
  }

  /** Waits for a stdout line that matches and returns it. */
  public String awaitStdout(Predicate<String> matcher, Duration timeout) {
    return Poll.until(
        timeout,
        () -> stdout.stream().filter(matcher).findFirst().orElse(null),
        line -> line != null,
        () -> "no matching stdout line; stdout=" + stdout + " stderr=" + stderr);
  }

  /** Waits for the line {@code READY <port>} that test apps print, and returns the port. */
  public int awaitReadyPort(Duration timeout) {
    return Integer.parseInt(awaitStdout(l -> l.startsWith("READY "), timeout).substring(6).trim());
  }

  public List<String> stdout() {
    return List.copyOf(stdout);
  }

  public List<String> stderr() {
    return List.copyOf(stderr);
  }

  /** The agent's own lines at WARN or ERROR: a test fails on any it did not expect. */
  public List<String> agentWarningsAndErrors() {
    List<String> lines = new ArrayList<>();
    for (String line : stderr) {
      if (line.startsWith("[meerkat-agent] WARN") || line.startsWith("[meerkat-agent] ERROR")) {
        lines.add(line);
      }
    }
    return lines;
  }

  /**
   * Stderr without HotSpot's notice that class data sharing is limited to boot classes once a jar
   * is appended to the bootstrap class path (which the agent does for its bridge; the OpenTelemetry
   * agent causes the same notice). Everything else is unexpected.
   */
  public List<String> stderrWithoutCdsNotice() {
    List<String> lines = new ArrayList<>(stderr);
    lines.removeIf(l -> l.endsWith(CDS_NOTICE));
    return lines;
  }

  public static final String CDS_NOTICE =
      "warning: Sharing is only supported for boot loader classes because bootstrap classpath"
          + " has been appended";

  private static void pump(InputStream in, List<String> lines) {
    Thread thread =
        new Thread(
            () -> {
              try (BufferedReader reader =
                  new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                  lines.add(line);
                }
              } catch (IOException e) {
                // the process ended
              }
            });
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the JVM as a service manager would (SIGTERM) and waits for it to exit. */
  public Duration stop() throws InterruptedException {
    long start = System.nanoTime();
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("child JVM did not exit within 30 s of SIGTERM");
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private static String requiredProperty(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException(
          "System property "
              + name
              + " is not set: run agent integration tests through Maven (failsafe sets it to"
              + " agent/dist/target/meerkat-agent.jar).");
    }
    return value;
  }
}
