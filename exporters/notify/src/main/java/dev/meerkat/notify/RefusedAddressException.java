package dev.meerkat.notify;

import java.net.UnknownHostException;

/**
 * Thrown by {@link PinnedDnsResolver} when a host resolves to an address the {@link OutboundPolicy}
 * refuses. An {@link UnknownHostException} because that is all a DNS resolver may throw; {@link
 * HttpSender} tells it apart and does not retry.
 */
final class RefusedAddressException extends UnknownHostException {

  RefusedAddressException(String message) {
    super(message);
  }
}
