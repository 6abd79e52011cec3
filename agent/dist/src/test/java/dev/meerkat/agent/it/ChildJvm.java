package dev.meerkat.agent.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A child JVM with the real agent jar attached; stdout and stderr are kept line by line. */
final class ChildJvm implements AutoCloseable {
  static final Path AGENT_JAR = Path.of(System.getProperty("meerkat.agent.jar"));
  static final String TEST_CLASSES = System.getProperty("meerkat.test.classes");

  private final Process process;
  private final List<String> stdout = new CopyOnWriteArrayList<>();
  private final List<String> stderr = new CopyOnWriteArrayList<>();

  private ChildJvm(Process process) {
    this.process = process;
    pump(process.getInputStream(), stdout);
    pump(process.getErrorStream(), stderr);
  }

  /** Starts {@code mainClass} from the test classes with {@code -javaagent} and the options. */
  static ChildJvm start(Path javaHome, List<String> options, String mainClass) throws IOException {
    return start(javaHome, options, "", mainClass);
  }

  /** As above, with {@code extraClassPath} after the test classes. */
  static ChildJvm start(
      Path javaHome, List<String> options, String extraClassPath, String mainClass)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(javaHome.resolve("bin/java").toString());
    command.add("-javaagent:" + AGENT_JAR);
    command.addAll(options);
    command.add("-cp");
    command.add(
        extraClassPath.isEmpty()
            ? TEST_CLASSES
            : TEST_CLASSES + java.io.File.pathSeparator + extraClassPath);
    command.add(mainClass);
    return new ChildJvm(new ProcessBuilder(command).start());
  }

  /** Waits for a stdout line that matches and returns it. */
  String awaitStdout(Predicate<String> matcher, Duration timeout) {
    return Poll.until(
        timeout,
        () -> stdout.stream().filter(matcher).findFirst().orElse(null),
        line -> line != null,
        () -> "no matching stdout line; stdout=" + stdout + " stderr=" + stderr);
  }

  List<String> stdout() {
    return List.copyOf(stdout);
  }

  List<String> stderr() {
    return List.copyOf(stderr);
  }

  /**
   * Stderr without HotSpot's notice that class data sharing is limited to boot classes once a jar
   * is appended to the bootstrap class path (which the agent does for its bridge; the OpenTelemetry
   * agent causes the same notice). Everything else is unexpected.
   */
  List<String> stderrWithoutCdsNotice() {
    List<String> lines = new ArrayList<>(stderr);
    lines.removeIf(l -> l.endsWith(CDS_NOTICE));
    return lines;
  }

  static final String CDS_NOTICE =
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
  Duration stop() throws InterruptedException {
    long start = System.nanoTime();
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("child JVM did not exit within 30 s of SIGTERM");
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
