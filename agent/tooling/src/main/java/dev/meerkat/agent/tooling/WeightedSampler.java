package dev.meerkat.agent.tooling;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import java.util.List;

/**
 * Every Meerkat sampling decision, so that every exported span says how many spans it stands for: a
 * span sampled with probability p carries the double attribute {@code SampleRate} = 1/p, which the
 * collector uses as its weight (no attribute means 1). A trace's root writes its rate into the W3C
 * {@code tracestate} as {@code mk=sr:<rate>}, so children sampled because their parent was (in this
 * process or downstream) carry the root's rate.
 *
 * <p>The root probability is fixed (the {@code traceidratio} samplers, with the SDK's trace-id
 * arithmetic so decisions match other OpenTelemetry SDKs) or adapts to a rate limit. Path rules
 * (exclusions, ratios per path pattern) apply to SERVER spans, read from {@code url.path} and
 * {@code http.route} at span start.
 */
final class WeightedSampler implements Sampler {
  static final AttributeKey<Double> SAMPLE_RATE = AttributeKey.doubleKey("SampleRate");
  static final String TRACE_STATE_KEY = "mk";
  private static final String RATE_PREFIX = "sr:";

  private final boolean parentBased;
  private final double ratio;
  private final RateLimitedProbability limiter;
  private final PathSamplingRules rules;
  private final String description;
  private final long ownServerPort;
  private volatile CachedResult lastChild = new CachedResult(0, SamplingResult.drop());
  private volatile CachedResult lastRoot = new CachedResult(0, SamplingResult.drop());

  WeightedSampler(
      boolean parentBased,
      double ratio,
      RateLimitedProbability limiter,
      PathSamplingRules rules,
      String description) {
    this(parentBased, ratio, limiter, rules, description, -1);
  }

  private WeightedSampler(
      boolean parentBased,
      double ratio,
      RateLimitedProbability limiter,
      PathSamplingRules rules,
      String description,
      long ownServerPort) {
    this.ownServerPort = ownServerPort;
    this.parentBased = parentBased;
    this.ratio = ratio;
    this.limiter = limiter;
    this.rules = rules;
    this.description = description;
  }

  /**
   * The same sampler, also dropping SERVER spans addressed to {@code port}: the agent's own
   * Prometheus endpoint runs on the JDK HTTP server, which the agent instruments.
   */
  WeightedSampler excludingServerPort(long port) {
    return new WeightedSampler(parentBased, ratio, limiter, rules, description, port);
  }

  @Override
  public SamplingResult shouldSample(
      Context parentContext,
      String traceId,
      String name,
      SpanKind spanKind,
      Attributes attributes,
      List<LinkData> parentLinks) {
    double ruleRatio = spanKind == SpanKind.SERVER ? rules.ratio(attributes) : -1;
    if (ownServerPort > 0 && spanKind == SpanKind.SERVER) {
      Long port = attributes.get(HttpAttributes.SERVER_PORT);
      if (port != null && port == ownServerPort) {
        return SamplingResult.drop();
      }
    }
    if (ruleRatio == 0) {
      return SamplingResult.drop(); // excluded paths are never traced, whatever the parent says
    }
    SpanContext parent = Span.fromContext(parentContext).getSpanContext();
    if (parentBased && parent.isValid()) {
      if (!parent.isSampled()) {
        return SamplingResult.drop();
      }
      return childResult(sampleRate(parent.getTraceState()));
    }
    double probability =
        ruleRatio > 0 ? ruleRatio : limiter != null ? limiter.nextProbability() : ratio;
    if (!sampled(traceId, probability)) {
      return SamplingResult.drop();
    }
    return rootResult(probability, parent.getTraceState());
  }

  private SamplingResult childResult(double rate) {
    if (rate == 1.0) {
      return SamplingResult.recordAndSample();
    }
    CachedResult cached = lastChild;
    if (cached.rate == rate) {
      return cached.result;
    }
    SamplingResult result =
        SamplingResult.create(SamplingDecision.RECORD_AND_SAMPLE, Attributes.of(SAMPLE_RATE, rate));
    lastChild = new CachedResult(rate, result);
    return result;
  }

  private SamplingResult rootResult(double probability, TraceState parentState) {
    if (probability >= 1) {
      if (parentState.get(TRACE_STATE_KEY) == null) {
        return SamplingResult.recordAndSample();
      }
      TraceState state = parentState.toBuilder().remove(TRACE_STATE_KEY).build();
      return new Result(Attributes.empty(), state);
    }
    double rate = 1 / probability;
    if (parentState.isEmpty()) {
      CachedResult cached = lastRoot;
      if (cached.rate == rate) {
        return cached.result;
      }
    }
    TraceState state = parentState.toBuilder().put(TRACE_STATE_KEY, RATE_PREFIX + rate).build();
    SamplingResult result = new Result(Attributes.of(SAMPLE_RATE, rate), state);
    if (parentState.isEmpty()) {
      lastRoot = new CachedResult(rate, result); // most roots have no tracestate: reuse
    }
    return result;
  }

  /** The rate a root wrote into {@code tracestate}; 1 when none (or unreadable). */
  static double sampleRate(TraceState state) {
    String value = state.get(TRACE_STATE_KEY);
    if (value == null || !value.startsWith(RATE_PREFIX)) {
      return 1.0;
    }
    try {
      double rate = Double.parseDouble(value.substring(RATE_PREFIX.length()));
      return rate >= 1 && !Double.isInfinite(rate) ? rate : 1.0;
    } catch (NumberFormatException e) {
      return 1.0;
    }
  }

  /**
   * The SDK's {@code TraceIdRatioBasedSampler} decision: the trace id's last 16 hex digits as a
   * long, in absolute value, below {@code probability * Long.MAX_VALUE}.
   */
  static boolean sampled(String traceId, double probability) {
    if (probability >= 1) {
      return true;
    }
    if (probability <= 0) {
      return false;
    }
    long upperBound = (long) (probability * Long.MAX_VALUE);
    return Math.abs(randomPart(traceId)) < upperBound;
  }

  private static long randomPart(String traceId) {
    long value = 0;
    for (int i = 16; i < 32; i++) {
      value = (value << 4) | Character.digit(traceId.charAt(i), 16);
    }
    return value;
  }

  @Override
  public String getDescription() {
    return description;
  }

  @Override
  public String toString() {
    return description;
  }

  private static final class CachedResult {
    final double rate;
    final SamplingResult result;

    CachedResult(double rate, SamplingResult result) {
      this.rate = rate;
      this.result = result;
    }
  }

  private static final class Result implements SamplingResult {
    private final Attributes attributes;
    private final TraceState traceState;

    Result(Attributes attributes, TraceState traceState) {
      this.attributes = attributes;
      this.traceState = traceState;
    }

    @Override
    public SamplingDecision getDecision() {
      return SamplingDecision.RECORD_AND_SAMPLE;
    }

    @Override
    public Attributes getAttributes() {
      return attributes;
    }

    @Override
    public TraceState getUpdatedTraceState(TraceState parentTraceState) {
      return traceState;
    }
  }
}
