package dev.meerkat.agent.tooling;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The CPU and memory limits of the cgroup this JVM runs in, as a container sees it (its own cgroup
 * mounted at {@code /sys/fs/cgroup}). cgroup v2: {@code cpu.max} ("quota period" or "max period"),
 * {@code memory.max} (bytes or "max"). cgroup v1: {@code cpu/cpu.cfs_quota_us} (-1 when unlimited)
 * over {@code cpu/cpu.cfs_period_us}, {@code memory/memory.limit_in_bytes} (a value near 2^63 when
 * unlimited). Null when absent, unlimited or unreadable.
 */
final class ContainerLimits {
  static final Path DEFAULT_ROOT = Paths.get("/sys/fs/cgroup");

  /** v1 reports "no limit" as the largest page-aligned long; anything this large means none. */
  private static final long V1_UNLIMITED = 1L << 62;

  private ContainerLimits() {}

  /** CPU cores allowed (quota / period), or null. */
  static Double cpuLimitCores(Path root) {
    String v2 = read(root.resolve("cpu.max"));
    if (v2 != null) {
      String[] parts = v2.split("\\s+");
      if (parts.length != 2 || parts[0].equals("max")) {
        return null;
      }
      return ratio(parts[0], parts[1]);
    }
    for (String controller : new String[] {"cpu", "cpu,cpuacct", "cpuacct,cpu"}) {
      String quota = read(root.resolve(controller).resolve("cpu.cfs_quota_us"));
      String period = read(root.resolve(controller).resolve("cpu.cfs_period_us"));
      if (quota != null && period != null) {
        return ratio(quota, period);
      }
    }
    return null;
  }

  /** Memory bytes allowed, or null. */
  static Long memoryLimitBytes(Path root) {
    String v2 = read(root.resolve("memory.max"));
    if (v2 != null) {
      return v2.equals("max") ? null : positiveLong(v2, Long.MAX_VALUE);
    }
    String v1 = read(root.resolve("memory").resolve("memory.limit_in_bytes"));
    return v1 == null ? null : positiveLong(v1, V1_UNLIMITED);
  }

  private static Double ratio(String quota, String period) {
    try {
      long q = Long.parseLong(quota);
      long p = Long.parseLong(period);
      return q > 0 && p > 0 ? (double) q / p : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Long positiveLong(String value, long unlimitedFrom) {
    try {
      long parsed = Long.parseLong(value);
      return parsed > 0 && parsed < unlimitedFrom ? parsed : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String read(Path file) {
    try {
      if (!Files.isRegularFile(file)) {
        return null;
      }
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).trim();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
