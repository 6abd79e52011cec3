package dev.meerkat.collector.pipeline.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meerkat.store.model.ExponentialBuckets;
import dev.meerkat.store.model.LogRecord;
import dev.meerkat.store.model.MetricPointRecord;
import dev.meerkat.store.model.MetricType;
import dev.meerkat.store.model.SpanEvent;
import dev.meerkat.store.model.SpanKind;
import dev.meerkat.store.model.SpanLink;
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
          "1.2.3",
          List.of(
              new SpanEvent(
                  1_764_460_800_123_999_999L,
                  "exception",
                  List.of("exception.type", "exception.stacktrace"),
                  List.of("java.lang.IllegalStateException", "at a.B(B.java:1)\nCaused by: ✗")),
              new SpanEvent(Long.MIN_VALUE, "retry é", List.of(), List.of())),
          List.of(
              new SpanLink(
                  "5bf92f3577b34da6a3ce929d0e0e4737",
                  "10f067aa0ba902b9",
                  "rojo=00f067aa0ba902b7",
                  List.of("link.kind"),
                  List.of("follows-from ✓")),
              new SpanLink("", "", "", List.of(), List.of())));

  static final MetricPointRecord HISTOGRAM =
      MetricPointRecord.builder(MetricType.HISTOGRAM, "checkout", "http.server.request.duration")
          .time(1_764_460_800_000_000_001L, 1_764_460_800_987_654_321L)
          .description("Duration of HTTP server requests ⏱", "s")
          .aggregation(true, Temporality.CUMULATIVE)
          .flags(-1)
          .attributes(List.of("http.route"), List.of("/checkout/{id}"))
          .resource(List.of("service.name", "host.name"), List.of("checkout", "h1"))
          .scope("io.opentelemetry.tomcat-10.0", "2.33.1-alpha")
          .value(-0.7)
          .count(Long.MAX_VALUE)
          .minMax(-Double.MAX_VALUE, Double.POSITIVE_INFINITY)
          .buckets(List.of(0.1, 0.5, Double.MAX_VALUE), List.of(1L, 0L, 1L << 40, 7L))
          .build();

  static final MetricPointRecord EXPONENTIAL =
      MetricPointRecord.builder(MetricType.EXPONENTIAL_HISTOGRAM, "checkout", "rpc.duration")
          .time(1, 2)
          .flags(1)
          .value(12.5)
          .count(9)
          .minMax(0.001, 7)
          .exponential(
              new ExponentialBuckets(
                  -3,
                  Long.MAX_VALUE,
                  1e-9,
                  Integer.MIN_VALUE,
                  List.of(3L, 0L, 5L),
                  -2,
                  List.of(1L << 50)))
          .build();

  static final MetricPointRecord SUMMARY =
      MetricPointRecord.builder(MetricType.SUMMARY, "checkout", "gc.pause")
          .time(3, 4)
          .value(Double.NaN)
          .count(4)
          .quantiles(List.of(0.0, 0.5, 1.0), List.of(0.25, 1.5, Double.NEGATIVE_INFINITY))
          .build();

  static final MetricPointRecord GAUGE =
      MetricPointRecord.builder(MetricType.GAUGE, "", "jvm.threads.count")
          .description("", "{thread}")
          .value(42)
          .build();

  static final LogRecord LOG =
      new LogRecord(
          1_764_460_800_555_000_001L,
          1_764_460_800_555_000_002L,
          17,
          "ERROR ✗",
          "{\"message\":\"payment declined: карта\",\"code\":402}",
          "4bf92f3577b34da6a3ce929d0e0e4736",
          "00f067aa0ba902b7",
          -1,
          "payment.declined",
          "checkout-é",
          List.of("user.id", "ключ"),
          List.of("42", "значение"),
          List.of("service.name", "host.name"),
          List.of("checkout-é", "h1"),
          "org.slf4j",
          "2.0.17");

  static final LogRecord MINIMAL_LOG =
      new LogRecord(
          0, 0, 0, "", "", "", "", 0, "", "", List.of(), List.of(), List.of(), List.of(), "", "");

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
            "",
            List.of(),
            List.of());

    assertThat(roundTrip(new SpanRecordCodec(), List.of(SPAN, minimal)))
        .containsExactly(SPAN, minimal);
  }

  @Test
  void metricPointRoundTripsEveryField() {
    assertThat(
            roundTrip(
                new MetricPointRecordCodec(), List.of(HISTOGRAM, EXPONENTIAL, SUMMARY, GAUGE)))
        .containsExactly(HISTOGRAM, EXPONENTIAL, SUMMARY, GAUGE);
  }

  @Test
  void logRecordRoundTripsEveryField() {
    assertThat(roundTrip(new LogRecordCodec(), List.of(LOG, MINIMAL_LOG)))
        .containsExactly(LOG, MINIMAL_LOG);
  }

  @Test
  void readsSpansSpooledInVersion1WithoutEventsAndLinks() {
    // Byte for byte what the version 1 codec wrote (before spans had events and links).
    CodecOutput out = new CodecOutput(16);
    out.writeByte(1);
    out.writeVarLong(1);
    out.writeLong(1_764_460_800_123_456_789L);
    out.writeVarLong(250_000);
    out.writeString("4bf92f3577b34da6a3ce929d0e0e4736");
    out.writeString("00f067aa0ba902b7");
    out.writeString("");
    out.writeString("congo=t61rcWkgMzE");
    out.writeString("checkout");
    out.writeString("GET /checkout/{id}");
    out.writeByte(SpanKind.SERVER.ordinal());
    out.writeByte(SpanStatus.OK.ordinal());
    out.writeString("");
    out.writeString("GET");
    out.writeString("/checkout/{id}");
    out.writeVarLong(200);
    out.writeString("");
    out.writeDouble(1.0);
    out.writeStrings(List.of("http.route"));
    out.writeStrings(List.of("/checkout/{id}"));
    out.writeStrings(List.of("service.name"));
    out.writeStrings(List.of("checkout"));
    out.writeString("io.opentelemetry.tomcat-10.0");
    out.writeString("2.33.1-alpha");
    CodecInput in = new CodecInput(out.array(), 0, out.size());

    assertThat(new SpanRecordCodec().decode(in))
        .containsExactly(
            new SpanRecord(
                1_764_460_800_123_456_789L,
                250_000,
                "4bf92f3577b34da6a3ce929d0e0e4736",
                "00f067aa0ba902b7",
                "",
                "congo=t61rcWkgMzE",
                "checkout",
                "GET /checkout/{id}",
                SpanKind.SERVER,
                SpanStatus.OK,
                "",
                "GET",
                "/checkout/{id}",
                200,
                "",
                1.0,
                List.of("http.route"),
                List.of("/checkout/{id}"),
                List.of("service.name"),
                List.of("checkout"),
                "io.opentelemetry.tomcat-10.0",
                "2.33.1-alpha",
                List.of(),
                List.of()));
    assertThat(in.atEnd()).isTrue();
  }

  @Test
  void readsMetricPointsSpooledInVersion1WithEmptyNewFields() {
    // Byte for byte what the version 1 codec wrote (before points had start time, min, max, ...).
    CodecOutput out = new CodecOutput(16);
    out.writeByte(1);
    out.writeVarLong(1);
    out.writeLong(1_764_460_800_987_654_321L);
    out.writeString("checkout");
    out.writeString("http.server.request.duration");
    out.writeByte(MetricType.HISTOGRAM.ordinal());
    out.writeString("s");
    out.writeByte(0);
    out.writeByte(Temporality.DELTA.ordinal());
    out.writeStrings(List.of("http.route"));
    out.writeStrings(List.of("/checkout/{id}"));
    out.writeStrings(List.of("service.name"));
    out.writeStrings(List.of("checkout"));
    out.writeDouble(-0.7);
    out.writeVarLong(8);
    out.writeVarLong(2);
    out.writeDouble(0.1);
    out.writeDouble(0.5);
    out.writeVarLong(3);
    out.writeVarLong(1);
    out.writeVarLong(0);
    out.writeVarLong(7);
    CodecInput in = new CodecInput(out.array(), 0, out.size());

    assertThat(new MetricPointRecordCodec().decode(in))
        .containsExactly(
            new MetricPointRecord(
                1_764_460_800_987_654_321L,
                0,
                "checkout",
                "http.server.request.duration",
                "",
                MetricType.HISTOGRAM,
                "s",
                false,
                Temporality.DELTA,
                0,
                List.of("http.route"),
                List.of("/checkout/{id}"),
                List.of("service.name"),
                List.of("checkout"),
                "",
                "",
                -0.7,
                8,
                Double.NaN,
                Double.NaN,
                List.of(0.1, 0.5),
                List.of(1L, 0L, 7L),
                ExponentialBuckets.NONE,
                List.of(),
                List.of()));
    assertThat(in.atEnd()).isTrue();
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

  @Test
  void metricAndLogCodecsRefuseAnUnknownVersion() {
    CodecOutput points = new CodecOutput(16);
    new MetricPointRecordCodec().encode(List.of(GAUGE), points);
    points.array()[0] = 3;
    CodecOutput logs = new CodecOutput(16);
    new LogRecordCodec().encode(List.of(LOG), logs);
    logs.array()[0] = 2;

    assertThatThrownBy(
            () ->
                new MetricPointRecordCodec()
                    .decode(new CodecInput(points.array(), 0, points.size())))
        .hasMessage("unknown metric point codec version 3");
    assertThatThrownBy(
            () -> new LogRecordCodec().decode(new CodecInput(logs.array(), 0, logs.size())))
        .hasMessage("unknown log record codec version 2");
  }
}
