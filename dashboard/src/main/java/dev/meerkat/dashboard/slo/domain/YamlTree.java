package dev.meerkat.dashboard.slo.domain;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads YAML as a node tree (SnakeYAML's composer: no object construction, so a document cannot
 * instantiate classes) and reports problems with the source name and line. Collects every problem
 * instead of stopping at the first.
 */
final class YamlTree {

  private final String source;
  private final List<String> errors = new ArrayList<>();

  YamlTree(String source) {
    this.source = source;
  }

  /** Every document of {@code text}; a syntax error is reported and gives no documents. */
  List<Node> documents(String text) {
    List<Node> documents = new ArrayList<>();
    try {
      for (Node node : new Yaml(new LoaderOptions()).composeAll(new StringReader(text))) {
        if (node != null) {
          documents.add(node);
        }
      }
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
      errors.add(source + ":" + line + ": invalid YAML: " + e.getProblem());
      return List.of();
    }
    return documents;
  }

  List<String> errors() {
    return errors;
  }

  void error(Node at, String message) {
    errors.add(source + ":" + line(at) + ": " + message);
  }

  static int line(Node node) {
    return node.getStartMark().getLine() + 1;
  }

  /** The mapping's entries by key, in order; reports keys outside {@code known} and duplicates. */
  Optional<Map<String, Node>> mapping(Node node, String what, Set<String> known) {
    if (!(node instanceof MappingNode mapping)) {
      error(node, what + " must be a mapping");
      return Optional.empty();
    }
    Map<String, Node> entries = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
      if (!known.isEmpty() && !known.contains(key)) {
        error(
            tuple.getKeyNode(),
            "unknown key '" + key + "' in " + what + "; known: " + String.join(", ", known));
      } else if (entries.put(key, tuple.getValueNode()) != null) {
        error(tuple.getKeyNode(), "duplicate key '" + key + "' in " + what);
      }
    }
    return Optional.of(entries);
  }

  /** A scalar's text, or empty (reported) when the node is something else. */
  Optional<String> scalar(Node node, String what) {
    if (node instanceof ScalarNode scalar) {
      return Optional.of(scalar.getValue());
    }
    error(node, what + " must be a single value");
    return Optional.empty();
  }

  Optional<String> scalar(Map<String, Node> entries, String key, String what) {
    Node node = entries.get(key);
    return node == null ? Optional.empty() : scalar(node, what + "." + key);
  }

  Optional<Double> number(Map<String, Node> entries, String key, String what) {
    Optional<String> text = scalar(entries, key, what);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Double.parseDouble(text.get().strip()));
    } catch (NumberFormatException e) {
      error(entries.get(key), what + "." + key + " must be a number, was '" + text.get() + "'");
      return Optional.empty();
    }
  }

  Optional<Boolean> bool(Map<String, Node> entries, String key, String what) {
    Optional<String> text = scalar(entries, key, what);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    return switch (text.get().strip()) {
      case "true" -> Optional.of(true);
      case "false" -> Optional.of(false);
      default -> {
        error(entries.get(key), what + "." + key + " must be true or false");
        yield Optional.empty();
      }
    };
  }

  /** A sequence of scalars (absent: empty list). */
  List<String> strings(Map<String, Node> entries, String key, String what) {
    Node node = entries.get(key);
    if (node == null) {
      return List.of();
    }
    if (!(node instanceof SequenceNode sequence)) {
      error(node, what + "." + key + " must be a list");
      return List.of();
    }
    List<String> values = new ArrayList<>();
    for (Node item : sequence.getValue()) {
      scalar(item, what + "." + key + " items").ifPresent(values::add);
    }
    return values;
  }

  /** The items of a sequence, or empty (reported) when the node is something else. */
  List<Node> sequence(Node node, String what) {
    if (node instanceof SequenceNode sequence) {
      return sequence.getValue();
    }
    error(node, what + " must be a list");
    return List.of();
  }
}
