package fitcoach.app;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Checks that FitCoach can listen on HOST:PORT before it creates, starts or migrates anything, so a port taken by another
 * program stops start-up at once with its number rather than after the database has started.
 */
public final class PortCheck {
  private PortCheck() {
  }

  /** Binds and releases HOST:PORT; PORT=0 (any free port) always passes. */
  public static void ensureFree(String host, int port) {
    if (port == 0) {
      return;
    }
    InetSocketAddress address = new InetSocketAddress(host, port);
    if (address.isUnresolved()) {
      throw new ConfigException("HOST " + host + " is not an address of this machine (cannot listen on " + host + ":" + port + ")");
    }
    try (ServerSocket socket = new ServerSocket()) {
      // As the HTTP server will: a port whose last connections linger in TIME_WAIT is free.
      socket.setReuseAddress(true);
      socket.bind(address);
    } catch (IOException e) {
      String reason = String.valueOf(e.getMessage());
      if (reason.toLowerCase(java.util.Locale.ROOT).contains("in use")) {
        throw new ConfigException("port " + port + " on " + host + " is already in use by another program;"
            + " stop that program or set PORT to a free port");
      }
      throw new ConfigException("cannot listen on " + host + ":" + port + " (" + reason + "); check HOST and PORT");
    }
  }
}
