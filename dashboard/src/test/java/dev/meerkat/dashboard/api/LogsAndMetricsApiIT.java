package dev.meerkat.dashboard.api;

import static dev.meerkat.dashboard.api.SeededTelemetry.GC_BOUNDS;
import static dev.meerkat.dashboard.api.SeededTelemetry.GC_M1_LATE;
import static dev.meerkat.dashboard.api.SeededTelemetry.GC_M2;
import static dev.meerkat.dashboard.api.SeededTelemetry.M1;
import static dev.meerkat.dashboard.api.SeededTelemetry.M2;
import static dev.meerkat.dashboard.api.SeededTelemetry.gcSum;
import static dev.meerkat.dashboard.api.SeededTelemetry.serverSpanId;
import static dev.meerkat.dashboard.api.SeededTelemetry.traceId;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Log search and metric series over HTTP against seeded log records, gauge and histogram points.
 */
class LogsAndMetricsApiIT extends ApiTestBase {

  @Test
  void findsLogsOfAtLeastOneSeverityNewestFirst() throws Exception {
    JsonNode body = ok("/api/v1/logs?severity=warn&window=2m");

    assertThat(each(body.get("logs"), "body"))
        .containsExactly("slow index", "payment declined for order 7");
    JsonNode declined = body.get("logs").get(1);
    assertThat(declined.get("time").asString()).isEqualTo(M1.plusSeconds(5).toString());
    assertThat(declined.get("severityNumber").asInt()).isEqualTo(17);
    assertThat(declined.get("severityText").asString()).isEqualTo("ERROR");
    assertThat(declined.get("service").asString()).isEqualTo("checkout");
    assertThat(declined.get("traceId").asString()).isEqualTo(traceId(7));
    assertThat(declined.get("spanId").asString()).isEqualTo(serverSpanId(7));
    assertThat(body.get("nextCursor").isNull()).isTrue();
  }

  @Test
  void findsLogsByTextAndByTrace() throws Exception {
    assertThat(each(ok("/api/v1/logs?text=declined&window=2m").get("logs"), "body"))
        .containsExactly("payment declined for order 7");
    assertThat(each(ok("/api/v1/logs?traceId=" + traceId(7) + "&window=2m").get("logs"), "body"))
        .containsExactly("payment declined for order 7");
    assertThat(each(ok("/api/v1/logs?service=search&severity=13&window=2m").get("logs"), "body"))
        .containsExactly("slow index");
  }

  @Test
  void pagesThroughLogsWithTheCursor() throws Exception {
    String path = "/api/v1/logs?service=checkout&window=2m&limit=1";
    JsonNode first = ok(path);
    JsonNode second = ok(path + "&cursor=" + first.get("nextCursor").asString());

    assertThat(each(first.get("logs"), "body")).containsExactly("payment accepted");
    assertThat(each(second.get("logs"), "body")).containsExactly("payment declined for order 7");
  }

  @Test
  void answersGaugeSeriesPerStepForTheSelectedLabels() throws Exception {
    JsonNode body =
        ok(
            "/api/v1/metrics?name=jvm.memory.used&label=area=heap&label=service.name=checkout"
                + "&window=2m&step=1m");

    assertThat(body.get("stepSeconds").asLong()).isEqualTo(60);
    assertThat(body.get("aggregation").asString()).isEqualTo("AVG");
    JsonNode series = body.get("series");
    assertThat(series.size()).isEqualTo(1);
    assertThat(labels(series.get(0))).isEqualTo(Map.of("area", "heap", "service.name", "checkout"));
    // M1 holds 100 and 300 (mean 200), M2 holds 500.
    assertThat(samples(series.get(0))).containsExactly(M1 + "=200.0", M2 + "=500.0");
  }

