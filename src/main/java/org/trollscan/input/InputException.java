package org.trollscan.input;

/**
 * Input that cannot be read on: a missing file, a missing column, a quote never closed. The
 * message names the file and, where there is one, the line, and is meant for the user as is.
 */
public class InputException extends RuntimeException {
  public InputException(String message) {
    super(message);
  }

  public InputException(String source, long line, String message) {
    super(source + (line > 0 ? ":" + line : "") + ": " + message);
  }
}
