package dev.meerkat.agent.instrumentation.okhttp.v4;

import dev.meerkat.agent.bootstrap.okhttp.OkHttpBridge;
import dev.meerkat.agent.bootstrap.okhttp.OkHttpHook;
import net.bytebuddy.asm.Advice;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Inlined into {@code RealInterceptorChain.proceed(Request)}. Only the first link (index 0) is
 * traced: later links are the interceptors of the same call. The request passed on to the first
 * interceptor gets the trace headers; the call's context is current while the chain runs.
 */
final class ProceedAdvice {
  private ProceedAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static Object enter(
      @Advice.FieldValue("index") int index,
      @Advice.Argument(value = 0, readOnly = false) Request request) {
    OkHttpHook hook = OkHttpBridge.hook;
    if (index != 0 || hook == null) {
      return null;
    }
    HttpUrl url = request.url();
    Object call =
        hook.start(request.method(), url.toString(), url.host(), url.port(), url.scheme());
    String[] headers = hook.headers(call);
    if (headers.length > 0) {
      Request.Builder builder = request.newBuilder();
      for (int i = 0; i + 1 < headers.length; i += 2) {
        builder.header(headers[i], headers[i + 1]);
      }
      request = builder.build();
    }
    // Last, so that a failure above cannot leave the context current past this call.
    hook.activate(call);
    return call;
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(
      @Advice.Enter Object call, @Advice.Return Response response, @Advice.Thrown Throwable error) {
    OkHttpHook hook = OkHttpBridge.hook;
    if (call != null && hook != null) {
      hook.end(call, response == null ? -1 : response.code(), error);
    }
  }
}
