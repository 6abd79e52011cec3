package dev.meerkat.agent.testing.clients;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.HttpRequestInterceptor;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/** Apache HttpClient 5 classic calls (API common to 5.0 and 5.6). */
final class Apache5Calls implements ClientsApp.Calls {
  private final CloseableHttpClient client = HttpClients.createDefault();

  Apache5Calls(String target) {}

  @Override
  public String sync(String url) throws IOException {
    return execute(client, url);
  }

  @SuppressWarnings("deprecation") // execute(request) without a handler: the 5.0 API.
  private static String execute(CloseableHttpClient client, String url) throws IOException {
    try (CloseableHttpResponse response = client.execute(new HttpGet(url))) {
      EntityUtils.consume(response.getEntity());
      return String.valueOf(response.getCode());
    }
  }

  @Override
  public String async(String url) {
    throw new UnsupportedOperationException("the async client is not instrumented");
  }

  /** A request interceptor calls {@code inner} with java.net.http first. */
  @Override
  public String nested(String url, String inner) throws IOException {
    HttpClient jdk = HttpClient.newHttpClient();
    HttpRequestInterceptor interceptor =
        (request, entity, context) -> {
          try {
            jdk.send(
                HttpRequest.newBuilder(URI.create(inner)).build(),
                HttpResponse.BodyHandlers.discarding());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
          }
        };
    try (CloseableHttpClient nesting =
        HttpClients.custom().addRequestInterceptorFirst(interceptor).build()) {
      return execute(nesting, url);
    }
  }
}
