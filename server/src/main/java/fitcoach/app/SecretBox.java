package fitcoach.app;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets at rest (API keys, Strava tokens) with AES-256-GCM.
 * Stored format: {@code version(1) || iv(12) || ciphertext || tag(16)}. The associated data binds a ciphertext
 * to the row and column it belongs to, so a value copied elsewhere does not decrypt. Tampering throws, never yields garbage.
 */
public final class SecretBox {
  private static final byte VERSION_1 = 1;
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  public SecretBox(String encryptionKey) {
    this.key = new SecretKeySpec(hkdfSha256(encryptionKey.getBytes(StandardCharsets.UTF_8),
        "fitcoach".getBytes(StandardCharsets.UTF_8), "secret-box v1 aes-256-gcm".getBytes(StandardCharsets.UTF_8)), "AES");
  }

  public byte[] encrypt(String plaintext, String associatedData) {
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.allocate(1 + IV_BYTES + sealed.length).put(VERSION_1).put(iv).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JVM", e);
    }
  }

  public String decrypt(byte[] stored, String associatedData) {
    if (stored == null || stored.length < 1 + IV_BYTES + TAG_BITS / 8) {
      throw new SecretUnreadableException("The stored secret is truncated");
    }
    if (stored[0] != VERSION_1) {
      throw new SecretUnreadableException("The stored secret has unknown format version " + stored[0]);
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 1, IV_BYTES));
      cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
      byte[] plain = cipher.doFinal(stored, 1 + IV_BYTES, stored.length - 1 - IV_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (javax.crypto.AEADBadTagException e) {
      throw new SecretUnreadableException("The stored secret failed authentication (tampered, or API_KEY_ENCRYPTION_KEY changed)");
    } catch (GeneralSecurityException e) {
      throw new SecretUnreadableException("The stored secret cannot be decrypted: " + e.getMessage());
    }
  }

  /** RFC 5869 HKDF with SHA-256, producing one 32-byte key: the env string is a passphrase, not raw key bytes. */
  static byte[] hkdfSha256(byte[] ikm, byte[] salt, byte[] info) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(salt, "HmacSHA256"));
      byte[] prk = mac.doFinal(ikm);
      mac.init(new SecretKeySpec(prk, "HmacSHA256"));
      mac.update(info);
      mac.update((byte) 1);
      return Arrays.copyOf(mac.doFinal(), 32);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  /** A stored secret that cannot be decrypted: reported loudly so the athlete re-enters it. */
  public static final class SecretUnreadableException extends RuntimeException {
    public SecretUnreadableException(String message) {
      super(message);
    }
  }
}
