package dev.meerkat.agent.threads;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test app. {@code GET /work} runs, inside its SERVER span, one kind of task after another; each
 * task calls {@code /target/<case>} with HttpURLConnection (a CLIENT span whose parent must be the
 * SERVER span). Then the main thread, with no span, runs tasks on the same pools (same worker
 * threads): their CLIENT spans must be roots. It also checks, and reports in the response, that the
 * application still sees its own task objects (remove, shutdownNow, afterExecute).
 */
public final class ThreadsApp {
  private static final long TIMEOUT_SECONDS = 30;
  private static final int JAVA = Runtime.version().feature();
  private static int port;

  /** One worker each, so the later tasks run on the threads that ran the traced ones. */
  private static final ExecutorService pool = Executors.newFixedThreadPool(1);

  private static final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
  private static final ForkJoinPool forkJoin = new ForkJoinPool(2);

  interface Case {
    void run(String name) throws Exception;
  }

  public static void main(String[] args) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    // The handler of /work waits for calls to /target on the same server.
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/target", exchange -> respond(exchange, "ok"));
    CountDownLatch workDone = new CountDownLatch(1);
    server.createContext(
        "/work",
        exchange -> {
          String result = runAll(workCases());
          respond(exchange, result);
          workDone.countDown();
        });
    server.start();
    port = server.getAddress().getPort();
    System.out.println("JAVA " + JAVA);
    System.out.println("READY " + port);
    workDone.await();
    System.out.println("LATER " + runAll(laterCases()));
  }

  static Map<String, Case> workCases() {
    Map<String, Case> cases = new LinkedHashMap<>();
    cases.put("tpe-execute", name -> awaitRunnable(r -> pool.execute(r), name));
    cases.put("tpe-submit", name -> pool.submit(calling(name)).get());
    cases.put("tpe-invokeAll", name -> pool.invokeAll(List.of(calling(name))).get(0).get());
    cases.put("tpe-invokeAny", name -> pool.invokeAny(List.of(calling(name))));
    cases.put("tpe-remove", ThreadsApp::removeFindsTheApplicationsTask);
    cases.put("tpe-shutdownNow", ThreadsApp::shutdownNowReturnsTheApplicationsTask);
    cases.put("tpe-afterExecute", ThreadsApp::afterExecuteSeesTheFuture);
    cases.put(
        "stpe-schedule", name -> scheduler.schedule(calling(name), 1, TimeUnit.MILLISECONDS).get());
    cases.put("stpe-periodic", ThreadsApp::periodic);
    cases.put("fjp-execute", name -> awaitRunnable(r -> forkJoin.execute(r), name));
    cases.put("fjp-submit", name -> forkJoin.submit(calling(name)).get());
    cases.put("fjp-invoke", name -> forkJoin.invoke(new Parent(name)));
    cases.put("fjp-common", name -> ForkJoinPool.commonPool().submit(calling(name)).get());
    cases.put(
        "cf-supplyAsync", name -> CompletableFuture.supplyAsync(supplying(name)).get(30, SECONDS));
    cases.put(
        "cf-runAsync-executor",
        name -> CompletableFuture.runAsync(running(name), pool).get(30, SECONDS));
    cases.put(
        "cf-thenApplyAsync",
        name -> completedElsewhere(f -> f.thenApplyAsync(v -> supplying(name).get(), forkJoin)));
    cases.put(
        "cf-thenApply", name -> completedElsewhere(f -> f.thenApply(v -> supplying(name).get())));
    cases.put(
        "cf-whenComplete",
        name -> completedElsewhere(f -> f.whenComplete((v, e) -> supplying(name).get())));
    cases.put(
        "cf-thenCombine",
        name ->
            completedElsewhere(
                f ->
                    f.thenCombine(
                        CompletableFuture.completedFuture("b"), (a, b) -> supplying(name).get())));
    if (JAVA >= 21) {
      cases.put("vt-start", ThreadsApp::virtualThread);
      cases.put("vt-executor", ThreadsApp::virtualThreadPerTask);
      cases.put("tpte-platform", ThreadsApp::platformThreadPerTask);
    }
    return cases;
  }

  static Map<String, Case> laterCases() {
    Map<String, Case> cases = new LinkedHashMap<>();
    cases.put("later-tpe-execute", name -> awaitRunnable(r -> pool.execute(r), name));
    cases.put("later-tpe-submit", name -> pool.submit(calling(name)).get());
    cases.put(
        "later-stpe-schedule",
        name -> scheduler.schedule(calling(name), 1, TimeUnit.MILLISECONDS).get());
    cases.put("later-fjp-execute", name -> awaitRunnable(r -> forkJoin.execute(r), name));
    cases.put("later-fjp-invoke", name -> forkJoin.invoke(new Parent(name)));
    cases.put(
        "later-cf-supplyAsync",
        name -> CompletableFuture.supplyAsync(supplying(name)).get(30, SECONDS));
    cases.put(
        "later-cf-thenApply",
        name -> completedElsewhere(f -> f.thenApply(v -> supplying(name).get())));
    if (JAVA >= 21) {
      cases.put("later-vt-start", ThreadsApp::virtualThread);
    }
    return cases;
  }

  private static final TimeUnit SECONDS = TimeUnit.SECONDS;

  /** "ok", or what failed. */
  static String runAll(Map<String, Case> cases) {
    List<String> failures = new ArrayList<>();
    for (Map.Entry<String, Case> entry : cases.entrySet()) {
      try {
        entry.getValue().run(entry.getKey());
      } catch (Throwable t) {
        failures.add(entry.getKey() + ": " + t);
      }
    }
    return failures.isEmpty() ? "ok" : String.join("; ", failures);
  }

  // --- ThreadPoolExecutor: the application still sees its own tasks -------------------------

  private static void removeFindsTheApplicationsTask(String name) throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Future<?> blocker =
        pool.submit(
            () -> {
              release.await();
              return null;
            });
    Runnable queued = () -> {};
    pool.execute(queued);
    boolean removed = ((ThreadPoolExecutor) pool).remove(queued);
    release.countDown();
    blocker.get();
    check(removed, "remove(task) did not find the queued task");
    call(name);
  }

  private static void shutdownNowReturnsTheApplicationsTask(String name) throws Exception {
    ThreadPoolExecutor own =
        new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
    CountDownLatch started = new CountDownLatch(1);
    own.execute(
        () -> {
          started.countDown();
          try {
            new CountDownLatch(1).await();
          } catch (InterruptedException expected) {
            // shutdownNow interrupts
          }
        });
    started.await();
    Runnable queued = () -> {};
    own.execute(queued);
    List<Runnable> left = own.shutdownNow();
    check(left.size() == 1 && left.get(0) == queued, "shutdownNow returned " + left);
    call(name);
  }

  private static void afterExecuteSeesTheFuture(String name) throws Exception {
    CompletableFuture<Runnable> seen = new CompletableFuture<>();
    ThreadPoolExecutor own =
        new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>()) {
          @Override
          protected void afterExecute(Runnable task, Throwable error) {
            seen.complete(task);
          }
        };
    Future<?> future = own.submit(calling(name));
    future.get();
    check(seen.get(30, SECONDS) == future, "afterExecute saw " + seen.get() + ", not " + future);
    own.shutdown();
  }

  // --- ScheduledThreadPoolExecutor periodic ---------------------------------------------------

  private static void periodic(String name) throws Exception {
    AtomicInteger runs = new AtomicInteger();
    CompletableFuture<Void> twice = new CompletableFuture<>();
    ScheduledFuture<?> task =
        scheduler.scheduleAtFixedRate(
            () -> {
              int run = runs.incrementAndGet();
              if (run > 2) {
                return;
              }
              try {
                call(name + "-" + run);
                if (run == 2) {
                  twice.complete(null);
                }
              } catch (Exception e) {
                twice.completeExceptionally(e);
              }
            },
            0,
            1,
            TimeUnit.MILLISECONDS);
    try {
      twice.get(30, SECONDS);
    } finally {
      task.cancel(false);
    }
    check(task.isCancelled(), "periodic task not cancelled");
  }

  // --- ForkJoinTask.fork on another worker ----------------------------------------------------

  /** Calls {@code name}, then forks a leaf that another worker must run (this one waits). */
  static final class Parent extends RecursiveAction {
    private final String name;

    Parent(String name) {
      this.name = name;
    }

    @Override
    protected void compute() {
      try {
        call(name);
        Leaf leaf = new Leaf(name + "-forked");
        leaf.fork();
        check(leaf.ran.await(TIMEOUT_SECONDS, SECONDS), "forked task did not run");
        leaf.join();
        check(leaf.thread != Thread.currentThread(), "forked task ran on the same thread");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  static final class Leaf extends RecursiveAction {
    private final String name;
    final CountDownLatch ran = new CountDownLatch(1);
    volatile Thread thread;

    Leaf(String name) {
      this.name = name;
    }

    @Override
    protected void compute() {
      thread = Thread.currentThread();
      try {
        call(name);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      } finally {
        ran.countDown();
      }
    }
  }

  // --- CompletableFuture ------------------------------------------------------------------------

  interface Stage {
    CompletableFuture<?> register(CompletableFuture<String> source);
  }

  /** Registers a callback on an incomplete future, then completes it from a thread with no span. */
  private static void completedElsewhere(Stage stage) throws Exception {
    CompletableFuture<String> source = new CompletableFuture<>();
    CompletableFuture<?> dependent = stage.register(source);
    Thread completer = new Thread(() -> source.complete("a"));
    completer.start();
    completer.join();
    dependent.get(30, SECONDS);
  }

  // --- virtual threads (Java 21+, called reflectively: this class is compiled for 17) ----------

  private static void virtualThread(String name) throws Exception {
    Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
    Method start = Class.forName("java.lang.Thread$Builder").getMethod("start", Runnable.class);
    CompletableFuture<Void> done = new CompletableFuture<>();
    // Two calls: the virtual thread parks on socket I/O in the first and is mounted again.
    Runnable task =
        () -> {
          try {
            call(name + "-1");
            call(name + "-2");
            done.complete(null);
          } catch (Exception e) {
            done.completeExceptionally(e);
          }
        };
    Thread thread = (Thread) start.invoke(builder, task);
    thread.join();
    done.get(30, SECONDS);
  }

  private static void virtualThreadPerTask(String name) throws Exception {
    ExecutorService executor =
        (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    try {
      executor.submit(calling(name)).get();
      awaitRunnable(executor::execute, name + "-execute");
    } finally {
      executor.shutdown();
    }
  }

  private static void platformThreadPerTask(String name) throws Exception {
    ExecutorService executor =
        (ExecutorService)
            Executors.class
                .getMethod("newThreadPerTaskExecutor", ThreadFactory.class)
                .invoke(null, Executors.defaultThreadFactory());
    try {
      executor.submit(calling(name)).get();
      awaitRunnable(executor::execute, name + "-execute");
    } finally {
      executor.shutdown();
    }
  }

  // --- helpers
  // ------------------------------------------------------------------------------------

  interface Submitter {
    void submit(Runnable task) throws Exception;
  }

  private static void awaitRunnable(Submitter submitter, String name) throws Exception {
    CompletableFuture<Void> done = new CompletableFuture<>();
    submitter.submit(
        () -> {
          try {
            call(name);
            done.complete(null);
          } catch (Exception e) {
            done.completeExceptionally(e);
          }
        });
    done.get(30, SECONDS);
  }

  private static Callable<Integer> calling(String name) {
    return () -> call(name);
  }

  private static java.util.function.Supplier<Integer> supplying(String name) {
    return () -> {
      try {
        return call(name);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    };
  }

  private static Runnable running(String name) {
    return () -> supplying(name).get();
  }

  /** GET /target/name with HttpURLConnection (traced by the agent); fails unless 200. */
  static int call(String name) throws IOException {
    HttpURLConnection connection =
        (HttpURLConnection)
            URI.create("http://127.0.0.1:" + port + "/target/" + name).toURL().openConnection();
    int status = connection.getResponseCode();
    try (InputStream in = connection.getInputStream()) {
      in.readAllBytes();
    }
    if (status != 200) {
      throw new IOException(name + " answered " + status);
    }
    return status;
  }

  private static void check(boolean condition, String failure) {
    if (!condition) {
      throw new IllegalStateException(failure);
    }
  }

  private static void respond(HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
