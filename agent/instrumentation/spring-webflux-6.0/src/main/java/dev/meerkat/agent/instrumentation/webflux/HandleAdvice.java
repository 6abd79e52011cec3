package dev.meerkat.agent.instrumentation.webflux;

import dev.meerkat.agent.bootstrap.webflux.WebFluxBridge;
import dev.meerkat.agent.bootstrap.webflux.WebFluxHook;
import java.net.InetSocketAddress;
import java.net.URI;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Inlined into {@code HttpWebHandlerAdapter.handle(request, response)}, where every WebFlux request
 * starts whatever the server (Reactor Netty, Tomcat, Jetty, Undertow): starts the server call,
 * keeps its context current while the handler chain is assembled (the exchange is created then),
 * and replaces the returned {@code Mono<Void>} with one that subscribes in that context and ends
 * the call.
 */
final class HandleAdvice {
  private HandleAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static Object enter(
      @Advice.This Object adapter,
      @Advice.Argument(value = 0, readOnly = false) ServerHttpRequest request,
      @Advice.Local("scope") Object scope) {
    WebFluxHook hook = WebFluxBridge.hook;
    if (hook == null) {
      return null;
    }
    HttpHeaders headers = request.getHeaders();
    String[] fields = hook.propagationFields();
    String[] values = new String[fields.length];
    for (int i = 0; i < fields.length; i++) {
      values[i] = headers.getFirst(fields[i]);
    }
    URI uri = request.getURI();
    InetSocketAddress remote = request.getRemoteAddress();
    Object call =
        hook.start(
            request.getMethod().name(),
            uri.getScheme(),
            uri.getRawPath(),
            uri.getRawQuery(),
            uri.getHost(),
            uri.getPort(),
            remote == null || remote.getAddress() == null
                ? null
                : remote.getAddress().getHostAddress(),
            headers.getFirst("User-Agent"),
            values);
    if (call != null) {
      request = (ServerHttpRequest) hook.decorate(adapter.getClass(), call, request);
      scope = hook.enter(call);
    }
    return call;
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(
      @Advice.This Object adapter,
      @Advice.Enter Object call,
      @Advice.Local("scope") Object scope,
      @Advice.Argument(1) Object response,
      @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object result,
      @Advice.Thrown Throwable thrown) {
    if (call == null) {
      return;
    }
    WebFluxHook hook = WebFluxBridge.hook;
    if (scope != null) {
      hook.exit(scope);
    }
    if (thrown != null || result == null) {
      hook.end(call, 500, null, thrown);
      return;
    }
    result = hook.wrap(adapter.getClass(), call, result, response);
  }
}
