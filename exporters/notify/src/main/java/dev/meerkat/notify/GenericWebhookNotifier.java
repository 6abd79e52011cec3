package dev.meerkat.notify;

import java.net.URI;
import java.util.Optional;

/**
 * POSTs a notification to any HTTP(S) endpoint: the {@link WebhookPayloadFormatter} JSON, or the
 * body of a {@link WebhookTemplate}. With a secret, the body is signed in the {@code
 * X-Meerkat-Signature} header ({@link WebhookSigner}). Every request carries the notification's
 * {@code Idempotency-Key}, the same on every retry. Delivery and retries: {@link HttpSender}. The
 * secret is never logged nor shown by {@link #toString()}; of the URL only the host is logged.
 */
public final class GenericWebhookNotifier implements Notifier {

  private final HttpSender sender;
  private final Optional<WebhookSigner> signer;
  private final Optional<WebhookTemplate> template;
  private final WebhookPayloadFormatter formatter = new WebhookPayloadFormatter();

  private GenericWebhookNotifier(Builder builder) {
    this.sender = builder.sender("webhook");
    this.signer = Optional.ofNullable(builder.secret).map(WebhookSigner::new);
    this.template = Optional.ofNullable(builder.template);
  }

  public static GenericWebhookNotifier create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public DeliveryResult deliver(URI endpoint, AlertNotification notification) {
    if (!HttpSender.isHttpUrl(endpoint)) {
      return new DeliveryResult(DeliveryResult.Status.REJECTED, 0, "not an http(s) URL");
    }
    return sender.sendWithRetry(request(endpoint, notification));
  }

  /** The body sent for {@code notification}: the template's rendering or the standard JSON. */
  public String body(AlertNotification notification) {
    return template
        .map(t -> t.render(notification))
        .orElseGet(() -> formatter.format(notification));
  }

  private OutboundRequest request(URI endpoint, AlertNotification notification) {
    String body = body(notification);
    OutboundRequest.Builder request =
        sender
            .post(endpoint, "application/json", body)
            .header("Idempotency-Key", notification.idempotencyKey());
    signer.ifPresent(s -> request.header(WebhookSigner.HEADER, s.signature(body)));
    return request.build();
  }

  @Override
  public String toString() {
    return "GenericWebhookNotifier{signed="
        + signer.isPresent()
        + ", template="
        + template.isPresent()
        + "}";
  }

  /** Options for {@link GenericWebhookNotifier}. */
  public static final class Builder extends HttpChannelOptions<Builder> {
    private String secret;
    private WebhookTemplate template;

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /** Signs every body with HMAC-SHA256 under this secret; {@code null} or empty: unsigned. */
    public Builder secret(String secret) {
      this.secret = secret == null || secret.isEmpty() ? null : secret;
      return this;
    }

    /** Sends this template's rendering instead of the standard payload. */
    public Builder template(WebhookTemplate template) {
      this.template = template;
      return this;
    }

    /** Parses {@code template} ({@link WebhookTemplate#parse}); blank means the standard one. */
    public Builder template(String template) {
      this.template =
          template == null || template.isBlank() ? null : WebhookTemplate.parse(template);
      return this;
    }

    public GenericWebhookNotifier build() {
      return new GenericWebhookNotifier(this);
    }

    @Override
    public String toString() {
      return "GenericWebhookNotifier.Builder{signed=" + (secret != null) + "}";
    }
  }
}
