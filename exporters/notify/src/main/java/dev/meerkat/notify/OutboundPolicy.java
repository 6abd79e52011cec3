package dev.meerkat.notify;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where notifications may go. Only http(s) URLs with a host; addresses that are loopback,
 * link-local (cloud metadata), private, unspecified, multicast or reserved ({@link
 * AddressClassifier}) are refused unless the allow-list ({@value #SETTING}) permits them, by
 * address range ({@code 10.1.0.0/16}) or by host name with an optional port ({@code
 * receiver:9000}). A host name on the allow-list is trusted whatever it resolves to.
 *
 * <p>Checked when a target is saved ({@link #problem(URI, HostResolver)}) and again for every send
 * after DNS resolution ({@link PinnedDnsResolver}), so a name that later resolves elsewhere is
 * caught.
 */
public final class OutboundPolicy {

  /** The configuration key named in refusals, so that the message says what to change. */
  public static final String SETTING = "meerkat.outbound.allow";

  private record HostEntry(String host, int port) {}

  private final List<Cidr> ranges;
  private final List<HostEntry> hosts;

  private OutboundPolicy(List<Cidr> ranges, List<HostEntry> hosts) {
    this.ranges = List.copyOf(ranges);
    this.hosts = List.copyOf(hosts);
  }

  /** Refuses every restricted address: the safe default. */
  public static OutboundPolicy strict() {
    return new OutboundPolicy(List.of(), List.of());
  }

  /**
   * Parses allow-list entries: CIDR ranges or addresses ({@code 127.0.0.1/32}, {@code ::1}) and
   * host names with an optional port ({@code receiver}, {@code receiver:9000}).
   *
   * @throws IllegalArgumentException naming the entry that is not one of these
   */
  public static OutboundPolicy allowing(List<String> entries) {
    List<Cidr> ranges = new ArrayList<>();
    List<HostEntry> hosts = new ArrayList<>();
    for (String raw : entries) {
      String entry = raw == null ? "" : raw.strip();
      if (entry.isEmpty()) {
        continue;
      }
      try {
        if (entry.contains("/") || Cidr.isNumeric(entry)) {
          ranges.add(Cidr.parse(entry));
        } else {
          hosts.add(hostEntry(entry));
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(SETTING + ": " + e.getMessage(), e);
      }
    }
    return new OutboundPolicy(ranges, hosts);
  }

  private static HostEntry hostEntry(String entry) {
    int colon = entry.lastIndexOf(':');
    String host = colon < 0 ? entry : entry.substring(0, colon);
    int port = -1;
    if (colon >= 0) {
      try {
        port = Integer.parseInt(entry.substring(colon + 1));
      } catch (NumberFormatException e) {
        port = 0;
      }
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException(
            "'" + entry + "' has an invalid port; expected host, host:port or a CIDR range");
      }
    }
    if (!host.matches("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?")) {
      throw new IllegalArgumentException(
          "'" + entry + "' is not a host name, host:port or CIDR range");
    }
    return new HostEntry(host.toLowerCase(Locale.ROOT), port);
  }

  /** What is wrong with the URL itself (scheme, host), without asking DNS; empty when fine. */
  public Optional<String> urlProblem(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return Optional.of(
          scheme.isEmpty()
              ? "the URL has no scheme; use http:// or https://"
              : "the scheme '" + scheme + "' is not allowed; use http:// or https://");
    }
    if (url.getHost() == null || url.getHost().isEmpty()) {
      return Optional.of(
          "the URL has no valid host name (numeric hosts must be dotted like 203.0.113.7)");
    }
    if (url.getRawUserInfo() != null) {
      return Optional.of("the URL must not carry user:password@; use the channel's secret fields");
    }
    return Optional.empty();
  }

  /** Whether {@code host} (at {@code port}) is on the allow-list by name. */
  boolean allowsHost(String host, int port) {
    String name = host.toLowerCase(Locale.ROOT);
    for (HostEntry entry : hosts) {
      if (entry.host().equals(name) && (entry.port() < 0 || entry.port() == port)) {
        return true;
      }
    }
    return false;
  }

  /** Why a connection to {@code address} is refused; empty when it is public or allowed. */
  public Optional<String> refusal(InetAddress address) {
    return restriction(address)
        .map(
            reason ->
                address.getHostAddress()
                    + " is "
                    + reason
                    + "; add it to "
                    + SETTING
                    + " to permit it");
  }

  /** The restricted range {@code address} is in, unless the allow-list covers it. */
  private Optional<String> restriction(InetAddress address) {
    for (Cidr range : ranges) {
      if (range.contains(address)
          || (address.getAddress().length == 16
              && range.contains(AddressClassifier.embeddedIpv4(address)))) {
        return Optional.empty();
      }
    }
    return AddressClassifier.restriction(address);
  }

  /** Why sending to {@code host}, which resolved to {@code address}, is refused; empty if not. */
  Optional<String> refusal(String host, InetAddress address) {
    if (Cidr.isNumeric(host)) {
      return refusal(address);
    }
    return restriction(address)
        .map(
            reason ->
                host
                    + " resolves to "
                    + address.getHostAddress()
                    + ", which is "
                    + reason
                    + "; add the host or the address to "
                    + SETTING
                    + " to permit it");
  }

  /**
   * The check when a target is saved: the URL, then every address its host resolves to now. A host
   * that does not resolve (yet) passes: it is checked again when sent.
   */
  public Optional<String> problem(URI url, HostResolver resolver) {
    Optional<String> urlProblem = urlProblem(url);
    if (urlProblem.isPresent()) {
      return urlProblem;
    }
    String host = hostOf(url);
    if (allowsHost(host, portOf(url))) {
      return Optional.empty();
    }
    try {
      for (InetAddress address : addresses(host, resolver)) {
        Optional<String> refusal = refusal(host, address);
        if (refusal.isPresent()) {
          return refusal;
        }
      }
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** A numeric host as it is (no lookup), a name through {@code resolver}. */
  static InetAddress[] addresses(String host, HostResolver resolver) throws UnknownHostException {
    return Cidr.isNumeric(host)
        ? new InetAddress[] {InetAddress.getByName(host)}
        : resolver.resolve(host);
  }

  /** The host without IPv6 brackets. */
  static String hostOf(URI url) {
    String host = url.getHost();
    return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
  }

  static int portOf(URI url) {
    if (url.getPort() >= 0) {
      return url.getPort();
    }
    return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
  }

  @Override
  public String toString() {
    return "OutboundPolicy{ranges=" + ranges + ", hosts=" + hosts + "}";
  }
}
