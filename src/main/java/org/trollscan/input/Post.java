package org.trollscan.input;

import java.util.Map;

/**
 * One post read from an input file, the unit every later stage works on.
 *
 * @param source the file it came from ("-" for stdin)
 * @param line the line in that file where the post starts (1-based)
 * @param id the post's id: the id column or field when present, else its 1-based row number
 * @param text the post's text, as written
 * @param fields every column or top-level field of the input row, in input order, as text (a
 *     JSON number as Java prints it, {@code null} as "", an object or array as compact JSON)
 * @param json for JSON Lines, each top-level field whose value is not a JSON string (a number,
 *     {@code true}, {@code false}, {@code null}, an object or an array) as the JSON text it was
 *     in the input, so that output can write it back with its type; empty for other formats
 */
public record Post(String source, long line, String id, String text, Map<String, String> fields,
    Map<String, String> json) implements ReadItem {

  /** A post whose fields are all text (CSV, TSV, plain text). */
  public Post(String source, long line, String id, String text, Map<String, String> fields) {
    this(source, line, id, text, fields, Map.of());
  }
}
