package dev.meerkat.notify;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The DNS step of one send: resolves the host once, checks EVERY address against the {@link
 * OutboundPolicy}, and hands exactly those checked addresses to the HTTP client, which connects to
 * them while still using the host name for the {@code Host} header, TLS SNI and certificate checks.
 * A second lookup that could answer differently (DNS rebinding) never happens. Bound to the port of
 * the URL being sent to, because allow-list entries may name host and port.
 */
final class PinnedDnsResolver implements DnsResolver {

  private final OutboundPolicy policy;
  private final HostResolver resolver;
  private final int port;

  PinnedDnsResolver(OutboundPolicy policy, HostResolver resolver, int port) {
    this.policy = policy;
    this.resolver = resolver;
    this.port = port;
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    InetAddress[] addresses = OutboundPolicy.addresses(bare, resolver);
    if (policy.allowsHost(bare, port)) {
      return addresses;
    }
    for (InetAddress address : addresses) {
      Optional<String> refusal = policy.refusal(bare, address);
      if (refusal.isPresent()) {
        throw new RefusedAddressException(refusal.get());
      }
    }
    return addresses;
  }

  @Override
  public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
    List<InetSocketAddress> checked = new ArrayList<>();
    for (InetAddress address : resolve(host)) {
      checked.add(new InetSocketAddress(address, port));
    }
    return checked;
  }

  /** No reverse lookup: the name the user configured is the name TLS verifies. */
  @Override
  public String resolveCanonicalHostname(String host) {
    return host;
  }
}
