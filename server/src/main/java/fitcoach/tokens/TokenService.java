package fitcoach.tokens;

import fitcoach.app.ApiException;
import fitcoach.app.JsonFields;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Personal access tokens: created (the token returned this once, its hash stored), listed, revoked, and checked when an
 * app presents one as {@code Authorization: Bearer}. Nothing here logs a token.
 */
public final class TokenService {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TokenService.class);
  public static final int MAX_PER_ATHLETE = 20;
  public static final int MAX_NAME_LENGTH = 100;
  private final TokenRepository tokens;

  public TokenService(TokenRepository tokens) {
    this.tokens = tokens;
  }

  /** {@code {name, scope?}}: scope {@value TokenScope#MCP} unless given. */
  public Future<CreatedToken> create(UUID userId, JsonObject body) {
    JsonFields f = new JsonFields(body, "name", "scope");
    String name = f.requiredString("name", MAX_NAME_LENGTH).strip();
    String scope = f.has("scope") ? f.optionalEnum("scope", TokenScope.KNOWN) : TokenScope.MCP;
    if (scope == null) {
      throw ApiException.invalid("scope", "required", "'scope' cannot be empty");
    }
    String token = TokenSecrets.generate();
    return tokens.insert(userId, name, scope, TokenSecrets.hash(token), MAX_PER_ATHLETE).map(stored -> stored
        .map(details -> new CreatedToken(details, token))
        .orElseThrow(() -> ApiException.conflict("too_many_tokens", "You already have " + MAX_PER_ATHLETE
            + " access tokens. Revoke one you no longer use first.")));
  }

  public Future<List<AccessToken>> list(UUID userId) {
    return tokens.list(userId);
  }

  public Future<Void> revoke(UUID userId, UUID id) {
    return tokens.delete(userId, id).map(deleted -> {
      if (!deleted) {
        throw ApiException.notFound("No such access token");
      }
      return null;
    });
  }

  /**
   * Who an {@code Authorization} header speaks for, if it carries a token of {@code scope}: 401 for no token, a
   * malformed, unknown or revoked one; 403 {@code insufficient_scope} for a valid token of another scope.
   */
  public Future<TokenGrant> authenticate(String authorization, String scope) {
    return authenticateToken(bearer(authorization), scope);
  }

  /**
   * The same for a token given as it is (a calendar app's subscription URL carries it as {@code ?token=}, as calendar
   * apps send no headers): 401 for none, a malformed, unknown or revoked one; 403 for another scope.
   */
  public Future<TokenGrant> authenticateToken(String token, String scope) {
    if (!TokenSecrets.wellFormed(token)) {
      return Future.failedFuture(ApiException.unauthorized(token == null
          ? "Send a FitCoach access token as 'Authorization: Bearer <token>' (create one in Settings)."
          : "This is not a FitCoach access token."));
    }
    return tokens.find(TokenSecrets.hash(token)).map(grant -> {
      TokenGrant found = grant.orElseThrow(() -> ApiException.unauthorized(
          "This access token is not valid: it was revoked, or never existed. Create a new one in Settings."));
      if (!found.scope().equals(scope)) {
        throw ApiException.forbidden("insufficient_scope", "This access token is for '" + found.scope()
            + "', not '" + scope + "'. Create a token for " + scope + " in Settings.");
      }
      return found;
    });
  }

  /**
   * Records that the grant's token answered a request (call it once the request is known to succeed, so a refused
   * request stores nothing). Written at most once a minute; a failure to write is logged, never the request's.
   */
  public Future<Void> markUsed(TokenGrant grant) {
    if (grant.lastUsedAt() != null && grant.lastUsedAt().isAfter(java.time.Instant.now().minusSeconds(60))) {
      return Future.succeededFuture();
    }
    return tokens.markUsed(grant.tokenId()).recover(e -> {
      LOG.warn("Could not mark access token {} used: {}", grant.tokenId(), e.toString());
      return Future.succeededFuture();
    });
  }

  private static String bearer(String authorization) {
    if (authorization == null) {
      return null;
    }
    String value = authorization.strip();
    if (value.length() < 7 || !value.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
      return null;
    }
    return value.substring(7).strip();
  }
}
