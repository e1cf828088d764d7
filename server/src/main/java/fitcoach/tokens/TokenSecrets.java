package fitcoach.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The token strings: {@code fct_} then 32 random bytes in base64url (43 characters), so a leaked one is recognisable
 * in a log or a secret scanner. Stored as SHA-256 only: a 256-bit random token cannot be guessed from its hash, so a
 * slow password hash would add nothing, and finding a token by its hash leaves no comparison to time.
 */
final class TokenSecrets {
  static final String PREFIX = "fct_";
  private static final Pattern FORMAT = Pattern.compile("fct_[A-Za-z0-9_-]{43}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private TokenSecrets() {
  }

  static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether {@code token} could be one of ours (checked before any database lookup). */
  static boolean wellFormed(String token) {
    return token != null && FORMAT.matcher(token).matches();
  }

  static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
