package fitcoach.coach;

/**
 * Whether a Flight Recorder recording wants {@link TokenRelayEvent}s. Loading any event class sets up Flight
 * Recorder's machinery (a hundred milliseconds or more of CPU), so the event class is touched only once Flight Recorder
 * runs (started with the JVM, or later by {@code jcmd JFR.start}); until then the answer is no for the price of
 * reading a flag.
 */
final class TokenRelayRecording {
  private TokenRelayRecording() {
  }

  static boolean on() {
    return jdk.jfr.FlightRecorder.isInitialized() && TokenRelayEvent.recording();
  }
}
