package dev.meerkat.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which addresses and URLs the outbound policy refuses, and what it says. */
class OutboundPolicyTest {

  private final OutboundPolicy strict = OutboundPolicy.strict();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "127.0.0.1       | 127.0.0.1 is loopback (127.0.0.0/8)",
        "127.255.0.9     | 127.255.0.9 is loopback (127.0.0.0/8)",
        "169.254.169.254 | 169.254.169.254 is link-local (cloud metadata)",
        "169.254.1.1     | 169.254.1.1 is link-local (169.254.0.0/16)",
        "10.20.30.40     | 10.20.30.40 is private (10.0.0.0/8)",
        "172.16.0.1      | 172.16.0.1 is private (172.16.0.0/12)",
        "172.31.255.255  | 172.31.255.255 is private (172.16.0.0/12)",
        "192.168.1.1     | 192.168.1.1 is private (192.168.0.0/16)",
        "100.64.0.1      | 100.64.0.1 is shared address space (100.64.0.0/10, carrier-grade NAT)",
        "0.0.0.0         | 0.0.0.0 is unspecified ('this network', 0.0.0.0/8)",
        "224.0.0.1       | 224.0.0.1 is multicast (224.0.0.0/4)",
        "255.255.255.255 | 255.255.255.255 is reserved (240.0.0.0/4, broadcast included)",
        "::1             | 0:0:0:0:0:0:0:1 is loopback (::1)",
        "::              | 0:0:0:0:0:0:0:0 is unspecified (::)",
        "fe80::1         | fe80:0:0:0:0:0:0:1 is link-local (fe80::/10)",
        "fd00:ec2::254   | fd00:ec2:0:0:0:0:0:254 is unique local, i.e. private (fc00::/7)",
        "ff02::1         | ff02:0:0:0:0:0:0:1 is multicast (ff00::/8)",
        "::ffff:169.254.169.254 | 169.254.169.254 is link-local (cloud metadata)",
        "64:ff9b::a9fe:a9fe | 64:ff9b:0:0:0:0:a9fe:a9fe is the NAT64 IPv6 form of 169.254.169.254,"
            + " link-local (cloud metadata)",
        "::127.0.0.1     | 0:0:0:0:0:0:7f00:1 is the IPv4-compatible IPv6 form of 127.0.0.1,"
            + " loopback (127.0.0.0/8)",
      })
  void refusesRestrictedAddressesSayingWhyAndWhatToSet(String address, String reason)
      throws UnknownHostException {
    assertThat(strict.refusal(InetAddress.getByName(address)))
        .contains(reason + "; add it to meerkat.outbound.allow to permit it");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"203.0.113.7", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2001:db8::1", "2a00:1450::1"})
  void permitsPublicAddresses(String address) throws UnknownHostException {
    assertThat(strict.refusal(InetAddress.getByName(address))).isEmpty();
  }

  @Test
  void javaTurnsTheMappedTextFormIntoIpv4ButAnInet6MappedAddressIsCheckedToo()
      throws UnknownHostException {
    assertThat(InetAddress.getByName("::ffff:127.0.0.1").getHostAddress()).isEqualTo("127.0.0.1");
    byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1};
    InetAddress inet6 = Inet6Address.getByAddress(null, mapped, -1);

    assertThat(strict.refusal(inet6))
        .contains(
            "0:0:0:0:0:ffff:7f00:1 is the IPv4-mapped IPv6 form of 127.0.0.1, loopback"
                + " (127.0.0.0/8); add it to meerkat.outbound.allow to permit it");
    assertThat(OutboundPolicy.allowing(List.of("127.0.0.1")).refusal(inet6)).isEmpty();
  }

  @Test
  void theAllowListPermitsRangesAndNothingElse() throws UnknownHostException {
    OutboundPolicy policy = OutboundPolicy.allowing(List.of("10.1.0.0/16", "fd00::/8", " "));

    assertThat(policy.refusal(InetAddress.getByName("10.1.255.3"))).isEmpty();
    assertThat(policy.refusal(InetAddress.getByName("fd12::1"))).isEmpty();
    assertThat(policy.refusal(InetAddress.getByName("10.2.0.1")))
        .contains(
            "10.2.0.1 is private (10.0.0.0/8); add it to meerkat.outbound.allow to permit it");
  }

  @Test
  void hostEntriesPermitTheNameAtTheirPortWhateverItResolvesTo() {
    OutboundPolicy policy = OutboundPolicy.allowing(List.of("receiver:9000", "Alerts.Internal"));
    HostResolver loopback = host -> new InetAddress[] {InetAddress.getLoopbackAddress()};

    assertThat(policy.problem(URI.create("http://receiver:9000/hook"), loopback)).isEmpty();
    assertThat(policy.problem(URI.create("https://alerts.internal/hook"), loopback)).isEmpty();
    assertThat(policy.problem(URI.create("http://receiver:9001/hook"), loopback))
        .contains(
            "receiver resolves to 127.0.0.1, which is loopback (127.0.0.0/8); add the host or"
                + " the address to meerkat.outbound.allow to permit it");
  }

  @Test
  void ipv6LiteralUrlsAreCheckedWithoutDns() {
    HostResolver noDns =
        host -> {
          throw new AssertionError("numeric hosts need no lookup: " + host);
        };

    assertThat(strict.problem(URI.create("http://[::1]:8080/hook"), noDns))
        .contains(
            "0:0:0:0:0:0:0:1 is loopback (::1); add it to meerkat.outbound.allow to permit it");
    assertThat(strict.problem(URI.create("http://[::ffff:169.254.169.254]/latest"), noDns))
        .contains(
            "169.254.169.254 is link-local (cloud metadata); add it to meerkat.outbound.allow to"
                + " permit it");
  }

  @Test
  void theDemoAllowsExactlyItsReceiverPort() {
    OutboundPolicy demo = OutboundPolicy.allowing(List.of("127.0.0.1:7003"));

    assertThat(demo.problem(URI.create("http://127.0.0.1:7003/alerts"), HostResolver.system()))
        .isEmpty();
    assertThat(demo.problem(URI.create("http://127.0.0.1:8123/"), HostResolver.system()))
        .contains(
            "127.0.0.1 is loopback (127.0.0.0/8); add it to meerkat.outbound.allow to permit it");
  }

  @Test
  void refusesAHostWhenAnyOfItsAddressesIsRestricted() throws UnknownHostException {
    InetAddress[] answer = {
      InetAddress.getByName("203.0.113.7"), InetAddress.getByName("169.254.169.254")
    };
    HostResolver dns = Map.of("hooks.example.com", answer)::get;

    assertThat(strict.problem(URI.create("https://hooks.example.com/x"), dns))
        .contains(
            "hooks.example.com resolves to 169.254.169.254, which is link-local (cloud metadata);"
                + " add the host or the address to meerkat.outbound.allow to permit it");
  }

  @Test
  void aHostThatDoesNotResolveYetPassesTheSaveCheck() {
    HostResolver nothing =
        host -> {
          throw new UnknownHostException(host);
        };

    assertThat(strict.problem(URI.create("https://not-yet.example.com/x"), nothing)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "file:///etc/passwd        | the scheme 'file' is not allowed; use http:// or https://",
        "gopher://h:70/x           | the scheme 'gopher' is not allowed; use http:// or https://",
        "ftp://example.com/        | the scheme 'ftp' is not allowed; use http:// or https://",
        "//example.com/hook        | the URL has no scheme; use http:// or https://",
        "http://u:p@example.com/   | the URL must not carry user:password@; use the channel's"
            + " secret fields",
      })
  void refusesUrlsThatAreNotPlainHttp(String url, String problem) {
    assertThat(strict.urlProblem(URI.create(url))).contains(problem);
  }

  /**
   * Tricky numeric hosts: java.net.URI takes {@code 2130706433} as a host name and the JDK resolver
   * reads it as the 32-bit number of 127.0.0.1, so the address check after resolution refuses it;
   * {@code 0x7f.1} is not a host for URI at all.
   */
  @Test
  void decimalAndHexHostsAreRefusedEitherWay() throws UnknownHostException {
    URI decimal = URI.create("http://2130706433/");
    assertThat(decimal.getHost()).isEqualTo("2130706433");
    assertThat(InetAddress.getAllByName("2130706433"))
        .containsExactly(InetAddress.getByName("127.0.0.1"));
    String refusal =
        "2130706433 resolves to 127.0.0.1, which is loopback (127.0.0.0/8); add the host or"
            + " the address to meerkat.outbound.allow to permit it";
    assertThat(strict.problem(decimal, HostResolver.system())).contains(refusal);
    assertThatThrownBy(
            () -> new PinnedDnsResolver(strict, HostResolver.system(), 80).resolve("2130706433"))
        .isInstanceOf(RefusedAddressException.class)
        .hasMessage(refusal);

    URI hex = URI.create("http://0x7f.1/");
    assertThat(hex.getHost()).isNull();
    assertThat(strict.urlProblem(hex))
        .contains("the URL has no valid host name (numeric hosts must be dotted like 203.0.113.7)");
  }

  @Test
  void badAllowListEntriesNameTheSettingAndTheEntry() {
    assertThatThrownBy(() -> OutboundPolicy.allowing(List.of("10.0.0.0/33")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "meerkat.outbound.allow: '10.0.0.0/33' has an invalid prefix length; expected 0-32");
    assertThatThrownBy(() -> OutboundPolicy.allowing(List.of("receiver:http")))
        .hasMessage(
            "meerkat.outbound.allow: 'receiver:http' has an invalid port; expected host,"
                + " host:port or a CIDR range");
    assertThatThrownBy(() -> OutboundPolicy.allowing(List.of("http://receiver/")))
        .hasMessage(
            "meerkat.outbound.allow: 'http://receiver/' is not an IP address or CIDR range (e.g."
                + " 10.1.2.0/24, fd00::/8)");
  }
}
