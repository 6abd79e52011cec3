package dev.meerkat.collector.receiver;

import static dev.meerkat.collector.receiver.GoldenRequests.START;
import static dev.meerkat.collector.receiver.GoldenRequests.TRACE_ID;
import static dev.meerkat.collector.receiver.GoldenRequests.attribute;
import static dev.meerkat.collector.receiver.GoldenRequests.expectedSpans;
import static dev.meerkat.collector.receiver.GoldenRequests.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import dev.meerkat.store.model.SpanKind;
import dev.meerkat.store.model.SpanRecord;
import dev.meerkat.store.model.SpanStatus;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The direct protobuf decoder ({@link OtlpTraceDecoder}): hand-written cases for what reading field
 * by field adds (unknown fields, wrong wire types, field order, repeated fields, UTF-8, interning),
 * and seeded mutations checked against {@code parseFrom} + {@link OtlpSpanMapper}, the path the
 * receivers took before and that JSON still takes.
 */
class OtlpTraceDecoderTest {

  private static final long SEED = 20261130L;
  private static final int MUTATIONS = 30_000;

  private static OtlpSpanMapper.Result decode(byte[] body) throws InvalidProtocolBufferException {
    return OtlpTraceDecoder.decode(body, Otlp.unlimited());
  }

  private static UnknownFieldSet unknownFields(int number) {
    return UnknownFieldSet.newBuilder()
        .addField(
            number,
            UnknownFieldSet.Field.newBuilder()
                .addVarint(300)
                .addFixed32(7)
                .addFixed64(8)
                .addLengthDelimited(ByteString.copyFromUtf8("ignored"))
                .addGroup(
                    UnknownFieldSet.newBuilder()
                        .addField(1, UnknownFieldSet.Field.newBuilder().addVarint(1).build())
                        .build())
                .build())
        .build();
  }

  @Test
  void unknownFieldsOfEveryWireTypeAreSkippedAtEveryLevel() throws Exception {
    ExportTraceServiceRequest.Builder request = GoldenRequests.traces().toBuilder();
    request.setUnknownFields(unknownFields(99));
    ResourceSpans.Builder resourceSpans = request.getResourceSpansBuilder(0);
    resourceSpans.setUnknownFields(unknownFields(98));
    resourceSpans.getResourceBuilder().setUnknownFields(unknownFields(97));
    ScopeSpans.Builder scopeSpans = resourceSpans.getScopeSpansBuilder(0);
    scopeSpans.setUnknownFields(unknownFields(96));
    scopeSpans.getScopeBuilder().setUnknownFields(unknownFields(95));
    Span.Builder span = scopeSpans.getSpansBuilder(0);
    span.setUnknownFields(unknownFields(94));
    span.getStatusBuilder().setUnknownFields(unknownFields(93));
    span.getAttributesBuilder(0).setUnknownFields(unknownFields(92));
    span.getAttributesBuilder(0).getValueBuilder().setUnknownFields(unknownFields(91));
    scopeSpans.getSpansBuilder(1).getLinksBuilder(0).setUnknownFields(unknownFields(90));

    OtlpSpanMapper.Result result = decode(request.build().toByteArray());

    assertThat(result.spans()).containsExactlyElementsOf(expectedSpans());
    assertThat(result.rejected()).isZero();
  }

  @Test
  void aKnownFieldNumberWithAnotherWireTypeIsAnUnknownField() throws Exception {
    // Field 5 (name) as a varint, field 9 (attributes) as a fixed32: protobuf-java skips both.
    ExportTraceServiceRequest.Builder request = GoldenRequests.traces().toBuilder();
    Span.Builder span =
        request.getResourceSpansBuilder(0).getScopeSpansBuilder(0).getSpansBuilder(0);
    span.clearName()
        .setUnknownFields(
            UnknownFieldSet.newBuilder()
                .addField(5, UnknownFieldSet.Field.newBuilder().addVarint(1).build())
                .addField(9, UnknownFieldSet.Field.newBuilder().addFixed32(2).build())
                .build());

    OtlpSpanMapper.Result result = decode(request.build().toByteArray());

    SpanRecord server = expectedSpans().get(0);
    assertThat(result.spans().get(0).spanName()).isEqualTo("");
    assertThat(result.spans().get(0).attributeValues()).isEqualTo(server.attributeValues());
  }

