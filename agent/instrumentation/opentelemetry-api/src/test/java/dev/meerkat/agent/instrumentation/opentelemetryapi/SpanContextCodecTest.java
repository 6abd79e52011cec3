package dev.meerkat.agent.instrumentation.opentelemetryapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpanContextCodecTest {
  private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
  private static final String SPAN = "b7ad6b7169203331";

  @Test
  void keepsIdsFlagsRemotenessAndTraceStateOrder() {
    TraceState state = TraceState.builder().put("b", "2").put("a", "1").build();
    SpanContext remote =
        SpanContext.createFromRemoteParent(TRACE, SPAN, TraceFlags.getSampled(), state);

    String[] encoded = SpanContextCodec.encode(remote);
    Span wrapped = SpanContextCodec.wrap(encoded);

    assertThat(encoded).containsExactly(TRACE, SPAN, "01", "remote", "a", "1", "b", "2");
    assertThat(wrapped.getSpanContext()).isEqualTo(remote);
    assertThat(SpanContextCodec.encode(wrapped.getSpanContext())).containsExactly(encoded);
  }

  @Test
  void anInvalidContextWrapsToNothing() {
    assertThat(SpanContextCodec.wrap(SpanContextCodec.encode(SpanContext.getInvalid()))).isNull();
  }

  @Test
  void decodesTheApplicationsAttributesAndDropsUnknownTypes() {
    Attributes attributes =
        AttributeCodec.decode(
            new Object[] {
              "STRING",
              "s",
              "v",
              "LONG",
              "l",
              3L,
              "DOUBLE",
              "d",
              1.5,
              "BOOLEAN",
              "b",
              true,
              "STRING_ARRAY",
              "sa",
              List.of("x", "y"),
              "VALUE",
              "newer",
              "ignored"
            });

    assertThat(attributes)
        .isEqualTo(
            Attributes.builder()
                .put("s", "v")
                .put("l", 3L)
                .put("d", 1.5)
                .put("b", true)
                .put(AttributeKey.stringArrayKey("sa"), List.of("x", "y"))
                .build());
  }
}
