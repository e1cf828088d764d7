package fitcoach.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

  @Test
  @DisplayName("Addresses and CIDR ranges match IPv4, IPv6 and IPv4-mapped IPv6 peers; names are not addresses")
  void ranges() {
    TrustedProxies proxies = TrustedProxies.parse("172.16.0.0/12, 192.168.1.10, fd00::/8, ::1");
    assertThat(proxies.trusts("172.31.255.255")).isTrue();
    assertThat(proxies.trusts("172.32.0.1")).isFalse();
    assertThat(proxies.trusts("192.168.1.10")).isTrue();
    assertThat(proxies.trusts("192.168.1.11")).isFalse();
    assertThat(proxies.trusts("fd12:3456::1")).isTrue();
    assertThat(proxies.trusts("[::1]")).isTrue();
    assertThat(proxies.trusts("::ffff:192.168.1.10")).isTrue();
    assertThat(proxies.trusts("localhost")).isFalse();
    assertThat(TrustedProxies.parse("0.0.0.0/0").trusts("8.8.8.8")).isTrue();
    assertThatThrownBy(() -> TrustedProxies.parse("proxy.example")).hasMessageContaining("'proxy.example' is not an IP address");
    assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/x")).hasMessageContaining("prefix length");
  }

  @Test
  @DisplayName("X-Forwarded-For counts only from a trusted peer, walked from the right up to the first untrusted hop")
  void clientAddress() {
    TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8");
    assertThat(proxies.clientAddress("203.0.113.9", "1.2.3.4")).as("untrusted peer").isEqualTo("203.0.113.9");
    assertThat(proxies.clientAddress("10.0.0.1", "1.2.3.4")).isEqualTo("1.2.3.4");
    assertThat(proxies.clientAddress("10.0.0.1", "6.6.6.6, 1.2.3.4, 10.0.0.2")).isEqualTo("1.2.3.4");
    assertThat(proxies.clientAddress("10.0.0.1", "10.0.0.3, 10.0.0.2")).isEqualTo("10.0.0.3");
    assertThat(proxies.clientAddress("10.0.0.1", "1.2.3.4, garbage")).as("an unreadable hop ends the walk").isEqualTo("10.0.0.1");
    assertThat(proxies.clientAddress("10.0.0.1", null)).isEqualTo("10.0.0.1");
    assertThat(TrustedProxies.none().clientAddress("10.0.0.1", "1.2.3.4")).isEqualTo("10.0.0.1");
  }
}
