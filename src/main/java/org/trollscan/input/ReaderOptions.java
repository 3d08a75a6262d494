package org.trollscan.input;

/**
 * Where posts are in an input.
 *
 * @param textField the CSV column or JSON field holding the post
 * @param idField the CSV column or JSON field holding the id; rows without one are numbered
 * @param idRequired whether a missing id column is an error (false: fall back to row numbers)
 */
public record ReaderOptions(String textField, String idField, boolean idRequired) {
  public static ReaderOptions defaults() {
    return new ReaderOptions("text", "id", false);
  }
}
