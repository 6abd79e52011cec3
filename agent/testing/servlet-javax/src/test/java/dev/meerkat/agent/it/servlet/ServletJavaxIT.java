package dev.meerkat.agent.it.servlet;

import dev.meerkat.agent.testing.servlet.ServletContainerCases;

/** Embedded Tomcat 9 and Jetty 9.4 (javax.servlet 4.0 and 3.1: Jetty 9.4 has no mapping API). */
class ServletJavaxIT extends ServletContainerCases {
  ServletJavaxIT() {
    super("javax.servlet-api", false);
  }
}
