package fitcoach.imports;

import java.util.List;

/**
 * An activity's streams as stored in activity_streams: gzip JSON keyed like Strava's stream types. Encoded on the
 * parsing worker thread, so storing costs the serial store no CPU. Public for the demo, whose generated streams are
 * stored exactly as a device file's.
 */
public record EncodedStreams(int points, byte[] gzippedJson, List<String> types) {

  /** The encoding of {@code s}, or null when it has no samples. */
  public static EncodedStreams of(Streams s) {
    StreamJson.Encoded json = StreamJson.encode(s);
    return json == null ? null : new EncodedStreams(json.points(), json.gzipped(), json.types());
  }
}
