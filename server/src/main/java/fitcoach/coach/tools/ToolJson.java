package fitcoach.coach.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import fitcoach.app.Json;

/**
 * Tool results as the model reads them: compact JSON (no spaces), nulls left out by the caller, {@code <}, {@code >}
 * and {@code &} escaped so athlete text (names, notes) can never pass for markup or instructions.
 */
public final class ToolJson {
  private ToolJson() {
  }

  public static String write(Object value) {
    try {
      return Json.MAPPER.writeValueAsString(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
