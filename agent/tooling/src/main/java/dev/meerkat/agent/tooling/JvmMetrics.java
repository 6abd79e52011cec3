package dev.meerkat.agent.tooling;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * JVM memory, thread, class and CPU metrics from the platform MXBeans as asynchronous instruments,
 * with the stable JVM semantic-convention names. Attributes are built once.
 */
final class JvmMetrics {
  private static final AttributeKey<String> MEMORY_TYPE = AttributeKey.stringKey("jvm.memory.type");
  private static final AttributeKey<String> POOL_NAME =
      AttributeKey.stringKey("jvm.memory.pool.name");
  private static final AttributeKey<Boolean> THREAD_DAEMON =
      AttributeKey.booleanKey("jvm.thread.daemon");

  private JvmMetrics() {}

  static void register(Meter meter) {
    registerMemory(meter);
    registerThreadsAndClasses(meter);
    JvmCpuMetrics.register(meter);
    JvmGcMetrics.register(meter);
    JvmResourceMetrics.register(
        meter, ContainerLimits.DEFAULT_ROOT, ContainerLimits.PROC_SELF_CGROUP);
  }

  private static void registerMemory(Meter meter) {
    List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans();
    Attributes[] attributes = new Attributes[pools.size()];
    for (int i = 0; i < attributes.length; i++) {
      MemoryPoolMXBean pool = pools.get(i);
      String type = pool.getType() == MemoryType.HEAP ? "heap" : "non_heap";
      attributes[i] = Attributes.of(MEMORY_TYPE, type, POOL_NAME, pool.getName());
    }
    registerPoolMeasure(
        meter,
        pools,
        attributes,
        "jvm.memory.used",
        "Measure of memory used.",
        MemoryUsage::getUsed);
    registerPoolMeasure(
        meter,
        pools,
        attributes,
        "jvm.memory.committed",
        "Measure of memory committed.",
        MemoryUsage::getCommitted);
    registerPoolMeasure(
        meter,
        pools,
        attributes,
        "jvm.memory.limit",
        "Measure of max obtainable memory.",
        MemoryUsage::getMax);
  }

  /**
   * One byte measure per memory pool. Negative values are not recorded: {@code getMax()} is -1 when
   * a pool has no defined limit, and such a pool has no {@code jvm.memory.limit}.
   */
  private static void registerPoolMeasure(
      Meter meter,
      List<MemoryPoolMXBean> pools,
      Attributes[] attributes,
      String name,
      String description,
      ToLongFunction<MemoryUsage> measure) {
    meter
        .upDownCounterBuilder(name)
        .setDescription(description)
        .setUnit("By")
        .buildWithCallback(
            m -> {
              for (int i = 0; i < attributes.length; i++) {
                MemoryUsage usage = pools.get(i).getUsage();
                long value = usage == null ? -1 : measure.applyAsLong(usage);
                if (value >= 0) {
                  m.record(value, attributes[i]);
                }
              }
            });
  }

  private static void registerThreadsAndClasses(Meter meter) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Attributes daemon = Attributes.of(THREAD_DAEMON, true);
    Attributes nonDaemon = Attributes.of(THREAD_DAEMON, false);
    meter
        .upDownCounterBuilder("jvm.thread.count")
        .setDescription("Number of executing platform threads.")
        .setUnit("{thread}")
        .buildWithCallback(
            m -> {
              int daemonCount = threads.getDaemonThreadCount();
              m.record(daemonCount, daemon);
              m.record(threads.getThreadCount() - daemonCount, nonDaemon);
            });
    ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
    meter
        .counterBuilder("jvm.class.loaded")
        .setDescription("Number of classes loaded since JVM start.")
        .setUnit("{class}")
        .buildWithCallback(m -> m.record(classes.getTotalLoadedClassCount()));
    meter
        .counterBuilder("jvm.class.unloaded")
        .setDescription("Number of classes unloaded since JVM start.")
        .setUnit("{class}")
        .buildWithCallback(m -> m.record(classes.getUnloadedClassCount()));
    meter
        .upDownCounterBuilder("jvm.class.count")
        .setDescription("Number of classes currently loaded.")
        .setUnit("{class}")
        .buildWithCallback(m -> m.record(classes.getLoadedClassCount()));
  }
}
