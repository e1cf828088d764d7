package fitcoach.imports;

import java.io.ByteArrayInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * StAX set up for untrusted uploads: no DTD processing and no external entities (an entity reference fails the
 * parse instead of reading a file or URL), and the leading whitespace that Strava and Fitbit exports put before
 * {@code <?xml} is skipped, since XML forbids anything before the declaration.
 */
final class XmlInput {

  private XmlInput() {}

  /** A new factory per document: XMLInputFactory is not specified to be thread-safe, and imports run in parallel. */
  private static XMLInputFactory secureFactory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
      throw new XMLStreamException("External resources are not loaded: " + systemId);
    });
    return factory;
  }

  /** A reader over the document, starting at its first '<' (after a byte-order mark and any whitespace). */
  static XMLStreamReader open(byte[] bytes) throws XMLStreamException {
    int start = contentStart(bytes);
    return secureFactory().createXMLStreamReader(new ByteArrayInputStream(bytes, start, bytes.length - start));
  }

  /** The local name of the root element, or null when the bytes are not XML. */
  static String rootElement(byte[] bytes) {
    int start = contentStart(bytes);
    if (start >= bytes.length || bytes[start] != '<') {
      return null;
    }
    XMLStreamReader reader = null;
    try {
      reader = open(bytes);
      while (reader.hasNext()) {
        if (reader.next() == XMLStreamConstants.START_ELEMENT) {
          return reader.getLocalName();
        }
      }
      return null;
    } catch (XMLStreamException | RuntimeException e) {
      return null;
    } finally {
      close(reader);
    }
  }

  static void close(XMLStreamReader reader) {
    if (reader != null) {
      try {
        reader.close();
      } catch (XMLStreamException ignored) {
        // Closing an in-memory reader cannot lose data.
      }
    }
  }

  /** "line 12: message" for an athlete-facing error, without the parser's internal class names. */
  static String describe(XMLStreamException e) {
    String message = e.getMessage() == null ? "malformed XML" : e.getMessage();
    int marker = message.indexOf("Message: ");
    if (marker >= 0) {
      message = message.substring(marker + "Message: ".length());
    }
    return e.getLocation() != null && e.getLocation().getLineNumber() > 0
        ? "line " + e.getLocation().getLineNumber() + ": " + message.trim()
        : message.trim();
  }

  private static int contentStart(byte[] bytes) {
    int i = 0;
    if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
      i = 3;
    }
    while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) {
      i++;
    }
    return i;
  }
}
