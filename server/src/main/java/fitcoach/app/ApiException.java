package fitcoach.app;

/**
 * An error the client caused or can act on. The failure handler turns it into
 * {@code {"error":{"code","message","field"}}} with its status; it never carries a stack trace to the client.
 */
public class ApiException extends RuntimeException {
  private final int status;
  private final String code;
  private final String field;
  private final Long retryAfterSeconds;

  public ApiException(int status, String code, String message, String field, Long retryAfterSeconds) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.field = field;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public static ApiException badRequest(String code, String message) {
    return new ApiException(400, code, message, null, null);
  }

  public static ApiException invalid(String field, String code, String message) {
    return new ApiException(422, code, message, field, null);
  }

  public static ApiException unauthorized(String message) {
    return new ApiException(401, "unauthorized", message, null, null);
  }

  public static ApiException forbidden(String code, String message) {
    return new ApiException(403, code, message, null, null);
  }

  public static ApiException notFound(String message) {
    return new ApiException(404, "not_found", message, null, null);
  }

  public static ApiException conflict(String code, String message) {
    return new ApiException(409, code, message, null, null);
  }

  public static ApiException tooManyRequests(String message, long retryAfterSeconds) {
    return new ApiException(429, "too_many_requests", message, null, retryAfterSeconds);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String field() {
    return field;
  }

  public Long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
