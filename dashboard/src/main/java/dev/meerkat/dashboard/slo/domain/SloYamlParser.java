package dev.meerkat.dashboard.slo.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads SLOs as code in Meerkat's YAML format. Pure: text in, SLOs or problems with line numbers
 * out.
 *
 * <pre>
 * slos:
 *   - id: checkout-availability        # lower-case letters, digits, dashes
 *     name: Checkout availability      # optional, defaults to the id
 *     service: checkout
 *     indicator: availability          # or latency
 *     operations: [POST /checkout]     # optional: span names; all requests when absent
 *     objective: 99.9                  # percent
 *     window: 30d                      # 7d, 28d, 30d or month
 *   - id: checkout-latency
 *     service: checkout
 *     indicator: latency
 *     threshold: 300ms                 # latency only
 *     objective: 99
 *     window: month
 * </pre>
 */
public final class SloYamlParser {

  private static final Set<String> TOP_KEYS = Set.of("slos");
  private static final Set<String> SLO_KEYS =
      new LinkedHashSet<>(
          List.of(
              "id",
              "name",
              "service",
              "indicator",
              "threshold",
              "operations",
              "objective",
              "window"));

  public ParsedSlos parse(String source, String text) {
    YamlTree yaml = new YamlTree(source);
    List<ServiceLevelObjective> slos = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Node document : yaml.documents(text)) {
      Optional<Map<String, Node>> top = yaml.mapping(document, "the file", TOP_KEYS);
      Node list = top.map(t -> t.get("slos")).orElse(null);
      if (top.isPresent() && list == null) {
        yaml.error(document, "the file needs a 'slos' list");
      }
      if (list == null) {
        continue;
      }
      for (Node item : yaml.sequence(list, "slos")) {
        read(yaml, item)
            .ifPresent(
                slo -> {
                  if (ids.add(slo.id())) {
                    slos.add(slo);
                  } else {
                    yaml.error(item, "duplicate SLO id '" + slo.id() + "'");
                  }
                });
      }
    }
    return new ParsedSlos(slos, yaml.errors());
  }

  private static Optional<ServiceLevelObjective> read(YamlTree yaml, Node item) {
    Optional<Map<String, Node>> entries = yaml.mapping(item, "an SLO", SLO_KEYS);
    if (entries.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Node> fields = entries.get();
    int errorsBefore = yaml.errors().size();
    String id = yaml.scalar(fields, "id", "slo").orElse(null);
    Duration threshold = null;
    Optional<String> thresholdText = yaml.scalar(fields, "threshold", "slo");
    if (thresholdText.isPresent()) {
      threshold = LatencyThresholds.parse(thresholdText.get()).orElse(null);
      if (threshold == null) {
        yaml.error(
            fields.get("threshold"),
            LatencyThresholds.MESSAGE + ", was '" + thresholdText.get() + "'");
      }
    }
    SloDraft draft =
        new SloDraft(
            id,
            yaml.scalar(fields, "name", "slo").orElse(null),
            yaml.scalar(fields, "service", "slo").orElse(null),
            yaml.scalar(fields, "indicator", "slo").orElse(null),
            threshold,
            yaml.strings(fields, "operations", "slo"),
            yaml.number(fields, "objective", "slo").orElse(null),
            yaml.scalar(fields, "window", "slo").orElse(null));
    List<String> problems = draft.problems();
    String label = id == null ? "SLO" : "SLO '" + id + "'";
    for (String problem : problems) {
      yaml.error(item, label + ": " + problem);
    }
    if (!problems.isEmpty() || yaml.errors().size() > errorsBefore) {
      return Optional.empty();
    }
    return Optional.of(draft.toObjective());
  }
}
