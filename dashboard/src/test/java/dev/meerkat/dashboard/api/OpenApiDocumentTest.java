package dev.meerkat.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
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
 * every controller is in it with exactly its parameters, and it documents nothing else; the answers
 * named below have exactly the fields of their records.
 */
class OpenApiDocumentTest {

  private static final String API = "/api/v1";

  @Test
  void documentsEveryEndpointWithExactlyItsParameters() throws Exception {
    assertThat(documented()).isEqualTo(mapped());
  }

  @Test
  void documentsTheServiceAnswersWithExactlyTheirRecordsFields() {
    Map<String, Class<?>> answers =
        Map.of(
            "Services", ServicesApi.Services.class,
            "ServiceRow", ServicesApi.ServiceRow.class,
            "ServiceRed", ServicesApi.ServiceRed.class,
            "SparklineStep", ServicesApi.SparklineStep.class,
            "Operations", ServicesApi.Operations.class,
            "OperationRed", ServicesApi.OperationRed.class,
            "Service", ServicePageApi.Service.class,
            "ServiceInstance", ServicePageApi.Instance.class);
    JsonNode schemas =
        JsonMapper.builder()
            .build()
            .readTree(OpenApiDocument.load())
            .get("components")
            .get("schemas");

    answers.forEach(
        (schema, record) ->
            assertThat(documentedFields(schemas, schemas.get(schema)))
                .as(schema)
                .isEqualTo(serializedFields(record)));
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

  /** The JSON field names of a record: its components, an unwrapped one's fields inline. */
  private static Set<String> serializedFields(Class<?> record) {
    Set<String> fields = new TreeSet<>();
    for (RecordComponent component : record.getRecordComponents()) {
      if (component.getAccessor().isAnnotationPresent(JsonUnwrapped.class)) {
        fields.addAll(serializedFields(component.getType()));
      } else {
        fields.add(component.getName());
      }
    }
    return fields;
  }

  /** The property names of a schema, through {@code allOf} and {@code $ref}. */
  private static Set<String> documentedFields(JsonNode schemas, JsonNode schema) {
    if (schema.has("$ref")) {
      return documentedFields(
          schemas, schemas.get(schema.get("$ref").asString().replaceFirst(".*/", "")));
    }
    Set<String> fields = new TreeSet<>(schema.path("properties").propertyNames());
    for (JsonNode part : schema.path("allOf")) {
      fields.addAll(documentedFields(schemas, part));
    }
    return fields;
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
