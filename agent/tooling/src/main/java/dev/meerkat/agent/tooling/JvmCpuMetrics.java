package dev.meerkat.agent.tooling;

import io.opentelemetry.api.metrics.Meter;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * CPU metrics. Process CPU time and load come from {@code com.sun.management}, which HotSpot and
 * OpenJ9 provide but other JVMs may not: those two instruments are then simply not registered.
 */
final class JvmCpuMetrics {
  private JvmCpuMetrics() {}

  static void register(Meter meter) {
    meter
        .upDownCounterBuilder("jvm.cpu.count")
        .setDescription("Number of processors available to the Java virtual machine.")
        .setUnit("{cpu}")
        .buildWithCallback(m -> m.record(Runtime.getRuntime().availableProcessors()));
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (!(os instanceof com.sun.management.OperatingSystemMXBean)) {
      return;
    }
    com.sun.management.OperatingSystemMXBean sunOs = (com.sun.management.OperatingSystemMXBean) os;
    meter
        .counterBuilder("jvm.cpu.time")
        .ofDoubles()
        .setDescription("CPU time used by the process as reported by the JVM.")
        .setUnit("s")
        .buildWithCallback(
            m -> {
              long nanos = sunOs.getProcessCpuTime();
              if (nanos >= 0) {
                m.record(nanos / 1e9);
              }
            });
    meter
        .gaugeBuilder("jvm.cpu.recent_utilization")
        .setDescription("Recent CPU utilization for the process as reported by the JVM.")
        .setUnit("1")
        .buildWithCallback(
            m -> {
              double load = sunOs.getProcessCpuLoad();
              if (load >= 0) {
                m.record(load);
              }
            });
  }
}
