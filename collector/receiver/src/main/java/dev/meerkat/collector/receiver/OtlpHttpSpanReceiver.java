package dev.meerkat.collector.receiver;

import com.google.protobuf.InvalidProtocolBufferException;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.meerkat.collector.pipeline.BatchSpanProcessor;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;

/** OTLP/HTTP trace receiver ({@code POST /v1/traces}, binary protobuf, optionally gzip). */
public final class OtlpHttpSpanReceiver implements HttpService {

  public static final String PATH = "/v1/traces";

  private final BatchSpanProcessor processor;
  private final int maxBodyBytes;
  private final OtlpReceiverCounts counts = new OtlpReceiverCounts();

  private OtlpHttpSpanReceiver(BatchSpanProcessor processor, int maxBodyBytes) {
    this.processor = processor;
    this.maxBodyBytes = maxBodyBytes;
  }

  public static OtlpHttpSpanReceiver create(BatchSpanProcessor processor, int maxBodyBytes) {
    return new OtlpHttpSpanReceiver(processor, maxBodyBytes);
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
    ExportTraceServiceRequest export;
    try {
      export = ExportTraceServiceRequest.parseFrom(OtlpHttpBodies.decode(request, maxBodyBytes));
    } catch (OtlpHttpBodies.BadRequestException e) {
      counts.badRequests.incrementAndGet();
      return OtlpHttpResponses.rejected(e.status, e.getMessage());
    } catch (InvalidProtocolBufferException e) {
      counts.badRequests.incrementAndGet();
      return OtlpHttpResponses.rejected(
          400, "could not decode ExportTraceServiceRequest protobuf: " + e.getMessage());
    }
    OtlpSpanMapper.Result result = OtlpSpanMapper.map(export);
    counts.received.addAndGet(result.spans().size());
    if (!result.spans().isEmpty() && !processor.offer(result.spans())) {
      counts.refused.addAndGet(result.spans().size());
      return OtlpHttpResponses.busy("spans");
    }
    ExportTraceServiceResponse.Builder response = ExportTraceServiceResponse.newBuilder();
    if (result.rejected() > 0) {
      counts.rejected.addAndGet(result.rejected());
      response.setPartialSuccess(
          ExportTracePartialSuccess.newBuilder()
              .setRejectedSpans(result.rejected())
              .setErrorMessage(result.firstRejection()));
    }
    return OtlpHttpResponses.success(response.build());
  }
}
