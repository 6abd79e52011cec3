package dev.meerkat.agent.tooling;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.Meter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * {@code jvm.gc.duration}: a histogram fed by the GC notifications every collection emits, so each
 * pause is measured rather than sampled.
 */
final class JvmGcMetrics implements NotificationListener {
  private static final AttributeKey<String> GC_NAME = AttributeKey.stringKey("jvm.gc.name");
  private static final AttributeKey<String> GC_ACTION = AttributeKey.stringKey("jvm.gc.action");

  private final DoubleHistogram duration;

  private JvmGcMetrics(DoubleHistogram duration) {
    this.duration = duration;
  }

  static void register(Meter meter) {
    DoubleHistogram duration =
        meter
            .histogramBuilder("jvm.gc.duration")
            .setDescription("Duration of JVM garbage collection actions.")
            .setUnit("s")
            .setExplicitBucketBoundariesAdvice(Arrays.asList(0.01, 0.1, 1.0, 10.0))
            .build();
    JvmGcMetrics listener = new JvmGcMetrics(duration);
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (collector instanceof NotificationEmitter) {
        ((NotificationEmitter) collector).addNotificationListener(listener, null, null);
      }
    }
  }

  @Override
  public void handleNotification(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
        notification.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    duration.record(
        info.getGcInfo().getDuration() / 1000.0,
        Attributes.of(GC_NAME, info.getGcName(), GC_ACTION, info.getGcAction()));
  }
}
