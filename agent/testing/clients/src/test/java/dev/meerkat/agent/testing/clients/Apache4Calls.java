package dev.meerkat.agent.testing.clients;

import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.apache.http.HttpRequestInterceptor;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.util.EntityUtils;

/** Apache HttpClient 4 calls (API common to 4.3 and 4.5). */
final class Apache4Calls implements ClientsApp.Calls {
  private final CloseableHttpClient client = HttpClients.createDefault();

  @Override
  public String sync(String url) throws IOException {
    return execute(client, url);
  }

  private static String execute(CloseableHttpClient client, String url) throws IOException {
    try (CloseableHttpResponse response = client.execute(new HttpGet(url))) {
      EntityUtils.consume(response.getEntity());
      return String.valueOf(response.getStatusLine().getStatusCode());
    }
  }

  @Override
  public String async(String url) {
    throw new UnsupportedOperationException("the async client is not instrumented");
  }

  /** A request interceptor calls {@code inner} with OkHttp first. */
  @Override
  public String nested(String url, String inner) throws IOException {
    OkHttpClient okhttp = new OkHttpClient();
    HttpRequestInterceptor interceptor =
        (request, context) -> {
          try (Response response =
              okhttp.newCall(new Request.Builder().url(inner).build()).execute()) {
            response.body().string();
          }
        };
    try (CloseableHttpClient nesting =
        HttpClients.custom().addInterceptorFirst(interceptor).build()) {
      return execute(nesting, url);
    }
  }
}
