package dev.meerkat.agent.testing.clients;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** OkHttp calls (API common to 4.x and 5.x). */
final class OkHttpCalls implements ClientsApp.Calls {
  private final OkHttpClient client = new OkHttpClient();
  private final String target;

  OkHttpCalls(String target) {
    this.target = target;
  }

  @Override
  public String sync(String url) throws IOException {
    return execute(client, url);
  }

  private static String execute(OkHttpClient client, String url) throws IOException {
    try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
      return String.valueOf(response.code());
    }
  }

  /** The callback calls {@code /target} with HttpURLConnection before it reports the outcome. */
  @Override
  public String async(String url) throws Exception {
    CompletableFuture<String> outcome = new CompletableFuture<>();
    client
        .newCall(new Request.Builder().url(url).build())
        .enqueue(
            new Callback() {
              @Override
              public void onFailure(Call call, IOException e) {
                outcome.complete(e.getClass().getName());
              }

              @Override
              public void onResponse(Call call, Response response) throws IOException {
                response.close();
                get(target + "?from=okhttp-async-callback");
                outcome.complete(String.valueOf(response.code()));
              }
            });
    return outcome.get();
  }

  /** The application interceptor calls {@code inner} with HttpURLConnection first. */
  @Override
  public String nested(String url, String inner) throws IOException {
    OkHttpClient nesting =
        client
            .newBuilder()
            .addInterceptor(
                chain -> {
                  get(inner);
                  return chain.proceed(chain.request());
                })
            .build();
    return execute(nesting, url);
  }

  private static void get(String url) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
    connection.getResponseCode();
    connection.getInputStream().close();
  }
}
