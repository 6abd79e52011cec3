package dev.meerkat.clickhouse.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pid file of an embedded server, so that a server left running by an earlier process that was
 * killed without a chance to stop it ({@code kill -9}, a crash) is stopped before a new one starts
 * on the same data directory, instead of holding the ports and failing the start.
 */
final class LeftoverServer {
  static final String PID_FILE = "clickhouse-server.pid";
  private static final Logger logger = LoggerFactory.getLogger(LeftoverServer.class);
  private static final Duration STOP_DEADLINE = Duration.ofSeconds(30);

  private LeftoverServer() {}

  /** Remembers which process serves {@code dataDir}. */
  static void record(Path dataDir, Process process) throws IOException {
    Files.writeString(dataDir.resolve(PID_FILE), Long.toString(process.pid()));
  }

  /**
   * Stops the server recorded for {@code dataDir} if it still runs. Only a live ClickHouse process
   * whose command line names this directory's config file is stopped: a recycled pid that now
   * belongs to something else is left alone.
   */
  static void stopIfRunning(Path dataDir, Path configFile) {
    Optional<ProcessHandle> leftover = recorded(dataDir).filter(p -> serves(p, configFile));
    if (leftover.isEmpty()) {
      return;
    }
    ProcessHandle process = leftover.get();
    logger.warn(
        "Stopping ClickHouse pid {} left running on {} by an earlier run", process.pid(), dataDir);
    process.destroy();
    try {
      process.onExit().get(STOP_DEADLINE.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception notStoppedInTime) {
      process.destroyForcibly();
    }
  }

  private static Optional<ProcessHandle> recorded(Path dataDir) {
    Path pidFile = dataDir.resolve(PID_FILE);
    try {
      if (!Files.exists(pidFile)) {
        return Optional.empty();
      }
      long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).strip());
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    } catch (IOException | NumberFormatException unreadable) {
      return Optional.empty();
    }
  }

  private static boolean serves(ProcessHandle process, Path configFile) {
    return process
        .info()
        .commandLine()
        .map(line -> line.contains("clickhouse") && line.contains(configFile.toString()))
        .orElse(false);
  }
}
