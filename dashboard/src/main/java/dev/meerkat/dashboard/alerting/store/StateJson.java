package dev.meerkat.dashboard.alerting.store;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Flat JSON columns of the state store: string maps and string lists. */
final class StateJson {

  private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {};
  private static final TypeReference<List<String>> LIST = new TypeReference<>() {};

  private final JsonMapper mapper = JsonMapper.builder().build();

  String write(Object value) {
    return mapper.writeValueAsString(value);
  }

  Map<String, String> readMap(String json) {
    return json == null || json.isBlank() ? Map.of() : mapper.readValue(json, MAP);
  }

  List<String> readList(String json) {
    return json == null || json.isBlank() ? List.of() : mapper.readValue(json, LIST);
  }
}
