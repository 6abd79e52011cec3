package dev.meerkat.agent.it.servlet;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.servlet.AsyncContext;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;
import javax.servlet.http.HttpServletResponse;

/**
 * The servlets and the filter both containers serve: a plain answer, a forward, an include, an
 * exception, a chosen status, an async answer completed by another request, an async dispatch, and
 * an error page that the container dispatches to after the exception.
 */
final class TestServlets {
  private static final BlockingQueue<AsyncContext> PARKED = new LinkedBlockingQueue<>();

  private TestServlets() {}

  private static AsyncContext take() throws ServletException {
    try {
      AsyncContext async = PARKED.poll(30, TimeUnit.SECONDS);
      if (async == null) {
        throw new ServletException("no parked /async request");
      }
      return async;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServletException(e);
    }
  }

  /** Path -> servlet; "/error-page" is also registered as the container's error page. */
  static Map<String, HttpServlet> servlets() {
    Map<String, HttpServlet> servlets = new LinkedHashMap<>();
    servlets.put("/hello", servlet((req, resp) -> resp.getWriter().print("hello")));
    servlets.put(
        "/forward", servlet((req, resp) -> req.getRequestDispatcher("/hello").forward(req, resp)));
    servlets.put(
        "/include", servlet((req, resp) -> req.getRequestDispatcher("/hello").include(req, resp)));
    servlets.put(
        "/fail",
        servlet(
            (req, resp) -> {
              throw new IllegalStateException("boom");
            }));
    servlets.put(
        "/status",
        servlet((req, resp) -> resp.setStatus(Integer.parseInt(req.getParameter("code")))));
    // The async answer is given by another request's thread, long after /async returned.
    servlets.put("/async", servlet((req, resp) -> PARKED.add(req.startAsync())));
    servlets.put(
        "/async-finish",
        servlet(
            (req, resp) -> {
              AsyncContext async = take();
              ((HttpServletResponse) async.getResponse()).setStatus(201);
              async.complete();
            }));
    servlets.put("/async-dispatch", servlet((req, resp) -> req.startAsync().dispatch("/hello")));
    servlets.put("/api/*", servlet((req, resp) -> resp.getWriter().print(req.getPathInfo())));
    servlets.put("/error-page", servlet((req, resp) -> resp.getWriter().print("error page")));
    return servlets;
  }

  /** A filter on every path and dispatch that wraps the request, as real filters do. */
  static Filter wrappingFilter() {
    return new Filter() {
      // Servlet 3.1 (Jetty 9.4) has no default init and destroy.
      @Override
      public void init(FilterConfig config) {}

      @Override
      public void destroy() {}

      @Override
      public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
          throws IOException, ServletException {
        chain.doFilter(new HttpServletRequestWrapper((HttpServletRequest) request), response);
      }
    };
  }

  interface Handler {
    void handle(HttpServletRequest request, HttpServletResponse response)
        throws IOException, ServletException;
  }

  private static HttpServlet servlet(Handler handler) {
    return new HttpServlet() {
      private static final long serialVersionUID = 1L;

      @Override
      protected void service(HttpServletRequest request, HttpServletResponse response)
          throws IOException, ServletException {
        handler.handle(request, response);
      }
    };
  }
}
