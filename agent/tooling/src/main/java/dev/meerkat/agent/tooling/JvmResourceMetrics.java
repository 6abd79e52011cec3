package dev.meerkat.agent.tooling;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Buffer pools (direct, mapped), open file descriptors, and the container's CPU and memory limits
 * (see {@link ContainerLimits}). Names follow the JVM semantic conventions; the container limits
 * are Meerkat's ({@code container.cpu.limit} in cores, {@code container.memory.limit} in bytes).
 */
final class JvmResourceMetrics {
  private static final AttributeKey<String> POOL_NAME =
      AttributeKey.stringKey("jvm.buffer.pool.name");

  private JvmResourceMetrics() {}

  static void register(Meter meter, Path cgroupRoot, Path procSelfCgroup) {
    registerBufferPools(meter);
    registerFileDescriptors(meter);
    registerContainerLimits(meter, cgroupRoot, ContainerLimits.ownCgroups(procSelfCgroup));
  }

  private static void registerBufferPools(Meter meter) {
    List<BufferPoolMXBean> pools = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class);
    Attributes[] attributes = new Attributes[pools.size()];
    for (int i = 0; i < attributes.length; i++) {
      attributes[i] = Attributes.of(POOL_NAME, pools.get(i).getName());
    }
    meter
        .upDownCounterBuilder("jvm.buffer.memory.used")
        .setDescription("Measure of memory used by buffers.")
        .setUnit("By")
        .buildWithCallback(
            m -> {
              for (int i = 0; i < attributes.length; i++) {
                record(m, pools.get(i).getMemoryUsed(), attributes[i]);
              }
            });
    meter
        .upDownCounterBuilder("jvm.buffer.memory.limit")
        .setDescription("Measure of total memory capacity of buffers.")
        .setUnit("By")
        .buildWithCallback(
            m -> {
              for (int i = 0; i < attributes.length; i++) {
                record(m, pools.get(i).getTotalCapacity(), attributes[i]);
              }
            });
    meter
        .upDownCounterBuilder("jvm.buffer.count")
        .setDescription("Number of buffers in the pool.")
        .setUnit("{buffer}")
        .buildWithCallback(
            m -> {
              for (int i = 0; i < attributes.length; i++) {
                record(m, pools.get(i).getCount(), attributes[i]);
              }
            });
  }

  /** A pool answers -1 for a value it does not know: nothing is recorded then. */
  private static void record(
      io.opentelemetry.api.metrics.ObservableLongMeasurement m, long value, Attributes a) {
    if (value >= 0) {
      m.record(value, a);
    }
  }

  /** Only where the JVM exposes them (Unix-like systems with the com.sun.management API). */
  private static void registerFileDescriptors(Meter meter) {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (!(os instanceof com.sun.management.UnixOperatingSystemMXBean)) {
      return;
    }
    com.sun.management.UnixOperatingSystemMXBean unix =
        (com.sun.management.UnixOperatingSystemMXBean) os;
    meter
        .upDownCounterBuilder("jvm.file_descriptor.count")
        .setDescription("Number of open file descriptors.")
        .setUnit("{file_descriptor}")
        .buildWithCallback(m -> m.record(unix.getOpenFileDescriptorCount()));
    meter
        .upDownCounterBuilder("jvm.file_descriptor.limit")
        .setDescription("Maximum number of open file descriptors allowed.")
        .setUnit("{file_descriptor}")
        .buildWithCallback(m -> m.record(unix.getMaxFileDescriptorCount()));
  }

  /** Read once at start; no instrument when a limit is absent or unlimited. */
  private static void registerContainerLimits(
      Meter meter, Path cgroupRoot, Map<String, String> ownCgroups) {
    Double cores = ContainerLimits.cpuLimitCores(cgroupRoot, ownCgroups);
    if (cores != null) {
      double value = cores;
      meter
          .gaugeBuilder("container.cpu.limit")
          .setDescription("CPU limit of the container (cgroup quota / period).")
          .setUnit("{cpu}")
          .buildWithCallback(m -> m.record(value));
    }
    Long bytes = ContainerLimits.memoryLimitBytes(cgroupRoot, ownCgroups);
    if (bytes != null) {
      long value = bytes;
      meter
          .gaugeBuilder("container.memory.limit")
          .ofLongs()
          .setDescription("Memory limit of the container (cgroup).")
          .setUnit("By")
          .buildWithCallback(m -> m.record(value));
    }
  }
}
