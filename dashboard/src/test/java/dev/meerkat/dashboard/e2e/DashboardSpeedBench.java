package dev.meerkat.dashboard.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The dashboard speed benchmark's client side (run by {@code deploy/bench/dashboard-speed.sh}, not
 * by the build): times every {@code /api/v1} call behind a page with a real HTTP client and an API
 * token, then each page of a table (name, path, ready selector, ready condition) in headless
 * Chromium from navigation start until its data is shown. Prints Markdown tables.
 *
 * <ul>
 *   <li>{@code users <dir>}: writes a users file with a fresh password and API token for user
 *       {@code bench} (role editor) and the credentials beside it, both readable by the owner only.
 *   <li>{@code run <baseUrl> <dir> <pages.tsv> <apiRuns> <pageRuns> [apiPages]}: the measurement;
 *       {@code apiPages} (comma-separated page names, e.g. {@code service,map}) times only the
 *       calls behind those pages.
 * </ul>
 */
public final class DashboardSpeedBench {

  static final String USER = "bench";
  static final double API_TARGET_MS = 300;
  static final double PAGE_TARGET_MS = 1_500;
  private static final int API_WARM_UP = 5;
  private static final Pattern TRACE_ID = Pattern.compile("\"traceId\":\"([0-9a-f]{32})\"");

