package com.example.manual;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * Calls {@code @WithSpan} methods once each inside {@link #scenario}, prints what it saw ({@code
 * RETHROWN-SAME}) and {@code DONE}, then stays up until the test stops it (so the agent exports).
 */
public class WithSpanApp {
  static final IllegalStateException BOOM = new IllegalStateException("boom");

  public static void main(String[] args) throws Exception {
    new WithSpanApp().scenario();
    System.out.println("DONE");
    new CountDownLatch(1).await();
  }

  /** Annotated constructors are left untraced. */
  @WithSpan
  public WithSpanApp() {}

  @WithSpan
  public void scenario() {
    named();
    attributes("text", 42, 7L, true, 1.5, List.of("a", "b"), "unnamed", null);
    try {
      failing();
    } catch (IllegalStateException e) {
      System.out.println(e == BOOM ? "RETHROWN-SAME" : "RETHROWN-OTHER " + e);
    }
    CompletableFuture<String> later = async();
    // The method has returned: its scope is closed, its span still open.
    afterReturn();
    later.complete("done");
    CompletableFuture<String> failingLater = asyncFailing();
    failingLater.completeExceptionally(new IllegalArgumentException("async boom"));
    newTrace();
  }

  @WithSpan(value = "custom-name", kind = SpanKind.PRODUCER)
  void named() {}

  @WithSpan
  static int attributes(
      @SpanAttribute("text") String text,
      @SpanAttribute("count") int count,
      @SpanAttribute("big") long big,
      @SpanAttribute("flag") boolean flag,
      @SpanAttribute("ratio") double ratio,
      @SpanAttribute("list") List<String> list,
      @SpanAttribute String unnamed,
      @SpanAttribute("absent") String absent) {
    return count;
  }

  @WithSpan
  protected void failing() {
    throw BOOM;
  }

  @WithSpan
  CompletableFuture<String> async() {
    return new CompletableFuture<>();
  }

  @WithSpan
  CompletableFuture<String> asyncFailing() {
    return new CompletableFuture<>();
  }

  @WithSpan
  void afterReturn() {}

  @WithSpan(inheritContext = false)
  void newTrace() {}
}
