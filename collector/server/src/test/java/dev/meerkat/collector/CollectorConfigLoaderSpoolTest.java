package dev.meerkat.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meerkat.collector.pipeline.SpoolSettings;
import dev.meerkat.collector.pipeline.spool.FsyncPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class CollectorConfigLoaderSpoolTest {

  @Test
  void spoolsUnderTheDataDirWithFsyncAlwaysByDefault() {
    CollectorConfig config =
        CollectorConfigLoader.load(
            Map.of("MEERKAT_DATA_DIR", "/var/lib/meerkat"), new Properties());

    assertThat(config.spool())
        .isEqualTo(
            new SpoolSettings(
                true,
                Path.of("/var/lib/meerkat/spool"),
                1L << 30,
                64L << 20,
                FsyncPolicy.ALWAYS,
                Duration.ofMillis(100)));
    assertThat(config.spanPipeline().writers()).isEqualTo(2);
    assertThat(config.spanPipeline().batchSize()).isEqualTo(50_000);
  }

  @Test
  void readsEverySpoolOption() {
    Properties properties = new Properties();
    properties.setProperty("meerkat.spool.fsync", "interval");
    CollectorConfig config =
        CollectorConfigLoader.load(
            Map.of(
                "MEERKAT_SPOOL_ENABLED", "false",
                "MEERKAT_SPOOL_DIR", "/spool",
                "MEERKAT_SPOOL_MAX_BYTES", "1048576",
                "MEERKAT_SPOOL_SEGMENT_BYTES", "65536",
                "MEERKAT_SPOOL_FSYNC_INTERVAL_MS", "250",
                "MEERKAT_WRITERS", "4"),
            properties);

    assertThat(config.spool())
        .isEqualTo(
            new SpoolSettings(
                false,
                Path.of("/spool"),
                1_048_576,
                65_536,
                FsyncPolicy.INTERVAL,
                Duration.ofMillis(250)));
    assertThat(config.spanPipeline().writers()).isEqualTo(4);
  }

  @Test
  void rejectsInvalidSpoolOptionsWithTheKeyInTheMessage() {
    assertThatThrownBy(
            () ->
                CollectorConfigLoader.load(
                    Map.of("MEERKAT_SPOOL_FSYNC", "never"), new Properties()))
        .hasMessage("MEERKAT_SPOOL_FSYNC must be always or interval, got 'never'");
    assertThatThrownBy(
            () ->
                CollectorConfigLoader.load(
                    Map.of("MEERKAT_SPOOL_ENABLED", "yes"), new Properties()))
        .hasMessage("MEERKAT_SPOOL_ENABLED must be true or false, got 'yes'");
    assertThatThrownBy(
            () ->
                CollectorConfigLoader.load(
                    Map.of("MEERKAT_SPOOL_MAX_BYTES", "1g"), new Properties()))
        .hasMessage("MEERKAT_SPOOL_MAX_BYTES must be a whole number of bytes, got '1g'");
    assertThatThrownBy(
            () ->
                CollectorConfigLoader.load(
                    Map.of("MEERKAT_SPOOL_MAX_BYTES", "100"), new Properties()))
        .hasMessage("MEERKAT_SPOOL_MAX_BYTES must be at least 1024 bytes, got 100");
  }
}
