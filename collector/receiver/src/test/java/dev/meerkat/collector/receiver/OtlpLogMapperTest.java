package dev.meerkat.collector.receiver;

import static dev.meerkat.collector.receiver.Otlp.START;
import static dev.meerkat.collector.receiver.Otlp.attribute;
import static dev.meerkat.collector.receiver.Otlp.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.meerkat.store.model.LogRecord;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.logs.v1.LogRecord.Builder;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import java.util.List;
import org.junit.jupiter.api.Test;

class OtlpLogMapperTest {

  private static final long RECEIVED = START + 999;

  private static ExportLogsServiceRequest export(Builder... records) {
    ScopeLogs.Builder scope = ScopeLogs.newBuilder().setScope(Otlp.scope());
    for (Builder record : records) {
      scope.addLogRecords(record);
    }
    return ExportLogsServiceRequest.newBuilder()
        .addResourceLogs(
            ResourceLogs.newBuilder().setResource(Otlp.resource("shop")).addScopeLogs(scope))
        .build();
  }

  // An OTLP log record builder, reached through ScopeLogs: OTLP's LogRecord shares its simple
  // name with the store's.
  private static Builder log() {
    return ScopeLogs.newBuilder().addLogRecordsBuilder();
  }

  private static LogRecord expected(
      long time, long observed, int severity, String text, String body, String trace, String span) {
    return new LogRecord(
        time,
        observed,
        severity,
        text,
        body,
        trace,
        span,
        trace.isEmpty() ? 0 : 1,
        "",
        "shop",
        List.of(),
        List.of(),
        List.of("service.name", "host.name"),
        List.of("shop", "vm-1"),
        "io.meerkat.test",
        "1.2");
  }

  @Test
  void mapsCorrelatedAndPlainLogsAndRendersNonStringBodiesAsJson() {
    AnyValue structured =
        AnyValue.newBuilder()
            .setKvlistValue(
                KeyValueList.newBuilder()
                    .addValues(attribute("msg", "said \"hi\"\n"))
                    .addValues(attribute("n", 3))
                    .addValues(
                        KeyValue.newBuilder()
                            .setKey("list")
                            .setValue(
                                AnyValue.newBuilder()
                                    .setArrayValue(
                                        ArrayValue.newBuilder()
                                            .addValues(AnyValue.newBuilder().setBoolValue(true))
                                            .addValues(AnyValue.newBuilder().setDoubleValue(1.5))
                                            .addValues(
                                                AnyValue.newBuilder()
                                                    .setBytesValue(
                                                        ByteString.copyFrom(new byte[] {1, 2})))
                                            .addValues(AnyValue.getDefaultInstance())))))
            .build();
    ExportLogsServiceRequest request =
        export(
            log()
                .setTimeUnixNano(START)
                .setObservedTimeUnixNano(START + 5)
                .setSeverityNumber(SeverityNumber.SEVERITY_NUMBER_ERROR)
                .setSeverityText("ERROR")
                .setBody(Otlp.string("payment failed"))
                .setTraceId(id(Otlp.TRACE_ID))
                .setSpanId(id(Otlp.SPAN_ID))
                .setFlags(1),
            // No time: the observed time stands in.
            log().setObservedTimeUnixNano(START + 7).setBody(structured),
            // Neither time: the time it was received.
            log().setBody(AnyValue.newBuilder().setIntValue(12)));

    OtlpLogMapper.Result result = OtlpLogMapper.map(request, Otlp.unlimited(), RECEIVED);

    assertThat(result.rejected()).isZero();
    assertThat(result.logs())
        .containsExactly(
            expected(START, START + 5, 17, "ERROR", "payment failed", Otlp.TRACE_ID, Otlp.SPAN_ID),
            expected(
                START + 7,
                START + 7,
                0,
                "",
                "{\"msg\":\"said \\\"hi\\\"\\n\",\"n\":3,\"list\":[true,1.5,\"AQI=\",null]}",
                "",
                ""),
            expected(RECEIVED, 0, 0, "", "12", "", ""));
  }

  @Test
  void keepsEventNameAndLimitsAttributesButNotTheBody() {
    IngestLimiter limiter = IngestLimiter.create(new IngestLimits(1, 128, 128, 3));
    String body = "a long body that is not shortened";
    ExportLogsServiceRequest request =
        export(
            log()
                .setTimeUnixNano(START)
                .setEventName("checkout.done")
                .setBody(Otlp.string(body))
                .addAttributes(attribute("user", "alice"))
                .addAttributes(attribute("cart", "c-1")));

    LogRecord record = OtlpLogMapper.map(request, limiter, RECEIVED).logs().get(0);

    assertThat(record.body()).isEqualTo(body);
    assertThat(record.eventName()).isEqualTo("checkout.done");
    assertThat(record.attributeKeys()).containsExactly("user");
    assertThat(record.attributeValues()).containsExactly("ali");
    assertThat(record.resourceKeys()).containsExactly("service.name");
    assertThat(record.resourceValues()).containsExactly("sho");
    assertThat(limiter.truncated(Truncation.ATTRIBUTES)).isEqualTo(2 - 1);
    assertThat(limiter.truncated(Truncation.RESOURCE_ATTRIBUTES)).isEqualTo(2 - 1);
    assertThat(limiter.truncated(Truncation.ATTRIBUTE_VALUES)).isEqualTo(2);
  }

  @Test
  void rejectsRecordsWithMalformedIdsAndSaysWhy() {
    ExportLogsServiceRequest request =
        export(
            log().setTraceId(ByteString.copyFrom(new byte[3])),
            log().setSpanId(ByteString.copyFrom(new byte[4])),
            log().setTimeUnixNano(START));

    OtlpLogMapper.Result result = OtlpLogMapper.map(request, Otlp.unlimited(), RECEIVED);

    assertThat(result.logs()).hasSize(1);
    assertThat(result.rejected()).isEqualTo(2);
    assertThat(result.firstRejection())
        .isEqualTo("log record has a trace_id of 3 bytes, expected 16 or none");
  }
}
