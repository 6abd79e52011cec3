package dev.meerkat.agent.testing.clients;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.HttpRequestInterceptor;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/** Apache HttpClient 5 calls, classic and async (API common to 5.0 and 5.6). */
final class Apache5Calls implements ClientsApp.Calls {
  private final CloseableHttpClient client = HttpClients.createDefault();
  private final CloseableHttpAsyncClient asyncClient = HttpAsyncClients.createDefault();

  Apache5Calls() {
    asyncClient.start();
  }

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

  /** The outcome as the callback (on an I/O thread) sees it. */
  @Override
  public String async(String url) throws Exception {
    CompletableFuture<String> outcome = new CompletableFuture<>();
    asyncClient.execute(
        new SimpleHttpRequest("GET", URI.create(url)),
        new FutureCallback<SimpleHttpResponse>() {
          @Override
          public void completed(SimpleHttpResponse response) {
            outcome.complete(String.valueOf(response.getCode()));
          }

          @Override
          public void failed(Exception e) {
            outcome.complete(e.getClass().getName());
          }

          @Override
          public void cancelled() {
            outcome.complete("cancelled");
          }
        });
    return outcome.get();
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
