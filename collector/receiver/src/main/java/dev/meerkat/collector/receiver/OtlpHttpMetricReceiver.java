package dev.meerkat.collector.receiver;

import com.google.protobuf.InvalidProtocolBufferException;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.meerkat.collector.pipeline.BatchMetricProcessor;
import dev.meerkat.store.model.MetricPointRecord;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import java.util.List;

/** OTLP/HTTP metrics receiver ({@code POST /v1/metrics}, binary protobuf, optionally gzip). */
public final class OtlpHttpMetricReceiver implements HttpService {

  public static final String PATH = "/v1/metrics";

  private final BatchMetricProcessor processor;
  private final int maxBodyBytes;
  private final OtlpReceiverCounts counts = new OtlpReceiverCounts();

  private OtlpHttpMetricReceiver(BatchMetricProcessor processor, int maxBodyBytes) {
    this.processor = processor;
    this.maxBodyBytes = maxBodyBytes;
  }

  public static OtlpHttpMetricReceiver create(BatchMetricProcessor processor, int maxBodyBytes) {
    return new OtlpHttpMetricReceiver(processor, maxBodyBytes);
  }

  public OtlpReceiverCounts counts() {
    return counts;
  }

  @Override
  public HttpResponse serve(ServiceRequestContext ctx, HttpRequest req) {
    return HttpResponse.of(
        req.aggregate().thenApplyAsync(this::handle, ctx.blockingTaskExecutor()));
  }

  private HttpResponse handle(AggregatedHttpRequest request) {
    ExportMetricsServiceRequest export;
    try {
      export = ExportMetricsServiceRequest.parseFrom(OtlpHttpBodies.decode(request, maxBodyBytes));
    } catch (OtlpHttpBodies.BadRequestException e) {
      counts.badRequests.incrementAndGet();
      return OtlpHttpResponses.rejected(e.status, e.getMessage());
    } catch (InvalidProtocolBufferException e) {
      counts.badRequests.incrementAndGet();
      return OtlpHttpResponses.rejected(
          400, "could not decode ExportMetricsServiceRequest protobuf: " + e.getMessage());
    }
    List<MetricPointRecord> points = OtlpMetricMapper.map(export);
    counts.received.addAndGet(points.size());
    if (!points.isEmpty() && !processor.offer(points)) {
      counts.refused.addAndGet(points.size());
      return OtlpHttpResponses.busy("metric points");
    }
    return OtlpHttpResponses.success(ExportMetricsServiceResponse.getDefaultInstance());
  }
}
