package fitcoach.app;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * IP address literals (IPv4, IPv6 with or without brackets), parsed without ever asking DNS: a header value or a
 * configured address that is a name must not make a request wait on a resolver.
 */
public final class IpLiteral {
  private IpLiteral() {
  }

  /** The address {@code text} spells, or empty when it is not an IP literal (a host name, garbage). */
  public static Optional<InetAddress> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = text.trim();
    if (s.startsWith("[") && s.endsWith("]")) {
      s = s.substring(1, s.length() - 1);
    }
    byte[] bytes = NetUtil.createByteArrayFromIpAddressString(s);
    if (bytes == null) {
      return Optional.empty();
    }
    try {
      InetAddress address = InetAddress.getByAddress(bytes);
      // An IPv4-mapped IPv6 address (::ffff:10.0.0.1) is that IPv4 address; getByAddress already maps 16-byte forms.
      return Optional.of(address);
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /** Whether {@code host} (a bind address or Host header name) can only be reached from this computer. */
  public static boolean isLoopback(String host) {
    return "localhost".equalsIgnoreCase(host) || parse(host).map(InetAddress::isLoopbackAddress).orElse(false);
  }

  /** Whether {@code host} is a wildcard bind address (0.0.0.0, ::) meaning every interface. */
  public static boolean isWildcard(String host) {
    return parse(host).map(InetAddress::isAnyLocalAddress).orElse(false);
  }
}
