package dev.meerkat.collector;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the collector until SIGTERM/SIGINT, then shuts it down gracefully. */
public final class CollectorMain {

  private static final Logger logger = LoggerFactory.getLogger(CollectorMain.class);

  private CollectorMain() {}

  public static void main(String[] args) throws InterruptedException {
    CollectorConfig config;
    try {
      config = CollectorConfigLoader.load();
    } catch (IllegalArgumentException e) {
      logger.error("Invalid configuration: {}", e.getMessage());
      System.exit(2);
      return;
    }
    Collector collector;
    try {
      collector = Collector.start(config);
    } catch (RuntimeException e) {
      logger.error("Collector failed to start: {}", e.getMessage(), e);
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    collector.close();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  } finally {
                    stopped.countDown();
                  }
                },
                "meerkat-collector-shutdown"));
    stopped.await();
  }
}
