package dev.meerkat.store.slo;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One version of an SLO definition.
 *
 * @param id stable id across versions
 * @param version version number, increasing per id; assigned by {@link SloRepository#save}
 * @param name display name
 * @param service service whose requests the SLO covers
 * @param objective target share of good requests in (0, 1), e.g. 0.995
 * @param window nominal length of the SLO window (30 days for a calendar month; {@link
 *     SloSpec#window()} is authoritative)
 * @param burnRateThreshold burn rate of the first, single-threshold policy; unused by the
 *     multi-window policy, kept so that old versions read back unchanged
 * @param webhookUrl where alerts go, empty for none
 * @param updatedAt when this version was written
 * @param spec indicator, operations, window and alert guard
 */
public record SloDefinition(
    String id,
    long version,
    String name,
    String service,
    double objective,
    Duration window,
    double burnRateThreshold,
    String webhookUrl,
    Instant updatedAt,
    SloSpec spec) {

  /** A definition made before SLOs had a {@link SloSpec}: availability of the whole service. */
  public SloDefinition(
      String id,
      long version,
      String name,
      String service,
      double objective,
      Duration window,
      double burnRateThreshold,
      String webhookUrl,
      Instant updatedAt) {
    this(
        id,
        version,
        name,
        service,
        objective,
        window,
        burnRateThreshold,
        webhookUrl,
        updatedAt,
        SloSpec.availability(window));
  }

  public SloDefinition {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(updatedAt, "updatedAt");
    webhookUrl = webhookUrl == null ? "" : webhookUrl;
    if (!(objective > 0 && objective < 1)) {
      throw new IllegalArgumentException("objective must be in (0, 1), was " + objective);
    }
  }

  public boolean hasWebhook() {
    return !webhookUrl.isBlank();
  }

  public SloDefinition withVersion(long newVersion) {
    return new SloDefinition(
        id,
        newVersion,
        name,
        service,
        objective,
        window,
        burnRateThreshold,
        webhookUrl,
        updatedAt,
        spec);
  }

  /** The same definition with the given own labels (see {@link SloSpec#labels()}). */
  public SloDefinition withLabels(Map<String, String> labels) {
    return new SloDefinition(
        id,
        version,
        name,
        service,
        objective,
        window,
        burnRateThreshold,
        webhookUrl,
        updatedAt,
        spec.withLabels(labels));
  }

  public SloDefinition withUpdatedAt(Instant at) {
    return new SloDefinition(
        id, version, name, service, objective, window, burnRateThreshold, webhookUrl, at, spec);
  }
}
