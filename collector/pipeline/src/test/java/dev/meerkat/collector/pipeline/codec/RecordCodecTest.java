package dev.meerkat.collector.pipeline.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meerkat.store.model.MetricPointRecord;
import dev.meerkat.store.model.MetricType;
import dev.meerkat.store.model.SpanKind;
import dev.meerkat.store.model.SpanRecord;
import dev.meerkat.store.model.SpanStatus;
import dev.meerkat.store.model.Temporality;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordCodecTest {

  // Every field set to a value that differs from its neighbours and from the default, with
  // non-ASCII text and extreme numbers, so a swapped or dropped field shows.
  static final SpanRecord SPAN =
      new SpanRecord(
          1_764_460_800_123_456_789L,
          Long.MAX_VALUE,
          "4bf92f3577b34da6a3ce929d0e0e4736",
          "00f067aa0ba902b7",
          "00f067aa0ba902b8",
          "congo=t61rcWkgMzE",
          "checkout-é",
          "GET /checkout/{id} ✓",
          SpanKind.CONSUMER,
          SpanStatus.ERROR,
          "boom: 💥",
          "GET",
          "/checkout/{id}",
          503,
          "billing.internal",
          0.125,
          List.of("http.route", "ключ"),
          List.of("/checkout/{id}", "значение"),
          List.of("service.name"),
          List.of("checkout-é"),
          "meerkat-test",
          "1.2.3");

  static final MetricPointRecord HISTOGRAM =
      new MetricPointRecord(
          1_764_460_800_987_654_321L,
          "checkout",
          "http.server.request.duration",
          MetricType.HISTOGRAM,
          "s",
          true,
          Temporality.CUMULATIVE,
          List.of("http.route"),
          List.of("/checkout/{id}"),
          List.of("service.name", "host.name"),
          List.of("checkout", "h1"),
          -0.7,
          Long.MAX_VALUE,
          List.of(0.1, 0.5, Double.MAX_VALUE),
          List.of(1L, 0L, 1L << 40, 7L));

  static final MetricPointRecord GAUGE =
      new MetricPointRecord(
          0,
          "",
          "jvm.threads.count",
          MetricType.GAUGE,
          "{thread}",
          false,
          Temporality.UNSPECIFIED,
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          42,
          0,
          List.of(),
          List.of());

  private static <T> List<T> roundTrip(RecordCodec<T> codec, List<T> items) {
    CodecOutput out = new CodecOutput(16);
    codec.encode(items, out);
    CodecInput in = new CodecInput(out.array(), 0, out.size());
    List<T> decoded = codec.decode(in);
    assertThat(in.atEnd()).isTrue();
    return decoded;
  }

  @Test
  void spanRoundTripsEveryField() {
    SpanRecord minimal =
        new SpanRecord(
            0,
            0,
            "",
            "",
            "",
            "",
            "",
            "",
            SpanKind.UNSPECIFIED,
            SpanStatus.UNSET,
            "",
            "",
            "",
            0,
            "",
            1.0,
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            "",
            "");

    assertThat(roundTrip(new SpanRecordCodec(), List.of(SPAN, minimal)))
        .containsExactly(SPAN, minimal);
  }

  @Test
  void metricPointRoundTripsEveryField() {
    assertThat(roundTrip(new MetricPointRecordCodec(), List.of(HISTOGRAM, GAUGE)))
        .containsExactly(HISTOGRAM, GAUGE);
  }

  @Test
  void refusesAnUnknownVersionAndATruncatedPayload() {
    CodecOutput out = new CodecOutput(16);
    new SpanRecordCodec().encode(List.of(SPAN), out);
    byte[] bytes = out.array().clone();
    bytes[0] = 9;

    assertThatThrownBy(() -> new SpanRecordCodec().decode(new CodecInput(bytes, 0, out.size())))
        .hasMessage("unknown span codec version 9");
    assertThatThrownBy(
            () -> new SpanRecordCodec().decode(new CodecInput(out.array(), 0, out.size() - 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("spool record ends early at byte ");
  }
}
