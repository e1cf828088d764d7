package fitcoach.auth;

import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/** Guards routes that need a signed-in athlete; puts {@link AuthService.SignedIn} on the context. */
public final class AuthHandler implements Handler<RoutingContext> {
  private static final String KEY = "signedIn";
  private final AuthService auth;

  public AuthHandler(AuthService auth) {
    this.auth = auth;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Cookie cookie = ctx.request().getCookie(SessionTokens.COOKIE);
    // Checking the session may wait on the database. Until then the request is held, as Vert.x's own authentication
    // handlers do: otherwise its body, or the end of a WebSocket handshake, passes by before anyone reads it.
    boolean hold = !ctx.request().isEnded();
    if (hold) {
      ctx.request().pause();
    }
    auth.authenticate(cookie == null ? null : cookie.getValue())
        .onComplete(done -> {
          if (hold) {
            ctx.request().resume();
          }
        })
        .onSuccess(signedIn -> {
          ctx.put(KEY, signedIn);
          ctx.next();
        })
        .onFailure(ctx::fail);
  }

  public static AuthService.SignedIn signedIn(RoutingContext ctx) {
    AuthService.SignedIn signedIn = ctx.get(KEY);
    if (signedIn == null) {
      throw new IllegalStateException("Route " + ctx.request().path() + " is not behind the AuthHandler");
    }
    return signedIn;
  }
}