  private DashboardSpeedBench() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "users" -> writeUsers(Path.of(args[1]));
      case "run" ->
          run(
              args[1],
              Path.of(args[2]),
              Path.of(args[3]),
              Integer.parseInt(args[4]),
              Integer.parseInt(args[5]),
              args.length > 6 && !args[6].isBlank() ? Set.of(args[6].split(",")) : Set.of());
      default -> throw new IllegalArgumentException("unknown command " + args[0]);
    }
  }

  private static void writeUsers(Path dir) throws IOException, NoSuchAlgorithmException {
    SecureRandom random = new SecureRandom();
    String password = randomHex(random, 12);
    String token = "mk_" + randomHex(random, 24);
    String digest =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
    writePrivate(
        dir.resolve("users"),
        "user "
            + USER
            + " editor "
            + new BCryptPasswordEncoder(10).encode(password)
            + "\ntoken bench-api "
            + USER
            + " sha256:"
            + digest
            + "\n");
    writePrivate(dir.resolve("credentials"), password + "\n" + token + "\n");
  }

  private static void writePrivate(Path file, String text) throws IOException {
    Files.deleteIfExists(file);
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, text);
  }

  private static String randomHex(SecureRandom random, int bytes) {
    byte[] value = new byte[bytes];
    random.nextBytes(value);
    return HexFormat.of().formatHex(value);
  }

  private static void run(
      String baseUrl, Path dir, Path pages, int apiRuns, int pageRuns, Set<String> apiPages)
      throws Exception {
    List<String> credentials = Files.readAllLines(dir.resolve("credentials"));
    Api api = new Api(baseUrl, credentials.get(1));
    Map<String, String> values = placeholders(api);
    System.out.println("Placeholders: " + values);
    System.out.println();
    if (apiRuns > 0) {
      timeApi(api, values, apiRuns, apiPages);
    }
    System.out.println("### Pages in Chromium (" + pageRuns + " runs each after one warm-up)");
    System.out.println();
    System.out.println("| page | path | runs | p50 ms | max ms | <= 1.5 s | note |");
    System.out.println("|---|---|---|---|---|---|---|");
    ChromeDriver driver = Browser.start();
    try {
      Browser.submitLogin(driver, baseUrl, USER, credentials.get(0));
      Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("sign-out")));
      for (PageLoad page : PageLoad.read(pages)) {
        System.out.println(page.time(driver, baseUrl, fill(page.path(), values), pageRuns));
      }
    } finally {
      driver.quit();
    }
  }

  /** Times the calls behind {@code apiPages}, or every call when it is empty. */
  private static void timeApi(Api api, Map<String, String> values, int runs, Set<String> apiPages)
      throws IOException, InterruptedException {
    System.out.println("### API calls (" + runs + " runs each after " + API_WARM_UP + " warm-up)");
    System.out.println();
    System.out.println("| page | call | runs | p50 ms | p99 ms | max ms | bytes | p99 <= 300 ms |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    for (ApiCall call : ApiCall.ALL) {
      if (!apiPages.isEmpty() && !apiPages.contains(call.page())) {
        continue;
      }
      System.out.println(api.time(call.page(), fill(call.path(), values), runs));
    }
    System.out.println();
  }

  /** Values the calls and pages need: a busy service, a stored trace, an instance, an SLO. */
  private static Map<String, String> placeholders(Api api)
      throws IOException, InterruptedException {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("service", "checkout");
    values.put("instance", "instance-3");
    values.put("slo", "checkout-availability");
    String traces = api.get("/api/v1/traces?service=checkout&window=1h&limit=1");
    Matcher id = TRACE_ID.matcher(traces);
    if (!id.find()) {
      throw new IllegalStateException(
          "no checkout trace in the last hour: is the data topped up to now? " + traces);
    }
    values.put("traceId", id.group(1));
    return values;
  }

  static String fill(String template, Map<String, String> values) {
    String filled = template;
    for (Map.Entry<String, String> value : values.entrySet()) {
      filled =
          filled.replace(
              "{" + value.getKey() + "}",
              URLEncoder.encode(value.getValue(), StandardCharsets.UTF_8));
    }
    return filled;
  }

  /** p50, p99 and max of a sample, nearest rank. */
  record Stats(double p50, double p99, double max) {
    static Stats of(double[] millis) {
      double[] sorted = millis.clone();
      Arrays.sort(sorted);
      return new Stats(rank(sorted, 0.50), rank(sorted, 0.99), sorted[sorted.length - 1]);
    }

    private static double rank(double[] sorted, double p) {
      return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
    }
  }

  /** Every {@code /api/v1} call behind a page, as a script or the page's data would ask it. */
  record ApiCall(String page, String path) {
    static final List<ApiCall> ALL =
        List.of(
            new ApiCall("services", "/api/v1/services?window=1h"),
            new ApiCall("services", "/api/v1/services?window=24h"),
            new ApiCall("services", "/api/v1/services?window=7d"),
            new ApiCall("services", "/api/v1/services?window=30d"),
            new ApiCall("service", "/api/v1/services/{service}?window=1h"),
            new ApiCall("service", "/api/v1/services/{service}?window=24h"),
            new ApiCall("service", "/api/v1/services/{service}?window=7d"),
            new ApiCall("service", "/api/v1/services/{service}?window=30d"),
            new ApiCall("service", "/api/v1/services/{service}/series?window=1h"),
            new ApiCall("service", "/api/v1/services/{service}/series?window=24h"),
            new ApiCall("service", "/api/v1/services/{service}/series?window=7d"),
            new ApiCall("service", "/api/v1/services/{service}/series?window=30d"),
            new ApiCall("service", "/api/v1/services/{service}/operations?window=1h"),
            new ApiCall("service", "/api/v1/services/{service}/operations?window=24h"),
            new ApiCall("service", "/api/v1/services/{service}/operations?window=7d"),
            new ApiCall("service", "/api/v1/services/{service}/operations?window=30d"),
            new ApiCall("service", "/api/v1/services/{service}/slowest-traces?window=1h"),
            new ApiCall("service", "/api/v1/services/{service}/slowest-traces?window=24h"),
            new ApiCall("service", "/api/v1/services/{service}/slowest-traces?window=7d"),
            new ApiCall("service", "/api/v1/services/{service}/slowest-traces?window=30d"),
            new ApiCall("service", "/api/v1/services/{service}/errors?window=1h"),
            new ApiCall("service", "/api/v1/services/{service}/errors?window=24h"),
            new ApiCall("service", "/api/v1/services/{service}/errors?window=7d"),
            new ApiCall("service", "/api/v1/services/{service}/errors?window=30d"),
            new ApiCall("service", "/api/v1/services/{service}/weekly"),
            new ApiCall("explore", "/api/v1/traces?service={service}&window=1h"),
            new ApiCall("explore", "/api/v1/traces?window=1h"),
            new ApiCall("explore", "/api/v1/traces?service={service}&window=24h"),
            new ApiCall("explore", "/api/v1/traces?window=24h"),
            new ApiCall("explore", "/api/v1/traces?attr=http.route%3D/api/cart&window=1h"),
            new ApiCall("explore", "/api/v1/traces?service={service}&minDurationMs=150&window=24h"),
            new ApiCall("explore", "/api/v1/traces?status=error&window=24h"),
            new ApiCall("trace", "/api/v1/traces/{traceId}"),
            new ApiCall("map", "/api/v1/service-graph?window=1h"),
            new ApiCall("map", "/api/v1/service-graph?window=24h"),
            new ApiCall("map", "/api/v1/service-graph?window=7d"),
            new ApiCall("map", "/api/v1/service-graph?window=30d"),
            new ApiCall(
                "jvm",
                "/api/v1/metrics?name=jvm.memory.used&label=service.instance.id%3D{instance}"
                    + "&window=1h"),
            new ApiCall(
                "jvm",
                "/api/v1/metrics?name=jvm.memory.used&label=service.name%3D{service}"
                    + "&window=24h&step=5m"),
            new ApiCall("logs", "/api/v1/logs?window=1h"),
            new ApiCall("logs", "/api/v1/logs?service={service}&severity=ERROR&window=24h"),
            new ApiCall("logs", "/api/v1/logs?text=failed&window=24h"),
            new ApiCall("logs", "/api/v1/logs?traceId={traceId}&window=24h"),
            new ApiCall("slos", "/api/v1/slos"),
            new ApiCall("slos", "/api/v1/slos/{slo}"),
            new ApiCall("alerts", "/api/v1/alerts?window=24h"),
            new ApiCall("alerts", "/api/v1/alerts?window=30d"),
            new ApiCall("deliveries", "/api/v1/deliveries?window=24h"),
            new ApiCall("deliveries", "/api/v1/deliveries/suppressed?window=24h"));
  }

  /** The JSON API with a bearer token, over one keep-alive HTTP/1.1 client. */
  private static final class Api {
    private final String baseUrl;
    private final String token;
    private final HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    Api(String baseUrl, String token) {
      this.baseUrl = baseUrl;
      this.token = token;
    }

    String get(String path) throws IOException, InterruptedException {
      HttpResponse<String> response =
          client.send(request(path), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "GET " + path + " answered " + response.statusCode() + ": " + response.body());
      }
      return response.body();
    }

    String time(String page, String path, int runs) throws IOException, InterruptedException {
      double[] millis = new double[runs];
      long bytes = 0;
      for (int i = -API_WARM_UP; i < runs; i++) {
        long began = System.nanoTime();
        HttpResponse<byte[]> response =
            client.send(request(path), HttpResponse.BodyHandlers.ofByteArray());
        double elapsed = (System.nanoTime() - began) / 1e6;
        if (response.statusCode() != 200) {
          return String.format(
              "| %s | `%s` | - | - | - | - | - | failed: %d %s |",
              page,
              path,
              response.statusCode(),
              new String(response.body(), StandardCharsets.UTF_8).replace('|', '/'));
        }
        if (i >= 0) {
          millis[i] = elapsed;
        }
        bytes = response.body().length;
      }
      Stats stats = Stats.of(millis);
      return String.format(
          "| %s | `%s` | %d | %.1f | %.1f | %.1f | %,d | %s |",
          page,
          path,
          runs,
          stats.p50(),
          stats.p99(),
          stats.max(),
          bytes,
          stats.p99() <= API_TARGET_MS ? "yes" : "**no**");
    }

    private HttpRequest request(String path) {
      return HttpRequest.newBuilder(URI.create(baseUrl + path))
          .header("Authorization", "Bearer " + token)
          .timeout(Duration.ofSeconds(60))
          .GET()
          .build();
    }
  }

  /**
   * One page of the table: its path (placeholders {@code {service}}, {@code {traceId}}, ...), the
   * CSS selector of the element that holds its data and a JavaScript condition on that element
   * ({@code el}) that is true once the data is shown.
   */
  record PageLoad(String name, String path, String selector, String condition) {

    static List<PageLoad> read(Path table) throws IOException {
      List<PageLoad> pages = new ArrayList<>();
      for (String line : Files.readAllLines(table)) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] fields = line.split("\t+");
        if (fields.length != 4) {
          throw new IllegalArgumentException(
              table + ": expected name, path, selector, condition separated by tabs: " + line);
        }
        pages.add(new PageLoad(fields[0], fields[1], fields[2], fields[3]));
      }
      return pages;
    }

    /**
     * Installs, before each navigation, a check that runs in the new document from its first moment
     * and records {@code performance.now()} (milliseconds since navigation start) when the
     * condition first holds, or when Vaadin shows its "Could not navigate" page.
     */
    /**
     * An unknown route: the dashboard answers 403 for a signed-in user (Spring Security denies
     * paths that no view allows), Vaadin alone 404 with its "Could not navigate" text.
     */
    private static final String NOT_FOUND =
        "[403, 404].includes((performance.getEntriesByType('navigation')[0] || {}).responseStatus)"
            + " || (document.body && document.body.textContent.includes('Could not navigate'))";

    /** What the page shows when it is not ready: its title, HTTP status and first words. */
    private static final String DIAGNOSIS =
        "return document.title + ' (HTTP ' + (performance.getEntriesByType('navigation')[0]"
            + " || {}).responseStatus + '): ' + (document.body ? document.body.innerText : '')"
            + ".replace(/\\s+/g, ' ').slice(0, 120)";

    String time(ChromeDriver driver, String baseUrl, String path, int runs) {
      String script =
          "(() => { const sel = "
              + jsString(selector)
              + "; const ready = el => ("
              + condition
              + "); const notFound = () => "
              + NOT_FOUND
              + "; let n = 0; const check = () => {"
              + " const el = document.querySelector(sel);"
              + " try { if (el && ready(el)) { window.__benchReadyAt = performance.now(); return; } }"
              + " catch (e) {}"
              + " if (++n % 20 === 0 && notFound()) {"
              + " window.__benchNotFound = performance.now(); return; }"
              + " setTimeout(check, 5); }; check(); })();";
      Object id =
          driver
              .executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", script))
              .get("identifier");
      try {
        double[] millis = new double[runs];
        for (int i = -1; i < runs; i++) {
          driver.get(baseUrl + "/" + path);
          Browser.waitFor(driver)
              .until(
                  d ->
                      driver.executeScript(
                          "return window.__benchReadyAt !== undefined"
                              + " || window.__benchNotFound !== undefined"));
          if (driver.executeScript("return window.__benchNotFound !== undefined") == Boolean.TRUE) {
            return String.format(
                "| %s | `%s` | - | - | - | - | page not found (HTTP %s): not on this branch yet |",
                name,
                path,
                driver.executeScript(
                    "return performance.getEntriesByType('navigation')[0].responseStatus"));
          }
          double readyAt =
              ((Number) driver.executeScript("return window.__benchReadyAt")).doubleValue();
          if (i >= 0) {
            millis[i] = readyAt;
          }
        }
        Stats stats = Stats.of(millis);
        return String.format(
            "| %s | `%s` | %d | %.0f | %.0f | %s | |",
            name,
            path,
            runs,
            stats.p50(),
            stats.max(),
            stats.max() <= PAGE_TARGET_MS
                ? "yes"
                : stats.p50() <= PAGE_TARGET_MS ? "p50 only" : "**no**");
      } catch (TimeoutException e) {
        return String.format(
            "| %s | `%s` | - | - | - | **no** | not ready after 30 s: %s |",
            name, path, String.valueOf(driver.executeScript(DIAGNOSIS)).replace('|', '/'));
      } finally {
        driver.executeCdpCommand(
            "Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", id));
      }
    }

    private static String jsString(String text) {
      return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
  }
}