  @Test
  void aResourceAfterItsScopeSpansIsStillTheSpansResource() throws Exception {
    ResourceSpans golden = GoldenRequests.traces().getResourceSpans(0);
    // Concatenated messages merge: the scope spans first, then the resource.
    byte[] resourceSpans =
        concat(
            golden.toBuilder().clearResource().build().toByteArray(),
            ResourceSpans.newBuilder().setResource(golden.getResource()).build().toByteArray());

    OtlpSpanMapper.Result result = decode(field(1, resourceSpans));

    assertThat(result.spans()).containsExactlyElementsOf(expectedSpans());
  }

  @Test
  void repeatedMessageFieldsMergeAsInProtobuf() throws Exception {
    // The status in two parts, and one attribute value sent twice: a string, then an int; and an
    // array value in two parts.
    Span server = GoldenRequests.traces().getResourceSpans(0).getScopeSpans(0).getSpans(0);
    byte[] span =
        concat(
            server.toBuilder().clearStatus().clearAttributes().build().toByteArray(),
            Span.newBuilder()
                .setStatus(Status.newBuilder().setMessage("boom"))
                .build()
                .toByteArray(),
            Span.newBuilder().setStatus(Status.newBuilder().setCodeValue(2)).build().toByteArray(),
            field(
                9,
                concat(
                    KeyValue.newBuilder()
                        .setKey("retries")
                        .setValue(Otlp.string("many"))
                        .build()
                        .toByteArray(),
                    KeyValue.newBuilder()
                        .setValue(AnyValue.newBuilder().setIntValue(3))
                        .build()
                        .toByteArray())),
            field(
                9,
                concat(
                    KeyValue.newBuilder().setKey("tags").setValue(array("a")).build().toByteArray(),
                    KeyValue.newBuilder().setValue(array("b", "c")).build().toByteArray())));

    OtlpSpanMapper.Result result = decode(request(span));

    SpanRecord record = result.spans().get(0);
    assertThat(record.status()).isEqualTo(SpanStatus.ERROR);
    assertThat(record.statusMessage()).isEqualTo("boom");
    assertThat(record.attributeKeys()).containsExactly("retries", "tags");
    assertThat(record.attributeValues()).containsExactly("3", "[a, b, c]");
  }

  @Test
  void emptyStringsAndIdsStayEmptyAndAReplacementCharacterIsText() throws Exception {
    Span span =
        Span.newBuilder()
            .setTraceId(id(TRACE_ID))
            .setSpanId(id("eee19b7ec3c1b174"))
            .setKind(Span.SpanKind.SPAN_KIND_INTERNAL)
            .setStartTimeUnixNano(START)
            .setEndTimeUnixNano(START + 1)
            .addAttributes(attribute("", ""))
            .addAttributes(attribute("note", "\uFFFD caf\u00e9 \uD83D\uDE00"))
            .build();

    OtlpSpanMapper.Result result = decode(request(span.toByteArray()));

    SpanRecord record = result.spans().get(0);
    assertThat(record.spanName()).isEqualTo("");
    assertThat(record.parentSpanId()).isEqualTo("");
    assertThat(record.kind()).isEqualTo(SpanKind.INTERNAL);
    assertThat(record.attributeKeys()).containsExactly("", "note");
    assertThat(record.attributeValues()).containsExactly("", "\uFFFD caf\u00e9 \uD83D\uDE00");
  }

  @Test
  void aStringThatIsNotUtf8FailsTheRequestAsProtobufDoes() throws Exception {
    // OTLP strings are proto3 strings: UTF-8 is required, protobuf-java refuses the message.
    byte[] name = {'G', 'E', 'T', ' ', (byte) 0xC3, (byte) 0x28};
    byte[] span =
        concat(
            GoldenRequests.traces().getResourceSpans(0).getScopeSpans(0).getSpans(0).toByteArray(),
            field(5, name));

    InvalidProtocolBufferException failure =
        catchThrowableOfType(InvalidProtocolBufferException.class, () -> decode(request(span)));

    assertThat(failure).hasMessage("Protocol message had invalid UTF-8.");
  }

