package dev.meerkat.demo.owners;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The owners service over real HTTP, on its seeded database, as the demo and the end-to-end test
 * call it. Nothing answers on the inventory URL: the food endpoint then answers 502.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"owners.visits.error-rate=0", "owners.inventory-url=http://127.0.0.1:1"})
class OwnersApplicationTest {
  private static final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort private int port;

  @Test
  void findsAnOwnerById() throws Exception {
    HttpResponse<String> response = get("/owners/1");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .isEqualTo(
            "{\"address\":\"110 W. Liberty St.\",\"city\":\"Madison\",\"firstName\":\"George\","
                + "\"id\":1,\"lastName\":\"Franklin\",\"telephone\":\"6085551023\"}");
    assertThat(get("/owners/999").statusCode()).isEqualTo(404);
  }

  @Test
  void findsOwnersByLastNamePrefix() throws Exception {
    HttpResponse<String> response = get("/owners?lastName=Dav");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .isEqualTo(
            "[{\"address\":\"638 Cardinal Ave.\",\"city\":\"Sun Prairie\",\"firstName\":\"Betty\","
                + "\"id\":2,\"lastName\":\"Davis\",\"telephone\":\"6085551749\"},"
                + "{\"address\":\"563 Friendly St.\",\"city\":\"Windsor\",\"firstName\":\"Harold\","
                + "\"id\":4,\"lastName\":\"Davis\",\"telephone\":\"6085553198\"}]");
    assertThat(get("/owners?lastName=Nobody").body()).isEqualTo("[]");
  }

  @Test
  void createsAnOwner() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri("/owners"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"firstName\":\"Ada\",\"lastName\":\"Byron\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(201);
    String location = response.headers().firstValue("Location").orElseThrow();
    assertThat(location).matches("/owners/\\d+");
    assertThat(get(location).body()).contains("\"lastName\":\"Byron\"");
  }

  @Test
  void listsPetsAndVisitsOfAnOwner() throws Exception {
    assertThat(get("/owners/3/pets").body())
        .isEqualTo(
            "[{\"birthDate\":\"2021-04-17\",\"id\":3,\"name\":\"Rosy\",\"type\":\"dog\"},"
                + "{\"birthDate\":\"2020-03-07\",\"id\":4,\"name\":\"Jewel\",\"type\":\"dog\"}]");
    assertThat(get("/owners/999/pets").statusCode()).isEqualTo(404);
    assertThat(get("/owners/1/visits").body()).isEqualTo("[]");
    assertThat(get("/owners/6/visits").body())
        .startsWith("[{\"date\":\"2025-09-04\",\"description\":\"spayed\",\"id\":4,\"petId\":7}");
  }

  @Test
  void answersBadGatewayWhenTheInventoryIsDown() throws Exception {
    assertThat(get("/owners/1/pets/1/food").statusCode()).isEqualTo(502);
    assertThat(get("/owners/1/pets/2/food").statusCode()).isEqualTo(404);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
