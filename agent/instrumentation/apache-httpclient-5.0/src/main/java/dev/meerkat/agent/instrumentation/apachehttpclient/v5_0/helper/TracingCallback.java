package dev.meerkat.agent.instrumentation.apachehttpclient.v5_0.helper;

import dev.meerkat.agent.bootstrap.apachehttpclient5.ApacheHttpClient5Bridge;
import dev.meerkat.agent.bootstrap.apachehttpclient5.ApacheHttpClient5Hook;
import java.util.concurrent.CancellationException;
import org.apache.hc.core5.concurrent.FutureCallback;

/** Calls the application's callback, if any, then ends the span: it ends when the callback has. */
final class TracingCallback<T> implements FutureCallback<T> {
  private final Object state;
  private final FutureCallback<T> delegate;

  TracingCallback(Object state, FutureCallback<T> delegate) {
    this.state = state;
    this.delegate = delegate;
  }

  private void end(Throwable error) {
    ApacheHttpClient5Hook hook = ApacheHttpClient5Bridge.hook;
    if (hook != null) {
      hook.asyncEnd(state, error);
    }
  }

  @Override
  public void completed(T result) {
    try {
      if (delegate != null) {
        delegate.completed(result);
      }
    } finally {
      end(null);
    }
  }

  @Override
  public void failed(Exception cause) {
    try {
      if (delegate != null) {
        delegate.failed(cause);
      }
    } finally {
      end(cause);
    }
  }

  @Override
  public void cancelled() {
    try {
      if (delegate != null) {
        delegate.cancelled();
      }
    } finally {
      end(new CancellationException("cancelled"));
    }
  }
}
