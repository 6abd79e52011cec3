package dev.meerkat.collector.receiver;

import com.google.protobuf.InvalidProtocolBufferException;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;

/**
 * What every OTLP/HTTP receiver does alike: decode off the event loop, enforce the body limit and
 * content type, and answer 400 with what was wrong when the protobuf does not decode. Subclasses
 * map the decoded export and hand it to their pipeline.
 *
 * @param <T> the OTLP export request message
 */
public abstract class OtlpHttpReceiver<T> implements HttpService {

  private final int maxBodyBytes;
  final OtlpReceiverCounts counts = new OtlpReceiverCounts();

  OtlpHttpReceiver(int maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  public OtlpReceiverCounts counts() {
    return counts;
  }

  @Override
  public HttpResponse serve(ServiceRequestContext ctx, HttpRequest req) {
    // Decoding a large export is CPU work: keep it off the event loop.
    return HttpResponse.of(
        req.aggregate().thenApplyAsync(this::handle, ctx.blockingTaskExecutor()));
  }

  private HttpResponse handle(AggregatedHttpRequest request) {
    T export;
    try {
      export = parse(OtlpHttpBodies.decode(request, maxBodyBytes));
    } catch (OtlpHttpBodies.BadRequestException e) {
      counts.badRequests.incrementAndGet();
      return OtlpHttpResponses.rejected(e.status, e.getMessage());
    } catch (InvalidProtocolBufferException e) {
      counts.badRequests.incrementAndGet();
      return OtlpHttpResponses.rejected(
          400, "could not decode " + messageName() + " protobuf: " + e.getMessage());
    }
    return accept(export);
  }

  /** Parses the (gunzipped) body. */
  abstract T parse(byte[] body) throws InvalidProtocolBufferException;

  /** The protobuf message name, for error messages. */
  abstract String messageName();

  /** Maps and enqueues a decoded export; answers 200, or 503 when the pipeline is full. */
  abstract HttpResponse accept(T export);
}
