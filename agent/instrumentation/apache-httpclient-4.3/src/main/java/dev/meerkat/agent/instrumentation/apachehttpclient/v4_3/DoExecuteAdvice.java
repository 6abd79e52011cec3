package dev.meerkat.agent.instrumentation.apachehttpclient.v4_3;

import dev.meerkat.agent.bootstrap.apachehttpclient4.ApacheHttpClient4Bridge;
import dev.meerkat.agent.bootstrap.apachehttpclient4.ApacheHttpClient4Hook;
import java.net.URI;
import net.bytebuddy.asm.Advice;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;
import org.apache.http.HttpResponse;

/**
 * Inlined into {@code doExecute(HttpHost, HttpRequest, HttpContext)}: one span per outermost
 * execution, trace headers set on the (mutable) request, the call's context current meanwhile.
 */
final class DoExecuteAdvice {
  private DoExecuteAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static Object enter(
      @Advice.Argument(0) HttpHost target, @Advice.Argument(1) HttpRequest request) {
    // The depth is incremented first, unconditionally, because exit always decrements it.
    if (ApacheHttpClient4Bridge.DEPTH.enter() != 0) {
      return null;
    }
    ApacheHttpClient4Hook hook = ApacheHttpClient4Bridge.hook;
    if (hook == null) {
      return null;
    }
    // The request line holds an absolute URI, or a path when the target host is separate.
    String uri = request.getRequestLine().getUri();
    URI parsed = URI.create(uri);
    String url = parsed.isAbsolute() || target == null ? uri : target.toURI() + uri;
    Object call =
        target != null
            ? hook.start(
                request.getRequestLine().getMethod(),
                url,
                target.getHostName(),
                target.getPort(),
                target.getSchemeName())
            : hook.start(
                request.getRequestLine().getMethod(),
                url,
                parsed.getHost(),
                parsed.getPort(),
                parsed.getScheme());
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
    ApacheHttpClient4Bridge.DEPTH.exit();
    ApacheHttpClient4Hook hook = ApacheHttpClient4Bridge.hook;
    if (call != null && hook != null) {
      hook.end(call, response == null ? -1 : response.getStatusLine().getStatusCode(), error);
    }
  }
}
