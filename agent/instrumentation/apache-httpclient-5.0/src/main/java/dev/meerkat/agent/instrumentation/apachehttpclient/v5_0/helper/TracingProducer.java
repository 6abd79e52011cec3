package dev.meerkat.agent.instrumentation.apachehttpclient.v5_0.helper;

import dev.meerkat.agent.bootstrap.apachehttpclient5.ApacheHttpClient5Bridge;
import dev.meerkat.agent.bootstrap.apachehttpclient5.ApacheHttpClient5Hook;
import java.io.IOException;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.DataStreamChannel;
import org.apache.hc.core5.http.nio.RequestChannel;
import org.apache.hc.core5.http.protocol.HttpContext;

/** Starts the span and adds the trace headers when the request is sent; delegates the rest. */
final class TracingProducer implements AsyncRequestProducer {
  private final Object state;
  private final HttpHost target;
  private final AsyncRequestProducer delegate;

  TracingProducer(Object state, HttpHost target, AsyncRequestProducer delegate) {
    this.state = state;
    this.target = target;
    this.delegate = delegate;
  }

  @Override
  public void sendRequest(final RequestChannel channel, HttpContext context)
      throws HttpException, IOException {
    delegate.sendRequest(
        new RequestChannel() {
          @Override
          public void sendRequest(HttpRequest request, EntityDetails entity, HttpContext context)
              throws HttpException, IOException {
            traced(request);
            channel.sendRequest(request, entity, context);
          }
        },
        context);
  }

  private void traced(HttpRequest request) {
    ApacheHttpClient5Hook hook = ApacheHttpClient5Bridge.hook;
    if (hook == null) {
      return;
    }
    String url;
    try {
      url =
          request.getAuthority() == null && target != null
              ? target.toURI() + request.getRequestUri()
              : request.getUri().toString();
    } catch (Exception e) {
      url = request.getRequestUri();
    }
    String[] headers =
        target != null
            ? hook.asyncRequest(
                state,
                request.getMethod(),
                url,
                target.getHostName(),
                target.getPort(),
                target.getSchemeName())
            : hook.asyncRequest(
                state,
                request.getMethod(),
                url,
                request.getAuthority() == null ? null : request.getAuthority().getHostName(),
                request.getAuthority() == null ? -1 : request.getAuthority().getPort(),
                request.getScheme());
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.setHeader(headers[i], headers[i + 1]);
    }
  }

  @Override
  public boolean isRepeatable() {
    return delegate.isRepeatable();
  }

  @Override
  public void failed(Exception cause) {
    delegate.failed(cause);
  }

  @Override
  public int available() {
    return delegate.available();
  }

  @Override
  public void produce(DataStreamChannel channel) throws IOException {
    delegate.produce(channel);
  }

  @Override
  public void releaseResources() {
    delegate.releaseResources();
  }
}
