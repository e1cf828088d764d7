package fitcoach.privacy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import fitcoach.app.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Hides the positions inside privacy zones in a streams object, read and written as tokens (never as one tree), so a
 * long activity costs little memory. Only the {@code latlng} channel changes, point for point, so every channel keeps
 * its length and indexes.
 */
final class LatLngStreams {
  private static final String CHANNEL = "latlng";

  private LatLngStreams() {
  }

  static PrivacyZones.HiddenStreams hide(String json, PrivacyZones zones, boolean apply) {
    if (zones.isEmpty() || json == null || !json.contains("\"" + CHANNEL + "\"")) {
      return new PrivacyZones.HiddenStreams(json, 0);
    }
    StringWriter out = new StringWriter(json.length());
    try (JsonParser p = Json.MAPPER.getFactory().createParser(json);
         JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
      int hidden = copy(p, g, zones, apply);
      g.flush();
      return new PrivacyZones.HiddenStreams(hidden < 0 ? json : out.toString(), Math.max(hidden, 0));
    } catch (IOException e) {
      throw new UncheckedIOException("Streams are not readable JSON", e);
    }
  }

  /** The export's way: from one stream of JSON bytes to another, hiding what is inside; returns how many were hidden. */
  static int hide(InputStream in, OutputStream out, PrivacyZones zones) throws IOException {
    try (JsonParser p = Json.MAPPER.getFactory().createParser(in);
         JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
      p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      int hidden = copy(p, g, zones, true);
      if (hidden < 0) {
        throw new IOException("Streams are not a JSON object");
      }
      return hidden;
    }
  }

  /** Copies one streams object; -1 when the input is not an object (nothing written then). */
  private static int copy(JsonParser p, JsonGenerator g, PrivacyZones zones, boolean apply) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      return -1;
    }
    int hidden = 0;
    g.writeStartObject();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      g.writeFieldName(name);
      if (p.nextToken() != JsonToken.START_ARRAY || !CHANNEL.equals(name)) {
        g.copyCurrentStructure(p);
        continue;
      }
      g.writeStartArray();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        if (p.currentToken() != JsonToken.START_ARRAY) {
          g.copyCurrentStructure(p);
          continue;
        }
        JsonNode point = p.readValueAsTree();
        if (inside(point, zones)) {
          hidden++;
          if (apply) {
            g.writeNull();
            continue;
          }
        }
        g.writeTree(point);
      }
      g.writeEndArray();
    }
    g.writeEndObject();
    return hidden;
  }

  private static boolean inside(JsonNode point, PrivacyZones zones) {
    return point.size() >= 2 && point.get(0).isNumber() && point.get(1).isNumber()
        && zones.hides(point.get(0).doubleValue(), point.get(1).doubleValue());
  }
}
