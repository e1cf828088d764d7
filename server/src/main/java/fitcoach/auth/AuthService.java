package fitcoach.auth;

import fitcoach.app.ApiException;
import io.vertx.core.Future;
import io.vertx.sqlclient.DatabaseException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Accounts and sessions. Sessions and the user are cached in memory after their first lookup: this process is the only
 * writer, and every authenticated request would otherwise cost two queries.
 */
public final class AuthService {
  private static final String SINGLE_ACCOUNT_INDEX = "users_single_account";
  private final UserRepository users;
  private final SessionRepository sessions;
  private final PasswordHasher hasher;
  private final SessionTokens tokens;
  private final LoginThrottle throttle;
  private final Map<UUID, Session> sessionCache = new ConcurrentHashMap<>();
  private final Map<UUID, User> userCache = new ConcurrentHashMap<>();

  public AuthService(UserRepository users, SessionRepository sessions, PasswordHasher hasher, SessionTokens tokens,
                     LoginThrottle throttle) {
    this.users = users;
    this.sessions = sessions;
    this.hasher = hasher;
    this.tokens = tokens;
    this.throttle = throttle;
  }

  public record SignIn(User user, String token) {
  }

  public Future<Boolean> accountExists() {
    return users.anyExists();
  }

  public Future<SignIn> setup(Credentials credentials, String userAgent) {
    return users.anyExists()
        .compose(exists -> exists ? Future.failedFuture(accountExists409()) : hasher.hash(credentials.password()))
        .compose(hash -> users.insert(credentials.email(), hash))
        .recover(err -> Future.failedFuture(isSingleAccountViolation(err) ? accountExists409() : err))
        .compose(user -> startSession(user, userAgent));
  }

  public Future<SignIn> login(Credentials credentials, String client, String userAgent) {
    var wait = throttle.retryAfter(client);
    if (wait.isPresent()) {
      return Future.failedFuture(ApiException.tooManyRequests(
          "Too many failed sign-ins. Try again in " + wait.getAsLong() + " s.", wait.getAsLong()));
    }
    return users.findByEmail(credentials.email()).compose(found ->
        hasher.verify(credentials.password(), found.map(User::passwordHash).orElse(null)).compose(ok -> {
          if (!ok || found.isEmpty()) {
            throttle.recordFailure(client);
            return Future.failedFuture(ApiException.unauthorized("Invalid email or password"));
          }
          throttle.recordSuccess(client);
          return startSession(found.get(), userAgent);
        }));
  }

  public Future<Void> logout(UUID sessionId) {
    sessionCache.remove(sessionId);
    return sessions.delete(sessionId);
  }

  /** The signed-in user a session cookie stands for, or a 401. */
  public Future<SignedIn> authenticate(String token) {
    if (token == null || token.isEmpty()) {
      return Future.failedFuture(ApiException.unauthorized("Sign in first"));
    }
    return tokens.verify(token)
        .recover(err -> Future.failedFuture(ApiException.unauthorized("Your session is invalid or has expired; sign in again")))
        .compose(claims -> session(claims.sessionId()).compose(session -> {
          if (session == null || !session.userId().equals(claims.userId()) || session.expiresAt().isBefore(Instant.now())) {
            return Future.failedFuture(ApiException.unauthorized("Your session has ended; sign in again"));
          }
          return user(claims.userId()).compose(user -> user == null
              ? Future.failedFuture(ApiException.unauthorized("This account no longer exists"))
              : Future.succeededFuture(new SignedIn(user, session.id())));
        }));
  }

  private Future<Session> session(UUID id) {
    Session cached = sessionCache.get(id);
    if (cached != null) {
      return Future.succeededFuture(cached);
    }
    return sessions.find(id).map(found -> {
      found.ifPresent(s -> sessionCache.put(s.id(), s));
      return found.orElse(null);
    });
  }

  private Future<User> user(UUID id) {
    User cached = userCache.get(id);
    if (cached != null) {
      return Future.succeededFuture(cached);
    }
    return users.findById(id).map(found -> {
      found.ifPresent(u -> userCache.put(u.id(), u));
      return found.orElse(null);
    });
  }

  private Future<SignIn> startSession(User user, String userAgent) {
    Session session = new Session(UUID.randomUUID(), user.id(), Instant.now().plus(SessionTokens.LIFETIME));
    return sessions.insert(session, userAgent).map(v -> {
      sessionCache.put(session.id(), session);
      userCache.put(user.id(), user);
      return new SignIn(user, tokens.issue(session));
    });
  }

  private static ApiException accountExists409() {
    return ApiException.conflict("account_exists", "An account already exists. FitCoach is single-user: sign in instead.");
  }

  private static boolean isSingleAccountViolation(Throwable err) {
    return err instanceof DatabaseException db && "23505".equals(db.getSqlState());
  }

  /** Who is making this request. */
  public record SignedIn(User user, UUID sessionId) {
    public UUID userId() {
      return user.id();
    }
  }
}
