package dev.meerkat.dashboard.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A GET to the running dashboard's API as the viewer ({@link TestUsers#VIEWER_TOKEN}): reads need
 * no more, and sign-in is on in every Spring test.
 */
public final class ApiGet {

  private ApiGet() {}

  public static HttpResponse<String> get(int port, String path)
      throws IOException, InterruptedException {
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
              .header("Authorization", "Bearer " + TestUsers.VIEWER_TOKEN)
              .GET()
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }
}
