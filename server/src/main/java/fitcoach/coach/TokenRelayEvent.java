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

  @Label("Stream")
  String stream;

  @Label("Sequence number")
  long seq;

  @Label("Held")
  @Timespan(Timespan.NANOSECONDS)
  long heldNanos;

  /** {@code System.nanoTime()} of the write: on Linux the same clock in every process, so a benchmark can line it up. */
  @Label("Written at (nanoTime)")
  long writtenNanos;

  static boolean recording() {
    return TYPE.isEnabled();
  }

  static void commit(String stream, long seq, long receivedNanos, long writtenNanos) {
    TokenRelayEvent event = new TokenRelayEvent();
    event.stream = stream;
    event.seq = seq;
    event.heldNanos = writtenNanos - receivedNanos;
    event.writtenNanos = writtenNanos;
    event.commit();
  }
}
