package dev.meerkat.dashboard.slo.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Import and export of SLOs in the OpenSLO v1 format ({@code apiVersion: openslo/v1}, {@code kind:
 * SLO}). Pure: text in, SLOs or problems out; SLOs in, text out.
 *
 * <p>Meerkat's SLIs are written as a {@code ratioMetric} whose {@code good} and {@code total}
 * metric sources have {@code type: meerkat} and a {@code spec} naming the SLI: {@code sli:
 * availability|latency}, {@code events: good|total}, for latency {@code threshold: 300ms}, and
 * optionally {@code operations: [span names]}. Both halves carry the whole SLI so each is
 * self-describing; on import they must agree. Windows: {@code duration: 7d|28d|30d} with {@code
 * isRolling: true}, or {@code duration: 1M} with a UTC {@code calendar} starting at midnight on a
 * 1st for calendar months. {@code budgetingMethod} must be {@code Occurrences} and there must be
 * exactly one objective ({@code target} or {@code targetPercent}). An {@code indicatorRef} is
 * resolved against {@code kind: SLI} documents of the same input; {@code Service}, {@code
 * DataSource} and alerting kinds are skipped.
 */
public final class OpenSloFormat {

  static final String API_VERSION = "openslo/v1";
  private static final Set<String> SKIPPED_KINDS =
      Set.of("Service", "DataSource", "AlertPolicy", "AlertCondition", "AlertNotificationTarget");
  private static final Set<String> DOCUMENT_KEYS = Set.of("apiVersion", "kind", "metadata", "spec");
  private static final Set<String> METADATA_KEYS =
      Set.of("name", "displayName", "labels", "annotations");
  private static final Set<String> SLO_SPEC_KEYS =
      Set.of(
          "description",
          "service",
          "indicator",
          "indicatorRef",
          "timeWindow",
          "budgetingMethod",
          "objectives",
          "alertPolicies");

  /** Parses every {@code kind: SLO} document of {@code text}. */
  public ParsedSlos importSlos(String source, String text) {
    YamlTree yaml = new YamlTree(source);
    Map<String, Node> indicators = new HashMap<>();
    List<Map<String, Node>> sloDocuments = new ArrayList<>();
    for (Node document : yaml.documents(text)) {
      Optional<Map<String, Node>> fields =
          yaml.mapping(document, "an OpenSLO document", DOCUMENT_KEYS);
      if (fields.isEmpty()) {
        continue;
      }
      String apiVersion = yaml.scalar(fields.get(), "apiVersion", "document").orElse("");
      String kind = yaml.scalar(fields.get(), "kind", "document").orElse("");
      if (!apiVersion.equals(API_VERSION)) {
        yaml.error(document, "apiVersion must be " + API_VERSION + ", was '" + apiVersion + "'");
      } else if (kind.equals("SLI")) {
        name(yaml, fields.get()).ifPresent(name -> indicators.put(name, document));
      } else if (kind.equals("SLO")) {
        sloDocuments.add(fields.get());
      } else if (!SKIPPED_KINDS.contains(kind)) {
        yaml.error(document, "kind must be SLO or SLI, was '" + kind + "'");
      }
    }
    List<ServiceLevelObjective> slos = new ArrayList<>();
    for (Map<String, Node> document : sloDocuments) {
      new OpenSloReader(yaml, indicators).read(document).ifPresent(slos::add);
    }
    return new ParsedSlos(slos, yaml.errors());
  }

  private static Optional<String> name(YamlTree yaml, Map<String, Node> document) {
    Node metadata = document.get("metadata");
    if (metadata == null) {
      return Optional.empty();
    }
    return yaml.mapping(metadata, "metadata", METADATA_KEYS)
        .flatMap(m -> yaml.scalar(m, "name", "metadata"));
  }

  /** One YAML stream with one {@code kind: SLO} document per SLO. */
  public String export(List<ServiceLevelObjective> slos) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setExplicitStart(true);
    List<Object> documents = new ArrayList<>();
    for (ServiceLevelObjective slo : slos) {
      documents.add(document(slo));
    }
    return new Yaml(options).dumpAll(documents.iterator());
  }

  private static Map<String, Object> document(ServiceLevelObjective slo) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", slo.id());
    metadata.put("displayName", slo.name());
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("service", slo.service());
    spec.put("indicator", indicator(slo));
    spec.put("timeWindow", List.of(timeWindow(slo.window())));
    spec.put("budgetingMethod", "Occurrences");
    spec.put("objectives", List.of(Map.of("target", slo.objective())));
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("apiVersion", API_VERSION);
    document.put("kind", "SLO");
    document.put("metadata", metadata);
    document.put("spec", spec);
    return document;
  }

  private static Map<String, Object> indicator(ServiceLevelObjective slo) {
    Map<String, Object> ratio = new LinkedHashMap<>();
    ratio.put("counter", true);
    ratio.put("good", metricSource(slo.indicator(), "good"));
    ratio.put("total", metricSource(slo.indicator(), "total"));
    Map<String, Object> indicator = new LinkedHashMap<>();
    indicator.put("metadata", Map.of("name", slo.id() + "-sli"));
    indicator.put("spec", Map.of("ratioMetric", ratio));
    return indicator;
  }

  private static Map<String, Object> metricSource(Indicator indicator, String events) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("sli", indicator.kind());
    spec.put("events", events);
    if (indicator instanceof LatencyIndicator latency) {
      spec.put("threshold", LatencyThresholds.format(latency.threshold()));
    }
    if (!indicator.operations().isEmpty()) {
      spec.put("operations", new ArrayList<>(indicator.operations()));
    }
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("type", "meerkat");
    source.put("spec", spec);
    return Map.of("metricSource", source);
  }

  private static Map<String, Object> timeWindow(SloTimeWindow window) {
    Map<String, Object> timeWindow = new LinkedHashMap<>();
    switch (window) {
      case RollingWindow rolling -> {
        timeWindow.put("duration", rolling.label());
        timeWindow.put("isRolling", true);
      }
      case CalendarMonthWindow month -> {
        timeWindow.put("duration", "1M");
        timeWindow.put("isRolling", false);
        Map<String, Object> calendar = new LinkedHashMap<>();
        calendar.put("startTime", OpenSloTimeWindow.CALENDAR_START);
        calendar.put("timeZone", "UTC");
        timeWindow.put("calendar", calendar);
      }
    }
    return timeWindow;
  }
}
