package dev.meerkat.store.clickhouse;

import dev.meerkat.store.StoreException;
import dev.meerkat.store.query.QueryLimitException;
import dev.meerkat.store.query.QueryLimits;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Sends SQL statements and text queries over ClickHouse's HTTP interface with the JDK client.
 *
 * <p>Why not client-v2 here: 0.9.4 looks for the {@code X-ClickHouse-Exception-Code} header, which
 * 18.16 does not send, and then discards the error body ("Code: 0. DB::Exception: &lt;Unreadable
 * error message&gt; (transport error: 400)", measured). Statements are where readable errors matter
 * most (migrations, dashboard queries), so they go through this small client; bulk inserts stay on
 * client-v2's RowBinary path.
 */
final class StatementClient {

  private static final Pattern SERVER_CODE = Pattern.compile("Code: (\\d+)");
  // Server error codes that describe a passing condition: timeouts, overload, memory, network.
  private static final Set<Integer> RETRYABLE_CODES =
      Set.of(159, 160, 164, 202, 203, 209, 210, 241, 242, 252, 285, 319, 425);

  /** ClickHouse's TIMEOUT_EXCEEDED: max_execution_time was reached. */
  private static final int TIMEOUT_EXCEEDED = 159;

  private static final Duration READ_GRACE = Duration.ofSeconds(5);

  private final HttpClient http;
  private final String authorization;
  private final String baseUrl;

  StatementClient(ClickHouseConfig config, Duration connectTimeout) {
    this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (config.user() + ":" + config.password()).getBytes(StandardCharsets.UTF_8));
    // insert_distributed_sync: an INSERT into a Distributed table (cluster mode) returns once the
    // rows are on their shards.
    this.baseUrl = config.url() + "/?wait_end_of_query=1&insert_distributed_sync=1";
  }

  /**
   * Runs {@code sql} in {@code database} (none: the server's default) and returns the body.
   * wait_end_of_query=1 makes the server buffer the result, so an error raised mid-query arrives as
   * an HTTP error with its message instead of being appended to a 200 body.
   */
  String send(String sql, String database, Duration timeout) {
    String url =
        database == null
            ? baseUrl
            : baseUrl + "&database=" + URLEncoder.encode(database, StandardCharsets.UTF_8);
    HttpResponse<String> response =
        exchange(
            url,
            sql,
            timeout,
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8),
            e -> new StoreException("ClickHouse did not answer within " + timeout, true, e));
    if (response.statusCode() != 200) {
      throw serverError(response.statusCode(), response.body().strip());
    }
    return response.body();
  }

  /**
   * Runs a read query under {@code limits}: the server stops it after {@code limits.timeout()}
   * ({@code max_execution_time}, sent with the query), and at most {@code limits.maxRows()} rows
   * after the header line are read; one more row refuses the query, and the rest of the answer is
   * never read. Returns the header line and the rows, each line ending with a newline.
   *
   * @throws QueryLimitException when the result is too large or the server stopped the query
   */
  String sendRead(String sql, String database, QueryLimits limits) {
    String url =
        baseUrl
            + "&database="
            + URLEncoder.encode(database, StandardCharsets.UTF_8)
            + "&max_execution_time="
            + limits.timeout().toSeconds();
    HttpResponse<Stream<String>> response =
        exchange(
            url,
            sql,
            // The server's own limit answers first; this bounds a server that does not.
            limits.timeout().plus(READ_GRACE),
            HttpResponse.BodyHandlers.ofLines(),
            limits::timedOut);
    try (Stream<String> lines = response.body()) {
      if (response.statusCode() != 200) {
        String message = lines.collect(Collectors.joining("\n")).strip();
        StoreException error = serverError(response.statusCode(), message);
        throw message.contains("Code: " + TIMEOUT_EXCEEDED + ",") ? limits.timedOut(error) : error;
      }
      StringBuilder body = new StringBuilder();
      Iterator<String> it = lines.iterator();
      // The header line plus maxRows rows; a further line means the result is too large.
      for (long read = 0; it.hasNext(); read++) {
        if (read > limits.maxRows()) {
          throw limits.tooManyRows();
        }
        body.append(it.next()).append('\n');
      }
      return body.toString();
    }
  }

  /** POSTs {@code sql} to {@code url}; transport failures become retryable store errors. */
  private <T> HttpResponse<T> exchange(
      String url,
      String sql,
      Duration timeout,
      HttpResponse.BodyHandler<T> body,
      Function<HttpTimeoutException, RuntimeException> onTimeout) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(timeout)
            .header("Authorization", authorization)
            .POST(HttpRequest.BodyPublishers.ofString(sql, StandardCharsets.UTF_8))
            .build();
    try {
      return http.send(request, body);
    } catch (HttpTimeoutException e) {
      throw onTimeout.apply(e);
    } catch (ConnectException e) {
      throw new StoreException("cannot connect to ClickHouse at " + baseUrl + ": " + e, true, e);
    } catch (IOException e) {
      throw new StoreException("I/O error talking to ClickHouse: " + e, true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting for ClickHouse", true, e);
    }
  }

  static StoreException serverError(int httpStatus, String serverMessage) {
    Matcher code = SERVER_CODE.matcher(serverMessage);
    boolean retryable =
        httpStatus == 502
            || httpStatus == 503
            || httpStatus == 504
            || (code.find() && RETRYABLE_CODES.contains(Integer.parseInt(code.group(1))));
    return new StoreException(
        "ClickHouse answered HTTP " + httpStatus + ": " + serverMessage, retryable);
  }

  void close() {
    http.close();
  }
}
