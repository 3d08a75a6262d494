package org.trollscan.input;

import java.util.Locale;

/** The input formats trollscan reads, recognised from a file's extension (also under .gz). */
public enum InputFormat {
  CSV,
  TSV,
  JSONL,
  TEXT;

  /** The format a file name implies, or null when its extension says nothing. */
  public static InputFormat fromFileName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".gz")) {
      n = n.substring(0, n.length() - 3);
    }
    if (n.endsWith(".csv")) {
      return CSV;
    } else if (n.endsWith(".tsv") || n.endsWith(".tab")) {
      return TSV;
    } else if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
      return JSONL;
    } else if (n.endsWith(".txt")) {
      return TEXT;
    }
    return null;
  }
}
