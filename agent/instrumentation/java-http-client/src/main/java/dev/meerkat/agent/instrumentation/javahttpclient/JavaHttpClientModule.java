package dev.meerkat.agent.instrumentation.javahttpclient;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.meerkat.agent.bootstrap.javahttpclient.JavaHttpClientBridge;
import dev.meerkat.agent.tooling.InstrumentationContext;
import dev.meerkat.agent.tooling.InstrumentationModule;
import dev.meerkat.agent.tooling.TypeInstrumentation;
import java.util.Collections;
import java.util.List;

/**
 * Client spans for {@code java.net.http.HttpClient} (Java 11+). The public client is a facade over
 * {@code jdk.internal.net.http.HttpClientImpl}, whose public send/sendAsync are traced. This module
 * is compiled for Java 11; on 8 it fails to load and is skipped.
 */
public final class JavaHttpClientModule extends InstrumentationModule {
  private static final String PACKAGE = "dev.meerkat.agent.instrumentation.javahttpclient.";

  public JavaHttpClientModule() {
    super("java-http-client");
  }

  @Override
  public String supportedVersions() {
    return "java.net.http.HttpClient, Java 11+";
  }

  @Override
  public int minimumJavaVersion() {
    return 11;
  }

  @Override
  public void activate(InstrumentationContext context) {
    JavaHttpClientBridge.hook = new HttpClientTracer(context);
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.singletonList(
        TypeInstrumentation.forType(named("jdk.internal.net.http.HttpClientImpl"))
            .advise(named("send").and(takesArguments(2)).and(isPublic()), PACKAGE + "SendAdvice")
            .advise(
                named("sendAsync").and(takesArguments(2).or(takesArguments(3))).and(isPublic()),
                PACKAGE + "SendAdvice",
                PACKAGE + "SendAsyncAdvice")
            .build());
  }
}
