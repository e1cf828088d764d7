package fitcoach.app;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reverse proxies whose {@code X-Forwarded-For} is believed ({@code TRUSTED_PROXIES}: addresses and CIDR ranges).
 * Anyone can send the header, so it counts only when the peer that sent it is one of these; otherwise a client could
 * pick its own address and escape per-client limits.
 */
public final class TrustedProxies {
  private final List<Range> ranges;

  private TrustedProxies(List<Range> ranges) {
    this.ranges = List.copyOf(ranges);
  }

  public static TrustedProxies none() {
    return new TrustedProxies(List.of());
  }

  /** Parses {@code 10.0.0.0/8, 127.0.0.1, ::1}; throws IllegalArgumentException naming the first bad entry. */
  public static TrustedProxies parse(String list) {
    List<Range> ranges = new ArrayList<>();
    for (String raw : list.split(",")) {
      String entry = raw.trim();
      if (entry.isEmpty()) {
        continue;
      }
      int slash = entry.indexOf('/');
      String address = slash < 0 ? entry : entry.substring(0, slash);
      InetAddress network = IpLiteral.parse(address)
          .orElseThrow(() -> new IllegalArgumentException("'" + entry + "' is not an IP address or CIDR range"));
      int bits = network.getAddress().length * 8;
      int prefix = bits;
      if (slash >= 0) {
        try {
          prefix = Integer.parseInt(entry.substring(slash + 1));
        } catch (NumberFormatException e) {
          prefix = -1;
        }
        if (prefix < 0 || prefix > bits) {
          throw new IllegalArgumentException("'" + entry + "' has a prefix length outside 0-" + bits);
        }
      }
      ranges.add(new Range(network.getAddress(), prefix));
    }
    return new TrustedProxies(ranges);
  }

  public boolean isEmpty() {
    return ranges.isEmpty();
  }

  public boolean trusts(String address) {
    Optional<InetAddress> parsed = IpLiteral.parse(address);
    return parsed.isPresent() && ranges.stream().anyMatch(r -> r.contains(parsed.get().getAddress()));
  }

  /**
   * The client behind a request from {@code peer}: walks {@code X-Forwarded-For} from the right (the hop nearest to
   * us) for as long as each hop is a trusted proxy, and stops at the first address a trusted proxy vouches for that
   * is not itself one. An untrusted peer's header is ignored; an unparseable entry ends the walk.
   */
  public String clientAddress(String peer, String forwardedFor) {
    String client = peer;
    if (forwardedFor == null || ranges.isEmpty()) {
      return client;
    }
    String[] hops = forwardedFor.split(",");
    for (int i = hops.length - 1; i >= 0 && trusts(client); i--) {
      Optional<InetAddress> hop = IpLiteral.parse(hops[i]);
      if (hop.isEmpty()) {
        break;
      }
      client = hop.get().getHostAddress();
    }
    return client;
  }

  @Override
  public String toString() {
    return ranges.isEmpty() ? "none" : ranges.toString();
  }

  private record Range(byte[] network, int prefix) {
    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (address[full] & mask) == (network[full] & mask);
    }

    @Override
    public String toString() {
      try {
        return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
      } catch (java.net.UnknownHostException e) {
        return "?/" + prefix;
      }
    }
  }
}
