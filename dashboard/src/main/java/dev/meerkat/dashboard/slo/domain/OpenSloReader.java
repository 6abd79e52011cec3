package dev.meerkat.dashboard.slo.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/** Reads one {@code kind: SLO} document for {@link OpenSloFormat}, reporting to its tree. */
final class OpenSloReader {

  private static final Set<String> ANY = Set.of();

  private final YamlTree yaml;
  private final Map<String, Node> indicators;

  /** An SLI as read from one half (good or total) of the ratio metric. */
  private record MeerkatSli(String kind, Duration threshold, List<String> operations) {}

  OpenSloReader(YamlTree yaml, Map<String, Node> indicators) {
    this.yaml = yaml;
    this.indicators = indicators;
  }

  Optional<ServiceLevelObjective> read(Map<String, Node> document) {
    int errorsBefore = yaml.errors().size();
    Node specNode = document.get("spec");
    Node metadataNode = document.get("metadata");
    Node anchor = specNode != null ? specNode : metadataNode;
    if (specNode == null || metadataNode == null) {
      yaml.error(anchor == null ? firstNode(document) : anchor, "an SLO needs metadata and spec");
      return Optional.empty();
    }
    Map<String, Node> metadata = yaml.mapping(metadataNode, "metadata", ANY).orElse(Map.of());
    Map<String, Node> spec = yaml.mapping(specNode, "spec", ANY).orElse(Map.of());
    String id = yaml.scalar(metadata, "name", "metadata").orElse(null);
    String name = yaml.scalar(metadata, "displayName", "metadata").orElse(null);
    String service = yaml.scalar(spec, "service", "spec").orElse(null);
    Optional<MeerkatSli> sli = indicator(spec, specNode);
    String window = OpenSloTimeWindow.read(yaml, spec, specNode);
    Double objectivePercent = objective(spec, specNode);
    budgetingMethod(spec, specNode);
    if (yaml.errors().size() > errorsBefore || sli.isEmpty()) {
      return Optional.empty();
    }
    SloDraft draft =
        new SloDraft(
            id,
            name,
            service,
            sli.get().kind(),
            sli.get().threshold(),
            sli.get().operations(),
            objectivePercent,
            window);
    List<String> problems = draft.problems();
    String label = id == null ? "SLO" : "SLO '" + id + "'";
    problems.forEach(problem -> yaml.error(specNode, label + ": " + problem));
    return problems.isEmpty() ? Optional.of(draft.toObjective()) : Optional.empty();
  }

  private static Node firstNode(Map<String, Node> document) {
    return document.values().iterator().next();
  }

  private Optional<MeerkatSli> indicator(Map<String, Node> spec, Node specNode) {
    Node indicator = spec.get("indicator");
    Optional<String> ref = yaml.scalar(spec, "indicatorRef", "spec");
    if (indicator == null && ref.isPresent()) {
      Node sliDocument = indicators.get(ref.get());
      if (sliDocument == null) {
        yaml.error(spec.get("indicatorRef"), "no kind: SLI document named '" + ref.get() + "'");
        return Optional.empty();
      }
      indicator = sliDocument;
    }
    if (indicator == null) {
      yaml.error(specNode, "spec needs an indicator or an indicatorRef");
      return Optional.empty();
    }
    Optional<Map<String, Node>> sliSpec =
        yaml.mapping(indicator, "indicator", ANY)
            .map(i -> i.get("spec"))
            .flatMap(s -> yaml.mapping(s, "indicator.spec", ANY));
    if (sliSpec.isEmpty()) {
      yaml.error(indicator, "indicator needs a spec");
      return Optional.empty();
    }
    Node ratioNode = sliSpec.get().get("ratioMetric");
    if (ratioNode == null) {
      yaml.error(indicator, "only ratioMetric indicators (good/total) are supported");
      return Optional.empty();
    }
    Map<String, Node> ratio = yaml.mapping(ratioNode, "ratioMetric", ANY).orElse(Map.of());
    if (!ratio.containsKey("good") || !ratio.containsKey("total")) {
      yaml.error(ratioNode, "ratioMetric needs good and total metric sources");
      return Optional.empty();
    }
    Optional<MeerkatSli> good = half(ratio.get("good"), "good");
    Optional<MeerkatSli> total = half(ratio.get("total"), "total");
    if (good.isPresent() && total.isPresent() && !good.equals(total)) {
      yaml.error(ratioNode, "ratioMetric good and total must describe the same Meerkat SLI");
      return Optional.empty();
    }
    return good.flatMap(g -> total.map(t -> g));
  }

