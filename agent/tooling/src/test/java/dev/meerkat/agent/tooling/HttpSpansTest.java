package dev.meerkat.agent.tooling;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class HttpSpansTest {
  private final List<SpanData> ended = new CopyOnWriteArrayList<>();
  private final SdkTracerProvider tracerProvider =
      SdkTracerProvider.builder().addSpanProcessor(new Collecting()).build();

  @Test
  void clientMarksFourHundredsAsErrorsButServerDoesNot() {
    HttpSpans.endClient(span(), 404, null);
    HttpSpans.endServer(span(), 404, null);

    assertThat(ended.get(0).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(ended.get(0).getAttributes().get(HttpSpans.ERROR_TYPE)).isEqualTo("404");
    assertThat(ended.get(1).getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(ended.get(1).getAttributes().get(HttpSpans.ERROR_TYPE)).isNull();
    assertThat(ended.get(1).getAttributes().get(HttpSpans.HTTP_RESPONSE_STATUS_CODE))
        .isEqualTo(404L);
  }

  @Test
  void serverMarksFiveHundredsAsErrors() {
    HttpSpans.endServer(span(), 503, null);

    assertThat(ended.get(0).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(ended.get(0).getAttributes().get(HttpSpans.ERROR_TYPE)).isEqualTo("503");
  }

  @Test
  void exceptionWithoutResponseSetsErrorTypeToTheExceptionClass() {
    HttpSpans.endClient(span(), -1, new IOException("reset"));

    SpanData span = ended.get(0);
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getAttributes().get(HttpSpans.ERROR_TYPE)).isEqualTo("java.io.IOException");
    assertThat(span.getAttributes().get(HttpSpans.HTTP_RESPONSE_STATUS_CODE)).isNull();
    assertThat(span.getEvents()).extracting("name").containsExactly("exception");
  }

  @Test
  void usesTheSchemeDefaultPortWhenTheUriHasNone() {
    assertThat(HttpSpans.port(-1, "https")).isEqualTo(443);
    assertThat(HttpSpans.port(-1, "http")).isEqualTo(80);
    assertThat(HttpSpans.port(8080, "http")).isEqualTo(8080);
  }

  private Span span() {
    return tracerProvider.get("test").spanBuilder("GET").startSpan();
  }

  private final class Collecting implements SpanProcessor {
    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {}

    @Override
    public boolean isStartRequired() {
      return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
      ended.add(span.toSpanData());
    }

    @Override
    public boolean isEndRequired() {
      return true;
    }
  }
}
