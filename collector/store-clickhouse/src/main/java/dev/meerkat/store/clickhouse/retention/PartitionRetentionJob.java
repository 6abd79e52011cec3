package dev.meerkat.store.clickhouse.retention;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link ClickHousePartitionRetention} at start and then every {@code interval} on the given
 * scheduler. A failed run is logged and the schedule goes on: ClickHouse may be down for a while.
 * Several collectors may run it at once; dropping a partition that is already gone does nothing.
 */
public final class PartitionRetentionJob implements AutoCloseable {

  /** Hourly: days are the unit of retention, so an hour late is soon enough. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);

  private static final Logger logger = LoggerFactory.getLogger(PartitionRetentionJob.class);

  private final ScheduledExecutorService scheduler;

  private PartitionRetentionJob(ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
  }

  /** Schedules the first run now and the next ones every {@code interval}. */
  public static PartitionRetentionJob start(
      ClickHousePartitionRetention retention,
      ScheduledExecutorService scheduler,
      Duration interval) {
    scheduler.scheduleWithFixedDelay(
        () -> runLogged(retention), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    return new PartitionRetentionJob(scheduler);
  }

  private static void runLogged(ClickHousePartitionRetention retention) {
    try {
      int dropped = retention.run().size();
      logger.debug("Retention run dropped {} partitions", dropped);
    } catch (RuntimeException e) {
      logger.warn("Retention run failed; trying again at the next run: {}", e.toString());
    }
  }

  /** Stops the schedule; a run in progress is interrupted. */
  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
