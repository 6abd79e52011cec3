package dev.meerkat.agent.it.servlet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.LogManager;
import javax.servlet.http.HttpServlet;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.ErrorPage;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/** Embedded Tomcat serving {@link TestServlets} on a free loopback port; prints READY port. */
public final class TomcatApp {
  private TomcatApp() {}

  public static void main(String[] args) throws Exception {
    LogManager.getLogManager().reset(); // Tomcat logs through JUL; keep stderr for the agent
    Path base = Files.createTempDirectory("tomcat");
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(base.toString());
    tomcat.setHostname("127.0.0.1");
    tomcat.setPort(0);
    tomcat.getConnector().setProperty("address", "127.0.0.1");
    Context context = tomcat.addContext("", base.toString());
    for (Map.Entry<String, HttpServlet> servlet : TestServlets.servlets().entrySet()) {
      String name = servlet.getKey().substring(1);
      Wrapper wrapper = Tomcat.addServlet(context, name, servlet.getValue());
      wrapper.setAsyncSupported(true);
      context.addServletMappingDecoded(servlet.getKey(), name);
    }
    // The default servlet answers unmapped paths (404), as in any real deployment.
    Tomcat.addServlet(context, "default", "org.apache.catalina.servlets.DefaultServlet");
    context.addServletMappingDecoded("/", "default");
    FilterDef filter = new FilterDef();
    filter.setFilterName("wrapping");
    filter.setFilter(TestServlets.wrappingFilter());
    filter.setAsyncSupported("true");
    context.addFilterDef(filter);
    FilterMap map = new FilterMap();
    map.setFilterName("wrapping");
    map.addURLPattern("/*");
    for (String dispatcher : new String[] {"REQUEST", "FORWARD", "INCLUDE", "ERROR", "ASYNC"}) {
      map.setDispatcher(dispatcher);
    }
    context.addFilterMap(map);
    ErrorPage errorPage = new ErrorPage();
    errorPage.setExceptionType(Throwable.class.getName());
    errorPage.setLocation("/error-page");
    context.addErrorPage(errorPage);
    tomcat.start();
    System.out.println("READY " + tomcat.getConnector().getLocalPort());
  }
}
