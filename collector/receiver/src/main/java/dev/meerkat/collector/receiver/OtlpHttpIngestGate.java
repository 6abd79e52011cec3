package dev.meerkat.collector.receiver;

import com.google.rpc.Code;
import com.google.rpc.Status;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.server.DecoratingHttpServiceFunction;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;

/**
 * The {@link IngestGate} in front of the OTLP/HTTP receivers: 401 with {@code WWW-Authenticate:
 * Bearer} for a missing, malformed or unknown token, 429 with {@code Retry-After} past the rate
 * limit, each with a {@code google.rpc.Status} body in the request's encoding.
 */
public final class OtlpHttpIngestGate implements DecoratingHttpServiceFunction {

  // RFC 6750 section 3: no error code when no credentials were sent at all.
  private static final String CHALLENGE = "Bearer realm=\"meerkat\"";
  private static final String INVALID_TOKEN_CHALLENGE =
      "Bearer realm=\"meerkat\", error=\"invalid_token\"";

  private final IngestGate gate;

  private OtlpHttpIngestGate(IngestGate gate) {
    this.gate = gate;
  }

  public static OtlpHttpIngestGate create(IngestGate gate) {
    return new OtlpHttpIngestGate(gate);
  }

  @Override
  public HttpResponse serve(HttpService delegate, ServiceRequestContext ctx, HttpRequest req)
      throws Exception {
    IngestGate.Decision decision =
        gate.admit(
            req.headers().get(HttpHeaderNames.AUTHORIZATION),
            ctx.remoteAddress().getAddress().getHostAddress());
    if (decision.kind() == IngestGate.Decision.Kind.ADMIT) {
      return delegate.serve(ctx, req);
    }
    HttpResponse refusal = refusal(decision, encoding(req.contentType()));
    // Read the body before answering: an HTTP/1.1 client still sending it would otherwise see the
    // connection reset instead of the answer, and retry. The server's body limit bounds it.
    return HttpResponse.of(req.aggregate().handle((body, failure) -> refusal));
  }

  private static HttpResponse refusal(IngestGate.Decision decision, OtlpHttpEncoding encoding) {
    boolean unauthenticated = decision.kind() == IngestGate.Decision.Kind.UNAUTHENTICATED;
    ResponseHeaders headers =
        unauthenticated
            ? ResponseHeaders.builder(HttpStatus.UNAUTHORIZED)
                .contentType(encoding.mediaType)
                .add(
                    HttpHeaderNames.WWW_AUTHENTICATE,
                    decision.failure() == AuthFailure.MISSING ? CHALLENGE : INVALID_TOKEN_CHALLENGE)
                .build()
            : ResponseHeaders.builder(HttpStatus.TOO_MANY_REQUESTS)
                .contentType(encoding.mediaType)
                .add(HttpHeaderNames.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()))
                .build();
    Status status =
        Status.newBuilder()
            .setCode((unauthenticated ? Code.UNAUTHENTICATED : Code.RESOURCE_EXHAUSTED).getNumber())
            .setMessage(decision.message())
            .build();
    return HttpResponse.of(headers, HttpData.wrap(encoding.encode(status)));
  }

  private static OtlpHttpEncoding encoding(MediaType contentType) {
    return contentType != null && contentType.is(MediaType.JSON)
        ? OtlpHttpEncoding.JSON
        : OtlpHttpEncoding.PROTOBUF;
  }
}
