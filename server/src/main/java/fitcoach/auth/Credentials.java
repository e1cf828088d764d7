package fitcoach.auth;

import fitcoach.app.ApiException;
import fitcoach.app.JsonFields;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.regex.Pattern;

/** The body of setup and login requests, validated in one place. */
public record Credentials(String email, String password) {
  public static final int MIN_PASSWORD = 10;
  public static final int MAX_PASSWORD = 1024;
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

  public static Credentials from(JsonObject body, boolean enforceStrength) {
    return from(new JsonFields(body, "email", "password"), enforceStrength);
  }

  /** From a body that may carry more than the two fields (setup also takes the setup code). */
  public static Credentials from(JsonFields fields, boolean enforceStrength) {
    String email = fields.requiredString("email", 254).trim().toLowerCase(Locale.ROOT);
    String password = fields.requiredString("password", MAX_PASSWORD);
    if (!EMAIL.matcher(email).matches()) {
      throw ApiException.invalid("email", "invalid_email", "Enter a valid email address");
    }
    if (enforceStrength && password.length() < MIN_PASSWORD) {
      throw ApiException.invalid("password", "password_too_short",
          "The password must be at least " + MIN_PASSWORD + " characters");
    }
    return new Credentials(email, password);
  }

  @Override
  public String toString() {
    return "Credentials[email=" + email + ", password=***]";
  }
}
