package fitcoach.coach;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.ApiTest;
import fitcoach.testing.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The coach's inputs are bounded: weeks in the DateWindow, and lists that stop growing. */
class CoachLimitsTest extends ApiTest {

  @BeforeEach
  void signIn() {
    signedIn();
  }

  @Test
  @DisplayName("A weekly report for a week outside the date window is a 422 naming the week, stored or asked for")
  void weekOutsideTheWindow() {
    for (String week : new String[] {"9999-W01", "0000-W01", "-999999999-01-01", "1969-12-29", "%2B999999999-12-31"}) {
      var r = client.get("/api/ai/weekly-reports/" + week);
      assertThat(r.status()).as(week + " → " + r).isEqualTo(422);
      assertThat(r.errorField()).isEqualTo("week");
    }
    var post = client.post("/api/ai/weekly-report", new JsonObject().put("week", "0001-01-01"));
    assertThat(post.status()).as(post.toString()).isEqualTo(422);
    assertThat(post.errorField()).isEqualTo("week");
    assertThat(TestDatabase.count("SELECT count(*) FROM weekly_reports")).isZero();
    var none = client.get("/api/ai/weekly-reports/1970-W02");
    assertThat(none.status()).isEqualTo(200); // a valid week with no report: null, like today's answer
    assertThat(none.body()).isEqualTo("null");
  }

  @Test
  @DisplayName("The session list shows the 200 most recent sessions and a session's messages the 500 most recent, in order")
  void chatListsAreBounded() {
    String user = "(SELECT id FROM users)";
    TestDatabase.query("INSERT INTO chat_sessions (user_id, title, updated_at) SELECT " + user
        + ", 'Chat ' || g, now() - g * interval '1 minute' FROM generate_series(1, 250) g", rs -> null);
    String session = TestDatabase.query("SELECT id::text FROM chat_sessions WHERE title = 'Chat 1'", rs -> {
      rs.next();
      return rs.getString(1);
    });
    TestDatabase.query("INSERT INTO chat_messages (session_id, user_id, role, content) SELECT ?::uuid, " + user
        + ", CASE WHEN g % 2 = 0 THEN 'assistant' ELSE 'user' END, 'Message ' || g FROM generate_series(1, 600) g", rs -> null,
        session);

    JsonArray sessions = client.get("/api/ai/chat/sessions").jsonArray("sessions");
    assertThat(sessions).hasSize(ChatRepository.MAX_SESSIONS_LISTED);
    assertThat(sessions.getJsonObject(0).getString("title")).isEqualTo("Chat 1");
    JsonArray messages = client.get("/api/ai/chat/sessions/" + session + "/messages").jsonArray("messages");
    assertThat(messages).hasSize(ChatRepository.MAX_MESSAGES_LISTED);
    assertThat(messages.getJsonObject(0).getString("content")).isEqualTo("Message 101");
    assertThat(messages.getJsonObject(499).getString("content")).isEqualTo("Message 600");
  }
}
