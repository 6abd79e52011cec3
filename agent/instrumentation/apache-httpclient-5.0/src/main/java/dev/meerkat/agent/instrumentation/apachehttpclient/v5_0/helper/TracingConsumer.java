package dev.meerkat.agent.instrumentation.apachehttpclient.v5_0.helper;

import dev.meerkat.agent.bootstrap.apachehttpclient5.ApacheHttpClient5Bridge;
import dev.meerkat.agent.bootstrap.apachehttpclient5.ApacheHttpClient5Hook;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.protocol.HttpContext;

/** Notes the response status for the span; delegates everything. */
final class TracingConsumer<T> implements AsyncResponseConsumer<T> {
  private final Object state;
  private final AsyncResponseConsumer<T> delegate;

  TracingConsumer(Object state, AsyncResponseConsumer<T> delegate) {
    this.state = state;
    this.delegate = delegate;
  }

  @Override
  public void consumeResponse(
      HttpResponse response, EntityDetails entity, HttpContext context, FutureCallback<T> result)
      throws HttpException, IOException {
    ApacheHttpClient5Hook hook = ApacheHttpClient5Bridge.hook;
    if (hook != null) {
      hook.asyncResponse(state, response.getCode());
    }
    delegate.consumeResponse(response, entity, context, result);
  }

  @Override
  public void informationResponse(HttpResponse response, HttpContext context)
      throws HttpException, IOException {
    delegate.informationResponse(response, context);
  }

  @Override
  public void failed(Exception cause) {
    delegate.failed(cause);
  }

  @Override
  public void updateCapacity(CapacityChannel channel) throws IOException {
    delegate.updateCapacity(channel);
  }

  @Override
  public void consume(ByteBuffer data) throws IOException {
    delegate.consume(data);
  }

  @Override
  public void streamEnd(List<? extends Header> trailers) throws HttpException, IOException {
    delegate.streamEnd(trailers);
  }

  @Override
  public void releaseResources() {
    delegate.releaseResources();
  }
}
