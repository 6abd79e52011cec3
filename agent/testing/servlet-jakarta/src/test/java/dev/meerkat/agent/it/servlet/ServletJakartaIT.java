package dev.meerkat.agent.it.servlet;

import dev.meerkat.agent.testing.servlet.ServletContainerCases;

/** Embedded Tomcat 11 and Jetty 12 (jakarta.servlet 6). */
class ServletJakartaIT extends ServletContainerCases {
  ServletJakartaIT() {
    super("jakarta.servlet-api", true);
  }
}
