package dev.meerkat.agent.instrumentation.apachehttpclient.v5_0;

import dev.meerkat.agent.bootstrap.apachehttpclient5.ApacheHttpClient5Bridge;
import dev.meerkat.agent.bootstrap.apachehttpclient5.ApacheHttpClient5Hook;
import net.bytebuddy.asm.Advice;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpResponse;

/**
 * Inlined into {@code doExecute(HttpHost, ClassicHttpRequest, HttpContext)}: one span per outermost
 * execution, trace headers set on the (mutable) request, the call's context current meanwhile.
 */
final class DoExecuteAdvice {
  private DoExecuteAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static Object enter(
      @Advice.Argument(0) HttpHost target, @Advice.Argument(1) ClassicHttpRequest request)
      throws Exception {
    // The depth is incremented first, unconditionally, because exit always decrements it.
    if (ApacheHttpClient5Bridge.DEPTH.enter() != 0) {
      return null;
    }
    ApacheHttpClient5Hook hook = ApacheHttpClient5Bridge.hook;
    if (hook == null) {
      return null;
    }
    // The request carries scheme and authority, or only a path when the target is separate.
    String url =
        request.getAuthority() == null && target != null
            ? target.toURI() + request.getRequestUri()
            : request.getUri().toString();
    Object call =
        target != null
            ? hook.start(
                request.getMethod(),
                url,
                target.getHostName(),
                target.getPort(),
                target.getSchemeName())
            : hook.start(
                request.getMethod(),
                url,
                request.getAuthority() == null ? null : request.getAuthority().getHostName(),
                request.getAuthority() == null ? -1 : request.getAuthority().getPort(),
                request.getScheme());
    String[] headers = hook.headers(call);
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.setHeader(headers[i], headers[i + 1]);
    }
    // Last, so that a failure above cannot leave the context current past this call.
    hook.activate(call);
    return call;
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(
      @Advice.Enter Object call,
      @Advice.Return HttpResponse response,
      @Advice.Thrown Throwable error) {
    ApacheHttpClient5Bridge.DEPTH.exit();
    ApacheHttpClient5Hook hook = ApacheHttpClient5Bridge.hook;
    if (call != null && hook != null) {
      hook.end(call, response == null ? -1 : response.getCode(), error);
    }
  }
}
