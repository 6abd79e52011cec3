package dev.meerkat.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A JVM started by a test, with its output in a file, stopped (SIGTERM, then kill) on close. */
final class ChildProcess implements AutoCloseable {
  private final String name;
  private final Process process;
  private final Path output;

  private ChildProcess(String name, Process process, Path output) {
    this.name = name;
    this.process = process;
    this.output = output;
  }

  static ChildProcess startJava(String name, Path logDir, Map<String, String> env, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(args));
    Files.createDirectories(logDir);
    Path output = logDir.resolve(name + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
    // The children must not inherit OTel settings from whoever runs the build.
    builder
        .environment()
        .keySet()
        .removeIf(key -> key.startsWith("OTEL_") || key.startsWith("MEERKAT_"));
    builder.environment().putAll(env);
    return new ChildProcess(name, builder.start(), output);
  }

  boolean isAlive() {
    return process.isAlive();
  }

  String output() {
    try {
      return Files.readString(output, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(could not read " + output + ": " + e + ")";
    }
  }

  /** Fails with the child's output when it has died, so a broken start says why. */
  void requireAlive() {
    if (!process.isAlive()) {
      throw new IllegalStateException(
          name + " exited with " + process.exitValue() + "; its output:\n" + output());
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
