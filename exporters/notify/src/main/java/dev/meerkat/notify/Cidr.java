package dev.meerkat.notify;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * An address range ({@code 10.0.0.0/8}, {@code fe80::/10}); a bare address is a range of one. Only
 * numeric text is accepted, so parsing never asks DNS.
 */
record Cidr(byte[] network, int prefix) {

  static Cidr parse(String text) {
    String trimmed = text.strip();
    int slash = trimmed.indexOf('/');
    String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
    byte[] bytes = numericAddress(address, text);
    int prefix = bytes.length * 8;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(trimmed.substring(slash + 1));
      } catch (NumberFormatException e) {
        prefix = -1;
      }
      if (prefix < 0 || prefix > bytes.length * 8) {
        throw new IllegalArgumentException(
            "'" + text + "' has an invalid prefix length; expected 0-" + bytes.length * 8);
      }
    }
    return new Cidr(bytes, prefix);
  }

  /** Whether {@code text} is a numeric IPv4 (dotted quad) or IPv6 address. */
  static boolean isNumeric(String text) {
    return text.matches("\\d{1,3}(\\.\\d{1,3}){3}")
        || text.matches("\\[?[0-9A-Fa-f]*:[0-9A-Fa-f]*:[0-9A-Fa-f:.]*]?");
  }

  private static byte[] numericAddress(String address, String text) {
    String bare =
        address.startsWith("[") && address.endsWith("]")
            ? address.substring(1, address.length() - 1)
            : address;
    if (!isNumeric(bare)) {
      throw new IllegalArgumentException(
          "'" + text + "' is not an IP address or CIDR range (e.g. 10.1.2.0/24, fd00::/8)");
    }
    try {
      // Numeric text: getByName parses it without a lookup.
      return InetAddress.getByName(bare).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("'" + text + "' is not a valid IP address");
    }
  }

  boolean contains(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (bytes.length != network.length) {
      return false;
    }
    int fullBytes = prefix / 8;
    for (int i = 0; i < fullBytes; i++) {
      if (bytes[i] != network[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (bytes[fullBytes] & mask) == (network[fullBytes] & mask);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Cidr cidr
        && prefix == cidr.prefix
        && Arrays.equals(network, cidr.network);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(network) + prefix;
  }

  @Override
  public String toString() {
    try {
      return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
