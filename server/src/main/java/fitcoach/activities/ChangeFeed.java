package fitcoach.activities;

import fitcoach.app.DatabaseUrl;
import fitcoach.app.Db;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnection;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens for the database's announcements of committed changes to activities and thresholds (triggers send them; see
 * V006 and V009) and
 * passes on those another writer made: a second FitCoach on the same database, or a fix by hand in SQL. This
 * instance's own writes are signalled by {@link ActivityStore} itself. While the connection is down announcements are
 * lost, so after a reconnect every athlete's numbers are brought up to date once.
 */
public final class ChangeFeed extends io.vertx.core.VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);
  static final String CHANNEL = "activities_changed";
  private static final long RECONNECT_MS = 1000;

  /** Everything may have changed for every athlete (announcements were missed). */
  public interface Missed {
    void everythingMayHaveChanged();
  }

  private final Supplier<DatabaseUrl> url;
  private final String instance;
  private final ActivityStore.Changes changes;
  private final Missed missed;
  private volatile boolean stopped;
  private volatile PgConnection connection;

  public ChangeFeed(Supplier<DatabaseUrl> url, String instance, ActivityStore.Changes changes, Missed missed) {
    this.url = url;
    this.instance = instance;
    this.changes = changes;
    this.missed = missed;
  }

  /** Connects and listens; deployed once listening. */
  @Override
  public Future<?> start() {
    return listen(false);
  }

  @Override
  public Future<?> stop() {
    stopped = true;
    PgConnection c = connection;
    return c == null ? Future.succeededFuture() : c.close();
  }

  private Future<Void> listen(boolean reconnect) {
    return PgConnection.connect(vertx, Db.connectOptions(url.get())).compose(conn -> {
      connection = conn;
      conn.notificationHandler(n -> {
        if (CHANNEL.equals(n.getChannel())) {
          onAnnouncement(n.getPayload());
        }
      });
      conn.closeHandler(v -> {
        connection = null;
        if (!stopped) {
          LOG.info("The change feed's database connection closed; reconnecting");
          retry();
        }
      });
      return conn.query("LISTEN " + CHANNEL).execute().<Void>mapEmpty().onSuccess(v -> {
        if (reconnect) {
          missed.everythingMayHaveChanged();
        }
      });
    });
  }

  private void retry() {
    vertx.setTimer(RECONNECT_MS, id -> {
      if (!stopped) {
        listen(true).onFailure(err -> {
          LOG.debug("The change feed could not reconnect yet: {}", err.getMessage());
          retry();
        });
      }
    });
  }

  void onAnnouncement(String payload) {
    try {
      JsonObject json = new JsonObject(payload);
      if (instance.equals(json.getString("instance"))) {
        return;
      }
      UUID userId = UUID.fromString(json.getString("user"));
      String day = json.getString("earliest");
      // A threshold change names no day: the loads it changes show where the chart changes (V009).
      LocalDate earliest = json.getBoolean("thresholds", false) ? LocalDate.MAX
          : day == null ? LocalDate.MIN : LocalDate.parse(day);
      changes.changed(userId, earliest).onFailure(err ->
          LOG.warn("Bringing numbers up to date after another writer's change failed: {}", err.getMessage()));
    } catch (RuntimeException e) {
      LOG.warn("Ignoring an unreadable change announcement: {}", e.getMessage());
    }
  }
}