  private Optional<MeerkatSli> half(Node node, String events) {
    String what = "ratioMetric." + events;
    Optional<Map<String, Node>> source =
        yaml.mapping(node, what, ANY)
            .map(m -> m.get("metricSource"))
            .flatMap(s -> yaml.mapping(s, what + ".metricSource", ANY));
    if (source.isEmpty()) {
      yaml.error(node, what + " needs a metricSource");
      return Optional.empty();
    }
    String type = yaml.scalar(source.get(), "type", what + ".metricSource").orElse("");
    Node specNode = source.get().get("spec");
    if (!type.equals("meerkat") || specNode == null) {
      yaml.error(
          node, what + ".metricSource must have type meerkat and a spec, was type '" + type + "'");
      return Optional.empty();
    }
    Map<String, Node> spec =
        yaml.mapping(
                specNode,
                what + ".metricSource.spec",
                Set.of("sli", "events", "threshold", "operations"))
            .orElse(Map.of());
    String declared = yaml.scalar(spec, "events", what).orElse("");
    if (!declared.equals(events)) {
      yaml.error(
          specNode,
          what + ".metricSource.spec.events must be " + events + ", was '" + declared + "'");
    }
    Duration threshold = null;
    Optional<String> thresholdText = yaml.scalar(spec, "threshold", what);
    if (thresholdText.isPresent()) {
      threshold = LatencyThresholds.parse(thresholdText.get()).orElse(null);
      if (threshold == null) {
        yaml.error(
            spec.get("threshold"),
            LatencyThresholds.MESSAGE + ", was '" + thresholdText.get() + "'");
      }
    }
    return Optional.of(
        new MeerkatSli(
            yaml.scalar(spec, "sli", what).orElse(null),
            threshold,
            yaml.strings(spec, "operations", what)));
  }

  private Double objective(Map<String, Node> spec, Node specNode) {
    Node node = spec.get("objectives");
    List<Node> objectives = node == null ? List.of() : yaml.sequence(node, "objectives");
    if (objectives.size() != 1) {
      yaml.error(node == null ? specNode : node, "objectives must hold exactly one objective");
      return null;
    }
    Map<String, Node> objective =
        yaml.mapping(objectives.getFirst(), "objective", ANY).orElse(Map.of());
    Optional<Double> target = yaml.number(objective, "target", "objective");
    Optional<Double> percent = yaml.number(objective, "targetPercent", "objective");
    if (target.isPresent()) {
      // Decimal arithmetic keeps 0.999 -> 99.9 exact.
      return BigDecimal.valueOf(target.get()).movePointRight(2).doubleValue();
    }
    if (percent.isEmpty()) {
      yaml.error(objectives.getFirst(), "objective needs a target (e.g. 0.999) or a targetPercent");
    }
    return percent.orElse(null);
  }

  private void budgetingMethod(Map<String, Node> spec, Node specNode) {
    String method = yaml.scalar(spec, "budgetingMethod", "spec").orElse(null);
    if (!Objects.equals(method, "Occurrences")) {
      yaml.error(
          spec.getOrDefault("budgetingMethod", specNode),
          "budgetingMethod must be Occurrences, was "
              + (method == null ? "nothing" : "'" + method + "'"));
    }
  }
}
