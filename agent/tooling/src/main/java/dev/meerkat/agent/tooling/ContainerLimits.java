package dev.meerkat.agent.tooling;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The CPU and memory limits of the cgroup this JVM runs in. cgroup v2: {@code cpu.max} ("quota
 * period" or "max period"), {@code memory.max} (bytes or "max"). cgroup v1: {@code
 * cpu/cpu.cfs_quota_us} (-1 when unlimited) over {@code cpu/cpu.cfs_period_us}, {@code
 * memory/memory.limit_in_bytes} (a value near 2^63 when unlimited). Null when absent, unlimited or
 * unreadable.
 *
 * <p>The JVM's own cgroup (from {@code /proc/self/cgroup}) is looked at first, then the root of the
 * hierarchy: a container sees its own cgroup at the root ({@code 0::/}), a service on a host (a
 * systemd unit with a quota, say) sees it under its path.
 */
final class ContainerLimits {
  static final Path DEFAULT_ROOT = Paths.get("/sys/fs/cgroup");
  static final Path PROC_SELF_CGROUP = Paths.get("/proc/self/cgroup");

  /** v1 reports "no limit" as the largest page-aligned long; anything this large means none. */
  private static final long V1_UNLIMITED = 1L << 62;

  private static final String[] V1_CPU_DIRS = {"cpu", "cpu,cpuacct", "cpuacct,cpu"};

  private ContainerLimits() {}

  /**
   * The path of this process's cgroup per controller, from {@code /proc/self/cgroup} lines {@code
   * id:controllers:path}; the v2 path under the key "". Empty when unreadable.
   */
  static Map<String, String> ownCgroups(Path procSelfCgroup) {
    Map<String, String> paths = new HashMap<>();
    String content = read(procSelfCgroup);
    if (content == null) {
      return paths;
    }
    for (String line : content.split("\n")) {
      String[] parts = line.trim().split(":", 3);
      if (parts.length != 3) {
        continue;
      }
      if (parts[1].isEmpty()) {
        paths.put("", parts[2]);
      }
      for (String controller : parts[1].split(",")) {
        if (!controller.isEmpty()) {
          paths.put(controller, parts[2]);
        }
      }
    }
    return paths;
  }

  /** CPU cores allowed (quota / period), or null. */
  static Double cpuLimitCores(Path root, Map<String, String> own) {
    String v2 = first(candidates(root, own.get(""), "cpu.max"));
    if (v2 != null) {
      String[] parts = v2.split("\\s+");
      if (parts.length != 2 || parts[0].equals("max")) {
        return null;
      }
      return ratio(parts[0], parts[1]);
    }
    for (String dir : V1_CPU_DIRS) {
      for (Path base : candidates(root.resolve(dir), own.get("cpu"), "")) {
        String quota = read(base.resolve("cpu.cfs_quota_us"));
        String period = read(base.resolve("cpu.cfs_period_us"));
        if (quota != null && period != null) {
          return ratio(quota, period);
        }
      }
    }
    return null;
  }

  /** Memory bytes allowed, or null. */
  static Long memoryLimitBytes(Path root, Map<String, String> own) {
    String v2 = first(candidates(root, own.get(""), "memory.max"));
    if (v2 != null) {
      return v2.equals("max") ? null : positiveLong(v2, Long.MAX_VALUE);
    }
    String v1 =
        first(candidates(root.resolve("memory"), own.get("memory"), "memory.limit_in_bytes"));
    return v1 == null ? null : positiveLong(v1, V1_UNLIMITED);
  }

  /** {@code base/<own path>/file} (when the path is not the root), then {@code base/file}. */
  private static List<Path> candidates(Path base, String ownPath, String file) {
    List<Path> paths = new ArrayList<>(2);
    if (ownPath != null) {
      String relative = ownPath.startsWith("/") ? ownPath.substring(1) : ownPath;
      if (!relative.isEmpty() && !relative.contains("..")) {
        Path own = base.resolve(relative);
        paths.add(file.isEmpty() ? own : own.resolve(file));
      }
    }
    paths.add(file.isEmpty() ? base : base.resolve(file));
    return paths;
  }

  private static String first(List<Path> files) {
    for (Path file : files) {
      String value = read(file);
      if (value != null) {
        return value;
      }
    }
    return null;
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
