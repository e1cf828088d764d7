package fitcoach.plan;

/**
 * Athlete-typed text made safe for file formats that cannot carry everything a JSON string can: control characters
 * go (a NUL ends a FIT string early; RFC 5545 forbids controls in TEXT), unpaired surrogates become U+FFFD so the
 * UTF-8 encoding is well formed, and truncation never cuts a character in half.
 */
final class ExportText {
  private static final java.util.regex.Pattern LINE_BREAKS = java.util.regex.Pattern.compile("[\\t\\r\\n]+");
  private ExportText() {
  }

  /** The text without control characters other than tab and line breaks, and with lone surrogates replaced. */
  static String clean(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        out.append('\uFFFD');
      } else if (c == '\t' || c == '\n' || c == '\r' || !Character.isISOControl(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** {@link #clean} on one line (line breaks and tabs become spaces), trimmed. */
  static String oneLine(String text) {
    return LINE_BREAKS.matcher(clean(text)).replaceAll(" ").trim();
  }

  /** At most {@code max} code points, so a surrogate pair (an emoji) is kept whole or dropped whole. */
  static String truncate(String text, int max) {
    if (text.codePointCount(0, text.length()) <= max) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, max)).trim();
  }
}
