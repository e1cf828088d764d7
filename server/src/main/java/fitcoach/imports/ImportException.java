package fitcoach.imports;

/** A file that cannot be imported; the message is written for the athlete who uploaded it. */
public class ImportException extends Exception {

  public ImportException(String message) {
    super(message);
  }
}
