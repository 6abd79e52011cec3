package dev.meerkat.notify;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Resolves a host name to every address it has. Injectable so that tests can play a DNS server
 * whose answer changes between saving a channel and sending to it (DNS rebinding).
 */
@FunctionalInterface
public interface HostResolver {

  InetAddress[] resolve(String host) throws UnknownHostException;

  /** The system resolver ({@link InetAddress#getAllByName}). */
  static HostResolver system() {
    return InetAddress::getAllByName;
  }
}