  @Test
  void repeatedStringsOfARequestAreOneInstance() throws Exception {
    List<SpanRecord> spans = decode(GoldenRequests.traces().toByteArray()).spans();
    List<SpanRecord> again = decode(GoldenRequests.traces().toByteArray()).spans();

    assertThat(spans.get(1).traceId()).isSameAs(spans.get(0).traceId());
    assertThat(spans.get(1).parentSpanId()).isSameAs(spans.get(0).spanId());
    // Not across requests: a table entry points into its request's buffer.
    assertThat(again.get(0).traceId()).isNotSameAs(spans.get(0).traceId()).isEqualTo(TRACE_ID);
  }

  @Test
  void limitsTruncateAndCountAsTheMapperDoesOnlyForStoredSpans() throws Exception {
    IngestLimiter limiter = IngestLimiter.create(new IngestLimits(1, 0, 0, 3));
    ExportTraceServiceRequest.Builder request = GoldenRequests.traces().toBuilder();
    request
        .getResourceSpansBuilder(0)
        .getScopeSpansBuilder(0)
        .addSpans(
            Span.newBuilder()
                .setName("bad")
                .setSpanId(ByteString.copyFrom(new byte[3]))
                .addAttributes(attribute("a", "long value"))
                .addAttributes(attribute("b", "dropped"))
                .addEvents(Span.Event.newBuilder().setName("dropped with its span"))
                .addLinks(Span.Link.newBuilder().setTraceState("dropped with its span")));

    OtlpSpanMapper.Result result = OtlpTraceDecoder.decode(request.build().toByteArray(), limiter);

    assertThat(result.rejected()).isEqualTo(1);
    assertThat(result.firstRejection())
        .isEqualTo("span 'bad' has a trace_id of 0 bytes, expected 16");
    assertThat(result.spans().get(0).attributeKeys()).containsExactly("http.request.method");
    assertThat(result.spans().get(0).attributeValues()).containsExactly("GET");
    assertThat(result.spans().get(0).resourceValues()).containsExactly("che");
    assertThat(result.spans().get(1).links()).isEmpty();
    // Resource: 1 attribute dropped, 1 value shortened; server span: 2 dropped; client span: 4
    // dropped, "POST" shortened, 1 link dropped. Nothing of the rejected span.
    assertThat(limiter.truncated(Truncation.RESOURCE_ATTRIBUTES)).isEqualTo(1);
    assertThat(limiter.truncated(Truncation.ATTRIBUTES)).isEqualTo(2 + 4);
    assertThat(limiter.truncated(Truncation.ATTRIBUTE_VALUES)).isEqualTo(2);
    assertThat(limiter.truncated(Truncation.LINKS)).isEqualTo(1);
    assertThat(limiter.truncated(Truncation.EVENTS)).isZero();
  }

  @Test
  void aRequestThatDoesNotDecodeCountsNoTruncation() {
    IngestLimiter limiter = IngestLimiter.create(new IngestLimits(1, 0, 0, 3));
    byte[] body = GoldenRequests.traces().toByteArray();
    byte[] cut = Arrays.copyOf(body, body.length - 3);

    assertThat(
            catchThrowableOfType(
                InvalidProtocolBufferException.class, () -> OtlpTraceDecoder.decode(cut, limiter)))
        .isNotNull();
    for (Truncation what : Truncation.values()) {
      assertThat(limiter.truncated(what)).as(what.label()).isZero();
    }
  }

  @Test
  void mutatedRequestsDecodeAsParseFromAndTheMapperDo() throws Exception {
    Random random = new Random(SEED);
    OtlpMutator mutator = new OtlpMutator(random);
    byte[][] valid = {GoldenRequests.traces().toByteArray(), withEventsLinksAndLongValues()};
    int[] outcomes = new int[2];
    for (int i = 0; i < MUTATIONS; i++) {
      byte[] body = mutator.mutate(valid[random.nextInt(valid.length)], false);
      IngestLimits limits =
          random.nextBoolean() ? IngestLimits.defaults() : new IngestLimits(2, 1, 1, 5);
      outcomes[sameAsParseFromAndMapper(body, limits, "mutation " + i)]++;
    }
    // Both outcomes are reached often, or the comparison proves little.
    assertThat(outcomes[0]).isGreaterThan(MUTATIONS / 20);
    assertThat(outcomes[1]).isGreaterThan(MUTATIONS / 20);
  }

