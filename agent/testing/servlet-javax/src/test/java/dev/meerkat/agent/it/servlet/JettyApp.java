package dev.meerkat.agent.it.servlet;

import java.net.InetSocketAddress;
import java.util.EnumSet;
import java.util.Map;
import javax.servlet.DispatcherType;
import javax.servlet.http.HttpServlet;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

/** Embedded Jetty 9.4 serving {@link TestServlets} on a free loopback port. */
public final class JettyApp {
  private JettyApp() {}

  public static void main(String[] args) throws Exception {
    Server server = new Server(new InetSocketAddress("127.0.0.1", 0));
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    for (Map.Entry<String, HttpServlet> servlet : TestServlets.servlets().entrySet()) {
      ServletHolder holder = new ServletHolder(servlet.getValue());
      holder.setAsyncSupported(true);
      context.addServlet(holder, servlet.getKey());
    }
    FilterHolder filter = new FilterHolder(TestServlets.wrappingFilter());
    filter.setAsyncSupported(true);
    context.addFilter(filter, "/*", EnumSet.allOf(DispatcherType.class));
    ErrorPageErrorHandler errors = new ErrorPageErrorHandler();
    errors.addErrorPage(Throwable.class, "/error-page");
    context.setErrorHandler(errors);
    server.setHandler(context);
    server.start();
    System.out.println("READY " + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
  }
}
