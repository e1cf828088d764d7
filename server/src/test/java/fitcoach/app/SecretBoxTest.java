package fitcoach.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SecretBoxTest {
  private final SecretBox box = new SecretBox("an-encryption-key-of-at-least-32-characters");

  @Test
  @DisplayName("A secret round-trips, including non-ASCII text")
  void roundTrip() {
    for (String secret : new String[] {"sk-ant-api03-abcdef", "", "ключ 🔑 clé"}) {
      assertThat(box.decrypt(box.encrypt(secret, "aad"), "aad")).isEqualTo(secret);
    }
  }

  @Test
  @DisplayName("Each encryption uses a fresh 12-byte IV after a version byte, so equal secrets never look equal")
  void freshIvAndVersion() {
    byte[] a = box.encrypt("same secret", "aad");
    byte[] b = box.encrypt("same secret", "aad");
    assertThat(a[0]).isEqualTo((byte) 1);
    assertThat(a).hasSize(1 + 12 + "same secret".length() + 16);
    assertThat(java.util.Arrays.copyOfRange(a, 1, 13)).isNotEqualTo(java.util.Arrays.copyOfRange(b, 1, 13));
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  @DisplayName("Flipping any bit of the stored value makes decryption fail loudly")
  void tamperDetected() {
    byte[] sealed = box.encrypt("sk-ant-secret", "aad");
    for (int i = 1; i < sealed.length; i++) {
      byte[] copy = sealed.clone();
      copy[i] ^= 0x01;
      assertThatThrownBy(() -> box.decrypt(copy, "aad")).isInstanceOf(SecretBox.SecretUnreadableException.class);
    }
    byte[] badVersion = sealed.clone();
    badVersion[0] = 9;
    assertThatThrownBy(() -> box.decrypt(badVersion, "aad")).hasMessageContaining("version 9");
    assertThatThrownBy(() -> box.decrypt(new byte[5], "aad")).hasMessageContaining("truncated");
  }

  @Test
  @DisplayName("A ciphertext moved to another row (other associated data) or read with another key does not decrypt")
  void boundToContextAndKey() {
    byte[] sealed = box.encrypt("sk-ant-secret", "api_keys:user-a:anthropic");
    assertThatThrownBy(() -> box.decrypt(sealed, "api_keys:user-b:anthropic")).isInstanceOf(SecretBox.SecretUnreadableException.class);
    SecretBox other = new SecretBox("another-encryption-key-of-32-characters!");
    assertThatThrownBy(() -> other.decrypt(sealed, "api_keys:user-a:anthropic")).isInstanceOf(SecretBox.SecretUnreadableException.class);
  }

  @Test
  @DisplayName("Key derivation is HKDF-SHA256 (RFC 5869 test case 1)")
  void hkdfVector() {
    HexFormat hex = HexFormat.of();
    byte[] okm = SecretBox.hkdfSha256(hex.parseHex("0b".repeat(22)), hex.parseHex("000102030405060708090a0b0c"),
        hex.parseHex("f0f1f2f3f4f5f6f7f8f9"));
    assertThat(hex.formatHex(okm)).isEqualTo("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf");
  }
}
