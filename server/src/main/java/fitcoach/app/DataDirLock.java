package fitcoach.app;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One FitCoach per data folder: an OS lock on {@code $FITCOACH_DATA_DIR/fitcoach.lock}, which holds the holder's process
 * id so a second process can name it. The OS drops the lock when the holder dies, even by SIGKILL, so it is never stale.
 */
public final class DataDirLock implements AutoCloseable {
  static final String FILE = "fitcoach.lock";
  /**
   * Folders this JVM holds. Checked before the file is opened: closing a second channel on a locked file would release
   * the first one's OS lock, and a JVM running two apps (tests) must see the second refused, not the first unlocked.
   */
  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();
  private final Path key;
  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(Path key, FileChannel channel, FileLock lock) {
    this.key = key;
    this.channel = channel;
    this.lock = lock;
  }

  /** Locks the folder, creating it (0700) if needed; fails with one sentence when another FitCoach holds it. */
  public static DataDirLock acquire(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    Path key;
    try {
      PrivateFiles.directory(dataDir);
      key = dataDir.toRealPath();
    } catch (IOException e) {
      throw new ConfigException("Cannot create the data folder " + dataDir + ": " + e.getMessage());
    }
    if (!HELD.add(key)) {
      throw busy(dataDir, "process " + ProcessHandle.current().pid());
    }
    try {
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        String holder = holder(channel);
        channel.close();
        HELD.remove(key);
        throw busy(dataDir, holder);
      }
      PrivateFiles.restrictFile(file);
      channel.truncate(0);
      channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
      return new DataDirLock(key, channel, lock);
    } catch (IOException e) {
      HELD.remove(key);
      throw new ConfigException("Cannot lock the data folder " + dataDir + " (" + file + "): " + e.getMessage());
    }
  }

  private static ConfigException busy(Path dataDir, String holder) {
    return new ConfigException("another FitCoach (" + holder + ") is already running on the data folder " + dataDir
        + "; stop it first, or set FITCOACH_DATA_DIR to another folder");
  }

  private static String holder(FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(32);
    channel.read(buffer, 0);
    String pid = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
    return pid.matches("\\d+") ? "process " + pid : "process id not yet written";
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // The lock goes with the process anyway.
    } finally {
      HELD.remove(key);
    }
  }
}
