package fitcoach.auth;

import fitcoach.app.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one-time code that creating the account needs when FitCoach listens beyond loopback: the first visitor of a
 * fresh instance gets the only account, and on a network that could be a neighbour. The code is printed in the log,
 * which only whoever runs FitCoach can read. A new one is made at each start while no account exists, and none after.
 */
public final class SetupCode {
  private static final Logger LOG = LoggerFactory.getLogger(SetupCode.class);
  /** Upper-case letters and digits without the look-alikes 0/O, 1/I/L: easy to read off a terminal and type. */
  private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  /** 10 characters of 31: about 50 bits, far beyond guessing over HTTP. */
  private static final int LENGTH = 10;
  private final boolean required;
  private final String where;
  private final SecureRandom random = new SecureRandom();
  private String code;

  private SetupCode(boolean required, String where) {
    this.required = required;
    this.where = where;
  }

  /** A code is required when FitCoach listens beyond loopback; {@code where} names the listen address for the log. */
  public static SetupCode forListening(boolean beyondLoopback, String where) {
    return new SetupCode(beyondLoopback, where);
  }

  public boolean required() {
    return required;
  }

  /** Makes and prints a code if this instance needs one and has none yet (no account exists; the caller knows). */
  synchronized void issue() {
    if (!required || code != null) {
      return;
    }
    StringBuilder b = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    code = b.toString();
    LOG.info("No account exists yet and FitCoach listens beyond this computer ({}). To create the account, enter "
        + "this setup code on the first-run screen: {}", where, display(code));
  }

  /** Refuses account creation without the right code (when one is required); compares in constant time. */
  synchronized void check(String given) {
    if (!required) {
      return;
    }
    issue();
    if (given == null || given.isBlank()) {
      throw new ApiException(403, "setup_code_required",
          "Enter the setup code printed in FitCoach's log when it started", "setupCode", null);
    }
    byte[] expected = code.getBytes(StandardCharsets.UTF_8);
    byte[] actual = normalise(given).getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(expected, actual)) {
      throw new ApiException(403, "setup_code_wrong",
          "That setup code is not the one in FitCoach's log; check it and try again", "setupCode", null);
    }
  }

  /** The account exists: no code is needed or accepted any more. */
  synchronized void used() {
    code = null;
  }

  /** Shown as two groups of five; typed with or without the dash, spaces, in any case. */
  private static String display(String code) {
    return code.substring(0, LENGTH / 2) + "-" + code.substring(LENGTH / 2);
  }

  private static String normalise(String given) {
    return given.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
  }
}
