package dev.meerkat.agent.instrumentation.javahttpclient;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.agent.tooling.AgentLogger;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
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

  @Test
  void sendsTheOriginalAndWarnsOnceWhenTheHeadersCannotBeAdded() {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    AgentLogger logger =
        new AgentLogger(AgentLogger.Level.INFO, new PrintStream(log, true, StandardCharsets.UTF_8));
    TextMapPropagator failing =
        new TextMapPropagator() {
          @Override
          public Collection<String> fields() {
            return List.of("traceparent");
          }

          @Override
          public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
            throw new IllegalArgumentException("restricted header name: \"traceparent\"");
          }

          @Override
          public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
            return context;
          }
        };
    RequestCopier copier = new RequestCopier(failing, logger);
    HttpRequest original = HttpRequest.newBuilder(URI.create("http://inventory:7002/")).build();

    assertThat(copier.withHeaders(original, CONTEXT)).isSameAs(original);
    assertThat(copier.withHeaders(original, CONTEXT)).isSameAs(original);

    assertThat(log.toString(StandardCharsets.UTF_8).lines())
        .containsExactly(
            "[meerkat-agent] WARN java.net.http request to inventory sent without trace headers"
                + " (they could not be added to a copy: java.lang.IllegalArgumentException:"
                + " restricted header name: \"traceparent\"); the downstream service starts a new"
                + " trace. Reported once.");
  }

  private static HttpRequest copy(HttpRequest original) {
    return new RequestCopier(
            W3CTraceContextPropagator.getInstance(),
            new AgentLogger(AgentLogger.Level.OFF, System.err))
        .withHeaders(original, CONTEXT);
  }
}
