package fitcoach.auth;

import fitcoach.app.ApiException;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
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
  /** Published (locally) with a session id when that session signs out, so what it holds open can close. */
  public static final String SESSION_ENDED = "fitcoach.auth.session-ended";
  private final UserRepository users;
  private final SessionRepository sessions;
  private final PasswordHasher hasher;
  private final SessionTokens tokens;
  private final LoginThrottle throttle;
  private final SetupCode setupCode;
  private final EventBus bus;
  private final Map<UUID, Session> sessionCache = new ConcurrentHashMap<>();
  private final Map<UUID, User> userCache = new ConcurrentHashMap<>();

  public AuthService(UserRepository users, SessionRepository sessions, PasswordHasher hasher, SessionTokens tokens,
                     LoginThrottle throttle, SetupCode setupCode, EventBus bus) {
    this.users = users;
    this.sessions = sessions;
    this.hasher = hasher;
    this.tokens = tokens;
    this.throttle = throttle;
    this.setupCode = setupCode;
    this.bus = bus;
  }

  public record SignIn(User user, String token) {
  }

  /** Whether the account exists, and whether creating it needs the setup code from the log. */
  public record Status(boolean accountExists, boolean setupCodeRequired) {
  }

  public Future<Status> status() {
    return users.anyExists().map(exists -> {
      if (!exists) {
        setupCode.issue();
      }
      return new Status(exists, !exists && setupCode.required());
    });
  }

  /** At start: prints a setup code when creating the account will need one. */
  public Future<Void> announceSetupCode() {
    return status().mapEmpty();
  }

  /** Creates the one account, its profile in {@code timeZone} (null: the default, UTC), and signs it in. */
  public Future<SignIn> setup(Credentials credentials, String givenSetupCode, String timeZone, String userAgent) {
    return users.anyExists()
        .compose(exists -> {
          if (exists) {
            return Future.failedFuture(accountExists409());
          }
          setupCode.check(givenSetupCode);
          return hasher.hash(credentials.password());
        })
        .compose(hash -> users.insert(credentials.email(), hash, timeZone))
        .recover(err -> Future.failedFuture(isSingleAccountViolation(err) ? accountExists409() : err))
        .compose(user -> {
          setupCode.used();
          return startSession(user, userAgent);
        });
  }

  /** Signs in; {@code client} is who the throttle counts the attempt against (the client's address). */
  public Future<SignIn> login(Credentials credentials, String client, String userAgent) {
    var wait = throttle.reserve(client);
    if (wait.isPresent()) {
      return Future.failedFuture(ApiException.tooManyRequests(
          "Too many failed sign-ins. Try again in " + wait.getAsLong() + " s.", wait.getAsLong()));
    }
    return users.findByEmail(credentials.email())
        .compose(found -> hasher.verify(credentials.password(), found.map(User::passwordHash).orElse(null))
            .map(ok -> ok && found.isPresent() ? found.get() : null))
        .andThen(checked -> {
          if (checked.failed()) {
            throttle.release(client);
          } else if (checked.result() == null) {
            throttle.recordFailure(client);
          } else {
            throttle.recordSuccess(client);
          }
        })
        .compose(user -> user == null
            ? Future.failedFuture(ApiException.unauthorized("Invalid email or password"))
            : startSession(user, userAgent));
  }

  public Future<Void> logout(UUID sessionId) {
    sessionCache.remove(sessionId);
    return sessions.delete(sessionId).andThen(done -> bus.publish(SESSION_ENDED, sessionId.toString()));
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
              : Future.succeededFuture(new SignedIn(user, session)));
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

  /** Who is making this request, and through which session. */
  public record SignedIn(User user, Session session) {
    public UUID userId() {
      return user.id();
    }

    public UUID sessionId() {
      return session.id();
    }
  }
}
