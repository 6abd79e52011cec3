package dev.meerkat.notify;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Says why an address is not a public unicast address a notification may go to: loopback,
 * link-local (cloud metadata services live there), private, unspecified, multicast or reserved, and
 * the same ranges inside IPv6 forms that embed an IPv4 address (mapped, compatible, NAT64).
 */
final class AddressClassifier {

  private record Range(Cidr cidr, String reason) {}

  private static final List<Range> RANGES =
      List.of(
          range("169.254.169.254/32", "link-local (cloud metadata)"),
          range("0.0.0.0/8", "unspecified ('this network', 0.0.0.0/8)"),
          range("127.0.0.0/8", "loopback (127.0.0.0/8)"),
          range("10.0.0.0/8", "private (10.0.0.0/8)"),
          range("100.64.0.0/10", "shared address space (100.64.0.0/10, carrier-grade NAT)"),
          range("172.16.0.0/12", "private (172.16.0.0/12)"),
          range("192.168.0.0/16", "private (192.168.0.0/16)"),
          range("169.254.0.0/16", "link-local (169.254.0.0/16)"),
          range("224.0.0.0/4", "multicast (224.0.0.0/4)"),
          range("240.0.0.0/4", "reserved (240.0.0.0/4, broadcast included)"),
          range("::/128", "unspecified (::)"),
          range("::1/128", "loopback (::1)"),
          range("fe80::/10", "link-local (fe80::/10)"),
          range("fec0::/10", "site-local (fec0::/10, deprecated private range)"),
          range("fc00::/7", "unique local, i.e. private (fc00::/7)"),
          range("ff00::/8", "multicast (ff00::/8)"));

  /** IPv6 prefixes whose last 32 bits are an IPv4 address the packet really goes to. */
  private static final List<Range> EMBEDDING =
      List.of(
          ipv6Prefix96("IPv4-mapped", 10, 0xff, 0xff),
          ipv6Prefix96("NAT64", 0, 0x00, 0x64, 0xff, 0x9b),
          ipv6Prefix96("IPv4-compatible", 0));

  private AddressClassifier() {}

  /**
   * A /96 IPv6 range built from bytes: parsing the text {@code ::ffff:0:0/96} would give an IPv4
   * range, because Java turns mapped addresses into IPv4 ones.
   */
  private static Range ipv6Prefix96(String reason, int offset, int... bytes) {
    byte[] network = new byte[16];
    for (int i = 0; i < bytes.length; i++) {
      network[offset + i] = (byte) bytes[i];
    }
    return new Range(new Cidr(network, 96), reason);
  }

  private static Range range(String cidr, String reason) {
    return new Range(Cidr.parse(cidr), reason);
  }

  /** Why {@code address} is refused by default; empty for a public unicast address. */
  static Optional<String> restriction(InetAddress address) {
    for (Range range : RANGES) {
      if (range.cidr().contains(address)) {
        return Optional.of(range.reason());
      }
    }
    if (address instanceof Inet6Address) {
      for (Range embedding : EMBEDDING) {
        if (embedding.cidr().contains(address)) {
          InetAddress v4 = embeddedIpv4(address);
          return restriction(v4)
              .map(
                  reason ->
                      "the "
                          + embedding.reason()
                          + " IPv6 form of "
                          + v4.getHostAddress()
                          + ", "
                          + reason);
        }
      }
    }
    return Optional.empty();
  }

  /** The IPv4 address in the last 32 bits (a mapped address may also arrive as Inet6Address). */
  static InetAddress embeddedIpv4(InetAddress address) {
    byte[] bytes = address.getAddress();
    try {
      return InetAddress.getByAddress(Arrays.copyOfRange(bytes, bytes.length - 4, bytes.length));
    } catch (UnknownHostException e) {
      throw new IllegalStateException("4 bytes are always an IPv4 address", e);
    }
  }
}
