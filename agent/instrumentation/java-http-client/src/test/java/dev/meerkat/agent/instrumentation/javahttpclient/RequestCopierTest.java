package dev.meerkat.agent.instrumentation.javahttpclient;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestCopierTest {
  private static final Context CONTEXT =
      Context.root()
          .with(
              Span.wrap(
                  SpanContext.create(
                      "0af7651916cd43dd8448eb211c80319c",
                      "b7ad6b7169203331",
                      TraceFlags.getSampled(),
                      TraceState.getDefault())));

  @Test
  void copiesEverythingAndAddsTraceparent() {
    HttpRequest original =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:1/items?q=1"))
            .POST(HttpRequest.BodyPublishers.ofString("body"))
            .header("Accept", "text/plain")
            .header("X-Multi", "a")
            .header("X-Multi", "b")
            .timeout(Duration.ofSeconds(3))
            .version(HttpClient.Version.HTTP_1_1)
            .expectContinue(true)
            .build();

    HttpRequest copy = copy(original);

    assertThat(copy.uri()).isEqualTo(original.uri());
    assertThat(copy.method()).isEqualTo("POST");
    assertThat(copy.bodyPublisher().orElseThrow().contentLength()).isEqualTo(4);
    assertThat(copy.timeout()).contains(Duration.ofSeconds(3));
    assertThat(copy.version()).contains(HttpClient.Version.HTTP_1_1);
    assertThat(copy.expectContinue()).isTrue();
    assertThat(copy.headers().map())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "Accept", List.of("text/plain"),
                "X-Multi", List.of("a", "b"),
                "traceparent", List.of("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")));
  }

  @Test
  void keepsGetWithoutBodyAndReplacesAnExistingTraceparent() {
    HttpRequest original =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:1/"))
            .header("traceparent", "00-11111111111111111111111111111111-2222222222222222-01")
            .build();

    HttpRequest copy = copy(original);

    assertThat(copy.method()).isEqualTo("GET");
    assertThat(copy.bodyPublisher()).isEmpty();
    assertThat(copy.headers().allValues("traceparent"))
        .containsExactly("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
  }

  private static HttpRequest copy(HttpRequest original) {
    return RequestCopier.withHeaders(original, CONTEXT, W3CTraceContextPropagator.getInstance());
  }
}
