package dev.meerkat.collector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Collections;

/** This machine's first non-loopback IPv4 address, to test what a bound address lets in. */
final class NonLoopbackAddress {

  private NonLoopbackAddress() {}

  static InetAddress find() {
    try {
      for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!network.isUp() || network.isLoopback()) {
          continue;
        }
        for (InetAddress address : Collections.list(network.getInetAddresses())) {
          if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
            return address;
          }
        }
      }
    } catch (SocketException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException(
        "this test needs a network interface with a non-loopback IPv4 address; found none");
  }

  /** True when a TCP connection to {@code address:port} is accepted. */
  static boolean accepts(InetAddress address, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 5_000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
