package fitcoach.app;

/**
 * Told when a browser subscribes to or leaves an address over the SockJS bridge, so a feature can count bridge
 * subscribers as listeners (the coach keeps a generation running only while someone listens).
 */
public interface BridgeSubscriptions {
  /**
   * Called just before the bridge registers the browser's consumer for {@code address}, on the socket's context; work
   * that must see the consumer in place (starting what publishes there) belongs in a later task of that context.
   */
  void registered(Object socket, String address);

  void unregistered(Object socket, String address);

  /** The socket closed; every address it had registered is gone. */
  void closed(Object socket);
}
