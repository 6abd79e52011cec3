package dev.meerkat.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hand-written OpenAPI document cannot drift from the code: every {@code /api/v1} mapping of
 * every controller is in it with exactly its parameters, and it documents nothing else.
 */
class OpenApiDocumentTest {

  private static final String API = "/api/v1";

  @Test
  void documentsEveryEndpointWithExactlyItsParameters() throws Exception {
    assertThat(documented()).isEqualTo(mapped());
  }

  /**
   * The schemas of the service page's answer list exactly the fields of the records Jackson writes,
   * in order.
   */
  @Test
  void documentsTheFieldsOfAServiceAndItsInstances() {
    JsonNode schemas =
        JsonMapper.builder()
            .build()
            .readTree(OpenApiDocument.load())
            .get("components")
            .get("schemas");

    assertThat(schemas.get("Service").get("properties").propertyNames())
        .containsExactlyElementsOf(fields(ServicePageApi.Service.class));
    assertThat(strings(schemas.get("Service").get("required")))
        .containsExactlyElementsOf(fields(ServicePageApi.Service.class));
    assertThat(schemas.get("ServiceInstance").get("properties").propertyNames())
        .containsExactlyElementsOf(fields(ServicePageApi.Instance.class));
    assertThat(strings(schemas.get("ServiceInstance").get("required")))
        .containsExactlyElementsOf(fields(ServicePageApi.Instance.class));
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asString()));
    return values;
  }

  private static List<String> fields(Class<? extends Record> type) {
    return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
  }

  @Test
  void isOpenApi31() {
    JsonNode document = JsonMapper.builder().build().readTree(OpenApiDocument.load());

    assertThat(document.get("openapi").asString()).isEqualTo("3.1.0");
  }

  /** "GET /api/v1/traces" -> {"query:limit", ...} from the controllers' annotations. */
  private static Map<String, Set<String>> mapped() throws ClassNotFoundException {
    ClassPathScanningCandidateComponentProvider scanner =
        new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
    Map<String, Set<String>> mapped = new TreeMap<>();
    for (BeanDefinition bean : scanner.findCandidateComponents("dev.meerkat.dashboard")) {
      for (Method method : Class.forName(bean.getBeanClassName()).getDeclaredMethods()) {
        GetMapping get = method.getAnnotation(GetMapping.class);
        PostMapping post = method.getAnnotation(PostMapping.class);
        String[] paths = get != null ? get.value() : post != null ? post.value() : new String[0];
        for (String path : paths) {
          if (path.startsWith(API)) {
            mapped.put((get != null ? "GET " : "POST ") + path, parameters(method));
          }
        }
      }
    }
    return mapped;
  }

  private static Set<String> parameters(Method method) {
    Set<String> names = new TreeSet<>();
    for (Parameter parameter : method.getParameters()) {
      RequestParam query = parameter.getAnnotation(RequestParam.class);
      PathVariable path = parameter.getAnnotation(PathVariable.class);
      if (query != null) {
        names.add("query:" + query.name());
      } else if (path != null) {
        names.add("path:" + path.value());
      }
    }
    return names;
  }

  /** The same from openapi.json, with component parameters resolved. */
  private static Map<String, Set<String>> documented() {
    JsonNode document = JsonMapper.builder().build().readTree(OpenApiDocument.load());
    JsonNode components = document.get("components").get("parameters");
    Map<String, Set<String>> documented = new TreeMap<>();
    for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        Set<String> names = new TreeSet<>();
        JsonNode parameters = operation.getValue().path("parameters");
        for (JsonNode parameter : parameters) {
          JsonNode resolved =
              parameter.has("$ref")
                  ? components.get(parameter.get("$ref").asString().replaceFirst(".*/", ""))
                  : parameter;
          names.add(resolved.get("in").asString() + ":" + resolved.get("name").asString());
        }
        documented.put(operation.getKey().toUpperCase() + " " + path.getKey(), names);
      }
    }
    return documented;
  }
}
