package org.trollscan.input;

import java.util.List;

/**
 * Where posts are in an input.
 *
 * @param textField the CSV column or JSON field holding the post
 * @param idField the CSV column or JSON field holding the id; rows without one are numbered
 * @param idRequired whether a missing id column is an error (false: fall back to row numbers);
 *     true when the user named the id column. In JSON Lines a line without it is rejected
 * @param requiredColumns columns that must exist (--keep): checked at a CSV header, on the first
 *     JSON object of each input; a missing one stops the run (exit 3) before any row is scored
 */
public record ReaderOptions(String textField, String idField, boolean idRequired,
    List<String> requiredColumns) {
  public ReaderOptions {
    requiredColumns = List.copyOf(requiredColumns);
  }

  public ReaderOptions(String textField, String idField, boolean idRequired) {
    this(textField, idField, idRequired, List.of());
  }

  public static ReaderOptions defaults() {
    return new ReaderOptions("text", "id", false);
  }
}
