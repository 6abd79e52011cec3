package dev.meerkat.collector.receiver;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;

/**
 * What every OTLP/HTTP receiver does alike: decode off the event loop, enforce the body limit and
 * content type, decode binary protobuf or OTLP/JSON, answer 400 with what was wrong when that
 * fails, and hand the request to the signal's {@link OtlpIngest}. A signal's receiver is a small
 * subclass that names its path and ingest.
 *
 * @param <R> the OTLP export request message
 * @param <T> the record the pipeline takes
 */
public class OtlpHttpReceiver<R extends Message, T> implements HttpService {

  private final OtlpIngest<R, T> ingest;
  private final int maxBodyBytes;
  private final OtlpReceiverCounts counts = new OtlpReceiverCounts();

  OtlpHttpReceiver(OtlpIngest<R, T> ingest, int maxBodyBytes) {
    this.ingest = ingest;
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
    OtlpHttpBodies.Body body;
    OtlpIngest.Mapped<T> export;
    try {
      body = OtlpHttpBodies.decode(request, maxBodyBytes);
      export = decode(body);
    } catch (OtlpHttpBodies.BadRequestException e) {
      counts.badRequests.incrementAndGet();
      return OtlpHttpResponses.failure(e.status, e.encoding, e.getMessage());
    }
    OtlpHttpEncoding encoding = body.encoding();
    return HttpResponse.of(
        ingest
            .export(export, counts)
            .thenApply(outcome -> OtlpHttpResponses.of(outcome, encoding)));
  }

  private OtlpIngest.Mapped<T> decode(OtlpHttpBodies.Body body)
      throws OtlpHttpBodies.BadRequestException {
    if (body.encoding() == OtlpHttpEncoding.PROTOBUF) {
      try {
        return ingest.decode(body.bytes());
      } catch (InvalidProtocolBufferException e) {
        throw new OtlpHttpBodies.BadRequestException(
            400,
            body.encoding(),
            "could not decode " + ingest.messageName() + " protobuf: " + e.getMessage());
      }
    }
    Message.Builder builder = ingest.newRequestBuilder();
    try {
      OtlpJson.merge(body.bytes(), builder);
    } catch (OtlpJson.InvalidJsonException e) {
      throw new OtlpHttpBodies.BadRequestException(
          400,
          body.encoding(),
          "could not decode " + ingest.messageName() + " JSON: " + e.getMessage());
    }
    @SuppressWarnings("unchecked") // the builder came from the ingest, for R
    R request = (R) builder.build();
    return ingest.map(request);
  }
}
