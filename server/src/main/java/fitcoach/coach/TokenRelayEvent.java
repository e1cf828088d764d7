package fitcoach.coach;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.EventType;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * A JDK Flight Recorder event per token relayed over SSE: how long the server held it, from the arrival of the upstream
 * bytes that carried it to the return of the socket write of the SSE bytes. Off unless a recording enables it
 * ({@code jcmd <pid> JFR.start settings=bench/token-latency.jfc}), and then the only cost is a timestamp per token; the
 * coach-streams benchmark reads these to report the latency the server itself adds.
 */
@Name("fitcoach.TokenRelayed")
@Label("Coach token relayed")
@Category("FitCoach")
@Description("Time from the upstream read that carried a token to the SSE write that sent it on")
@StackTrace(false)
public final class TokenRelayEvent extends Event {
  private static final EventType TYPE = EventType.getEventType(TokenRelayEvent.class);

  @Label("Held")
  @Timespan(Timespan.NANOSECONDS)
  long heldNanos;

  static boolean recording() {
    return TYPE.isEnabled();
  }

  static void commit(long heldNanos) {
    TokenRelayEvent event = new TokenRelayEvent();
    event.heldNanos = heldNanos;
    event.commit();
  }
}
