package dev.meerkat.agent.tooling;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeightedSamplerTest {
  // Random part 0x1000000000000000 = 2^60: sampled iff 2^60 < p * Long.MAX_VALUE (p > 0.125).
  private static final String TRACE_AT_EIGHTH = "0123456789abcdef1000000000000000";
  private static final String SPAN_ID = "0123456789abcdef";

  private final List<String> problems = new ArrayList<>();

  @Test
  void ratioSamplerMatchesTheSdkDecisionAndWeighsRootsByOneOverTheRatio() {
    WeightedSampler sampler = create("traceidratio", "0.25");
    Sampler sdk = Sampler.traceIdRatioBased(0.25);

    SamplingResult result = root(sampler, TRACE_AT_EIGHTH);

    assertThat(result.getDecision()).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
    assertThat(result.getAttributes()).isEqualTo(Attributes.of(WeightedSampler.SAMPLE_RATE, 4.0));
    assertThat(result.getUpdatedTraceState(TraceState.getDefault()).get("mk")).isEqualTo("sr:4.0");
    assertThat(root(sdk, TRACE_AT_EIGHTH).getDecision()).isEqualTo(result.getDecision());
    SamplingResult again = root(sampler, TRACE_AT_EIGHTH);
    assertThat(again.getAttributes()).isEqualTo(Attributes.of(WeightedSampler.SAMPLE_RATE, 4.0));
    assertThat(again.getUpdatedTraceState(TraceState.getDefault()).get("mk")).isEqualTo("sr:4.0");
    assertThat(root(create("traceidratio", "0.125"), TRACE_AT_EIGHTH).getDecision())
        .isEqualTo(SamplingDecision.DROP)
        .isEqualTo(root(Sampler.traceIdRatioBased(0.125), TRACE_AT_EIGHTH).getDecision());
    assertThat(problems).isEmpty();
  }

  @Test
  void sameDecisionsAsTheSdkOverManyTraceIds() {
    WeightedSampler sampler = create("traceidratio", "0.1");
    Sampler sdk = Sampler.traceIdRatioBased(0.1);
    java.util.Random random = new java.util.Random(42);
    int sampled = 0;
    for (int i = 0; i < 2000; i++) {
      String traceId = String.format("%016x%016x", random.nextLong(), random.nextLong());
      SamplingDecision ours = root(sampler, traceId).getDecision();
      assertThat(ours).isEqualTo(root(sdk, traceId).getDecision());
      sampled += ours == SamplingDecision.RECORD_AND_SAMPLE ? 1 : 0;
    }
    assertThat(sampled).isBetween(150, 250);
  }

  @Test
  void alwaysOnAddsNoAttributeAndNoTraceState() {
    SamplingResult result = root(create(null, null), TRACE_AT_EIGHTH);

    assertThat(result.getDecision()).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
    assertThat(result.getAttributes()).isEqualTo(Attributes.empty());
    assertThat(result.getUpdatedTraceState(TraceState.getDefault()).isEmpty()).isTrue();
  }

  @Test
  void alwaysOffDropsEveryRoot() {
    assertThat(root(create("always_off", null), TRACE_AT_EIGHTH).getDecision())
        .isEqualTo(SamplingDecision.DROP);
    assertThat(root(create("parentbased_always_off", null), TRACE_AT_EIGHTH).getDecision())
        .isEqualTo(SamplingDecision.DROP);
  }

  @Test
  void parentBasedChildrenCarryTheRootRateFromTraceState() {
    WeightedSampler sampler = create("parentbased_traceidratio", "0.5");
    TraceState state = TraceState.builder().put("mk", "sr:4.0").put("other", "x").build();

    SamplingResult sampled = child(sampler, TraceFlags.getSampled(), state);
    SamplingResult notSampled = child(sampler, TraceFlags.getDefault(), state);
    SamplingResult noRate = child(sampler, TraceFlags.getSampled(), TraceState.getDefault());

    assertThat(sampled.getDecision()).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
    assertThat(sampled.getAttributes()).isEqualTo(Attributes.of(WeightedSampler.SAMPLE_RATE, 4.0));
    assertThat(sampled.getUpdatedTraceState(state)).isEqualTo(state);
    assertThat(notSampled.getDecision()).isEqualTo(SamplingDecision.DROP);
    assertThat(noRate.getAttributes()).isEqualTo(Attributes.empty());
  }

  @Test
  void rateLimitedSamplerWeighsByTheCurrentProbability() {
    long[] now = {0};
    WeightedSampler sampler =
        SamplerSettings.create(
            "meerkat_rate_limited", "2", null, PathSamplingRules.NONE, problems, () -> now[0]);
    // First window: everything sampled, 8 roots seen.
    for (int i = 0; i < 8; i++) {
      assertThat(root(sampler, "00000000000000000000000000000000").getAttributes())
          .isEqualTo(Attributes.empty());
    }
    now[0] = 1_000_000_000L;
    // Second window: p = 2 / 8 = 0.25, weight 4.
    SamplingResult result = root(sampler, "00000000000000000000000000000000");
    assertThat(result.getDecision()).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
    assertThat(result.getAttributes()).isEqualTo(Attributes.of(WeightedSampler.SAMPLE_RATE, 4.0));
    assertThat(problems).isEmpty();
  }

  @Test
  void excludedPathsAreDroppedEvenUnderASampledParent() {
    PathSamplingRules rules = PathSamplingRules.parse("/health,/actuator/*", null, problems);
    WeightedSampler sampler =
        SamplerSettings.create(null, null, null, rules, problems, System::nanoTime);
    Context parent =
        Context.root()
            .with(
                Span.wrap(
                    SpanContext.createFromRemoteParent(
                        TRACE_AT_EIGHTH,
                        SPAN_ID,
                        TraceFlags.getSampled(),
                        TraceState.getDefault())));

    assertThat(server(sampler, Context.root(), "/actuator/health").getDecision())
        .isEqualTo(SamplingDecision.DROP);
    assertThat(server(sampler, parent, "/health").getDecision()).isEqualTo(SamplingDecision.DROP);
    assertThat(server(sampler, Context.root(), "/healthz").getDecision())
        .isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
  }

  @Test
  void pathRatioReplacesTheRootProbability() {
    PathSamplingRules rules = PathSamplingRules.parse(null, "/search/*=0.25", problems);
    WeightedSampler sampler =
        SamplerSettings.create(null, null, null, rules, problems, System::nanoTime);

    SamplingResult result = server(sampler, Context.root(), "/search/cats");

    assertThat(result.getAttributes()).isEqualTo(Attributes.of(WeightedSampler.SAMPLE_RATE, 4.0));
    assertThat(server(sampler, Context.root(), "/other").getAttributes())
        .isEqualTo(Attributes.empty());
    assertThat(problems).isEmpty();
  }

  @Test
  void badValuesAreReportedOnceAndTheDefaultUsed() {
    WeightedSampler unknown = create("jaeger_remote", null);
    WeightedSampler badRatio = create("traceidratio", "1.5");
    PathSamplingRules.parse(null, "/a=2,/b=0.5,nonsense", problems);

    assertThat(unknown.getDescription()).isEqualTo("meerkat parentbased(always_on 1.0)");
    assertThat(badRatio.getDescription()).isEqualTo("meerkat traceidratio 1.0");
    assertThat(problems)
        .containsExactly(
            "otel.traces.sampler=jaeger_remote is not supported; using parentbased_always_on"
                + " (supported: always_on, always_off, traceidratio, parentbased_always_on,"
                + " parentbased_always_off, parentbased_traceidratio, meerkat_rate_limited)",
            "otel.traces.sampler.arg=1.5 is not a ratio between 0 and 1; using 1.0 (sample"
                + " everything)",
            "meerkat.traces.sampling.paths: ignored [/a=2, nonsense] (expected <path"
                + " pattern>=<ratio between 0 and 1>)");
  }

  @Test
  void serverSpansAddressedToTheAgentsOwnPortAreDropped() {
    WeightedSampler sampler = create(null, null).excludingServerPort(9464);
    Attributes own =
        Attributes.of(HttpAttributes.URL_PATH, "/metrics", HttpAttributes.SERVER_PORT, 9464L);
    Attributes other =
        Attributes.of(HttpAttributes.URL_PATH, "/metrics", HttpAttributes.SERVER_PORT, 8080L);

    assertThat(
            sampler
                .shouldSample(
                    Context.root(),
                    TRACE_AT_EIGHTH,
                    "GET",
                    SpanKind.SERVER,
                    own,
                    Collections.emptyList())
                .getDecision())
        .isEqualTo(SamplingDecision.DROP);
    assertThat(
            sampler
                .shouldSample(
                    Context.root(),
                    TRACE_AT_EIGHTH,
                    "GET",
                    SpanKind.SERVER,
                    other,
                    Collections.emptyList())
                .getDecision())
        .isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
  }

  @Test
  void globsMatchAnyRunOfCharacters() {
    assertThat(PathSamplingRules.matches("/actuator/*", "/actuator/health/liveness")).isTrue();
    assertThat(PathSamplingRules.matches("/actuator/*", "/actuator")).isFalse();
    assertThat(PathSamplingRules.matches("*.css", "/static/site.css")).isTrue();
    assertThat(PathSamplingRules.matches("/a*b*c", "/aXbYc")).isTrue();
    assertThat(PathSamplingRules.matches("/a*b*c", "/aXbY")).isFalse();
  }

  private WeightedSampler create(String name, String arg) {
    return SamplerSettings.create(name, arg, null, PathSamplingRules.NONE, problems, () -> 0L);
  }

  private static SamplingResult root(Sampler sampler, String traceId) {
    return sampler.shouldSample(
        Context.root(),
        traceId,
        "op",
        SpanKind.INTERNAL,
        Attributes.empty(),
        Collections.emptyList());
  }

  private static SamplingResult child(Sampler sampler, TraceFlags flags, TraceState state) {
    Context parent =
        Context.root()
            .with(
                Span.wrap(
                    SpanContext.createFromRemoteParent(TRACE_AT_EIGHTH, SPAN_ID, flags, state)));
    return sampler.shouldSample(
        parent,
        TRACE_AT_EIGHTH,
        "op",
        SpanKind.SERVER,
        Attributes.empty(),
        Collections.emptyList());
  }

  private static SamplingResult server(Sampler sampler, Context parent, String path) {
    return sampler.shouldSample(
        parent,
        TRACE_AT_EIGHTH,
        "GET",
        SpanKind.SERVER,
        Attributes.of(HttpAttributes.URL_PATH, path),
        Collections.emptyList());
  }
}
