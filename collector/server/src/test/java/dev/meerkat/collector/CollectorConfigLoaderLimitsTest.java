package dev.meerkat.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meerkat.collector.receiver.IngestLimits;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class CollectorConfigLoaderLimitsTest {

  @Test
  void defaultsTo128AttributesEventsAndLinksAnd4096Characters() {
    CollectorConfig config = CollectorConfigLoader.load(Map.of(), new Properties());

    assertThat(config.ingestLimits()).isEqualTo(new IngestLimits(128, 128, 128, 4096));
    assertThat(config.logPipeline()).isEqualTo(config.spanPipeline());
  }

  @Test
  void readsEachLimitFromEnvironmentAndSystemProperties() {
    Properties properties = new Properties();
    properties.setProperty("meerkat.max.attribute.value.length", "100");

    CollectorConfig config =
        CollectorConfigLoader.load(
            Map.of(
                "MEERKAT_MAX_ATTRIBUTES_PER_SPAN", "10",
                "MEERKAT_MAX_EVENTS_PER_SPAN", "20",
                "MEERKAT_MAX_LINKS_PER_SPAN", "30",
                "MEERKAT_MAX_ATTRIBUTE_VALUE_LENGTH", "40"),
            properties);

    assertThat(config.ingestLimits()).isEqualTo(new IngestLimits(10, 20, 30, 100));
  }

  @Test
  void refusesAZeroValueLength() {
    assertThatThrownBy(
            () ->
                CollectorConfigLoader.load(
                    Map.of("MEERKAT_MAX_ATTRIBUTE_VALUE_LENGTH", "0"), new Properties()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "ingest limits must not be negative and the value length must be at least 1:"
                + " attributes 128, events 128, links 128, value length 0");
  }
}