  /** 0: both decoded the same; 1: both failed with the same message. */
  private static int sameAsParseFromAndMapper(byte[] body, IngestLimits limits, String what) {
    IngestLimiter direct = IngestLimiter.create(limits);
    IngestLimiter reference = IngestLimiter.create(limits);
    OtlpSpanMapper.Result expected;
    try {
      expected = OtlpSpanMapper.map(ExportTraceServiceRequest.parseFrom(body), reference);
    } catch (InvalidProtocolBufferException e) {
      InvalidProtocolBufferException failure =
          catchThrowableOfType(
              InvalidProtocolBufferException.class, () -> OtlpTraceDecoder.decode(body, direct));
      assertThat(failure).as(what).isNotNull();
      assertThat(failure.getMessage()).as(what).isEqualTo(e.getMessage());
      return 1;
    }
    OtlpSpanMapper.Result actual;
    try {
      actual = OtlpTraceDecoder.decode(body, direct);
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError(what + ": direct decoder failed, parseFrom did not: " + e, e);
    }
    assertThat(actual).as(what).isEqualTo(expected);
    for (Truncation truncation : Truncation.values()) {
      assertThat(direct.truncated(truncation))
          .as(what + " " + truncation.label())
          .isEqualTo(reference.truncated(truncation));
    }
    return 0;
  }

  private static byte[] withEventsLinksAndLongValues() {
    ExportTraceServiceRequest.Builder request = GoldenRequests.traces().toBuilder();
    Span.Builder span =
        request.getResourceSpansBuilder(0).getScopeSpansBuilder(0).getSpansBuilder(0);
    for (int i = 0; i < 3; i++) {
      span.addEvents(
          Span.Event.newBuilder()
              .setTimeUnixNano(START + i)
              .setName("event " + i)
              .addAttributes(attribute("exception.stacktrace", "at Shop.buy(Shop.java:42)"))
              .addAttributes(attribute("exception.message", "no stock " + i))
              .addAttributes(attribute("n", AnyValue.newBuilder().setIntValue(i))));
      span.addLinks(
          Span.Link.newBuilder()
              .setTraceId(id(TRACE_ID))
              .setSpanId(id("b7ad6b716920333" + i))
              .setTraceState("k=" + i)
              .addAttributes(attribute("link.kind", "follows")));
    }
    span.addAttributes(attribute("tags", array("x", "y")))
        .addAttributes(
            attribute(
                "kv",
                AnyValue.newBuilder()
                    .setKvlistValue(KeyValueList.newBuilder().addValues(attribute("a", "1")))))
        .addAttributes(
            attribute("bytes", AnyValue.newBuilder().setBytesValue(ByteString.copyFromUtf8("ab"))))
        .addAttributes(attribute("SampleRate", "4"))
        .addAttributes(attribute("http.route", "/a/very/long/route/{id}"));
    return request.build().toByteArray();
  }

  private static AnyValue.Builder array(String... values) {
    ArrayValue.Builder array = ArrayValue.newBuilder();
    for (String value : values) {
      array.addValues(Otlp.string(value));
    }
    return AnyValue.newBuilder().setArrayValue(array);
  }

  /** An export of one resource (the golden one) and scope with {@code span} as its only span. */
  private static byte[] request(byte[] span) throws IOException {
    ResourceSpans golden = GoldenRequests.traces().getResourceSpans(0);
    byte[] scopeSpans =
        concat(field(1, golden.getScopeSpans(0).getScope().toByteArray()), field(2, span));
    byte[] resourceSpans =
        concat(field(1, golden.getResource().toByteArray()), field(2, scopeSpans));
    return field(1, resourceSpans);
  }

  private static byte[] field(int number, byte[] message) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    out.writeByteArray(number, message);
    out.flush();
    return bytes.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      bytes.writeBytes(part);
    }
    return bytes.toByteArray();
  }
}