  @Test
  void aggregatesPerStepAndExcludesByLabel() throws Exception {
    JsonNode body =
        ok(
            "/api/v1/metrics?name=jvm.memory.used&label=service.name!=search&aggregation=max"
                + "&window=2m&step=2m");

    JsonNode series = body.get("series");
    assertThat(series.size()).isEqualTo(2);
    assertThat(labels(series.get(0))).isEqualTo(Map.of("area", "heap", "service.name", "checkout"));
    assertThat(samples(series.get(0))).containsExactly(M1 + "=500.0");
    assertThat(labels(series.get(1)))
        .isEqualTo(Map.of("area", "nonheap", "service.name", "checkout"));
    assertThat(samples(series.get(1))).containsExactly(M1 + "=50.0");
  }

  @Test
  void answersHistogramCountSumAndBucketsPerStep() throws Exception {
    JsonNode body = ok("/api/v1/metrics?name=jvm.gc.duration&aggregation=last&window=2m&step=1m");

    assertThat(body.get("series").size()).isZero();
    JsonNode histograms = body.get("histograms");
    assertThat(histograms.size()).isEqualTo(1);
    JsonNode gc = histograms.get(0);
    assertThat(labels(gc))
        .isEqualTo(Map.of("jvm.gc.name", "G1 Young Generation", "service.name", "checkout"));
    // Cumulative, so each step's last point: M1+45s in M1, M2+15s in M2.
    JsonNode samples = gc.get("samples");
    assertThat(samples.size()).isEqualTo(2);
    assertHistogramSample(samples.get(0), M1, GC_M1_LATE);
    assertHistogramSample(samples.get(1), M2, GC_M2);
  }

  private static void assertHistogramSample(JsonNode sample, Instant start, long[] counts) {
    assertThat(sample.get("start").asString()).isEqualTo(start.toString());
    assertThat(sample.get("count").asLong()).isEqualTo(counts[0] + counts[1] + counts[2]);
    assertThat(sample.get("sum").asDouble()).isEqualTo(gcSum(counts));
    List<Double> bounds = new ArrayList<>();
    sample.get("bucketBounds").forEach(b -> bounds.add(b.asDouble()));
    assertThat(bounds).isEqualTo(GC_BOUNDS);
    List<Double> bucketCounts = new ArrayList<>();
    sample.get("bucketCounts").forEach(c -> bucketCounts.add(c.asDouble()));
    assertThat(bucketCounts)
        .containsExactly((double) counts[0], (double) counts[1], (double) counts[2]);
  }

  @Test
  void refusesLogAndMetricParametersItCannotUse() throws Exception {
    assertThat(error("/api/v1/logs?severity=loud", 400))
        .isEqualTo(
            "parameter 'severity' must be trace, debug, info, warn, error, fatal or a number"
                + " from 1 to 24, was 'loud'");
    assertThat(error("/api/v1/logs?limit=5001", 400))
        .isEqualTo("parameter 'limit' must be a whole number from 1 to 5000, was '5001'");
    assertThat(error("/api/v1/metrics?window=1h", 400))
        .isEqualTo("parameter 'name' is required: the metric name, e.g. jvm.memory.used");
    assertThat(error("/api/v1/metrics?name=x&window=30d&step=1s", 400))
        .isEqualTo(
            "parameter 'step' must be at least 1/11000 of the time range (PT720H), was '1s'");
    assertThat(error("/api/v1/metrics?name=x&aggregation=median", 400))
        .isEqualTo("parameter 'aggregation' must be one of avg, last, sum, min, max, was 'median'");
    assertThat(error("/api/v1/metrics?name=x&label=!=y", 400))
        .isEqualTo("parameter 'label' must be key=value or key!=value, was '!=y'");
  }

  private static Map<String, String> labels(JsonNode series) {
    Map<String, String> labels = new TreeMap<>();
    series.get("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asString()));
    return labels;
  }

  /** Samples as {@code start=value}. */
  private static List<String> samples(JsonNode series) {
    List<String> samples = new ArrayList<>();
    series
        .get("samples")
        .forEach(s -> samples.add(s.get("start").asString() + "=" + s.get("value").asDouble()));
    return samples;
  }
}
