package org.trollscan.input;

/**
 * How much of one input row the readers hold in memory. A row is cut while it is read, never
 * held whole first, so that one huge line or field (a gzip bomb, a runaway quote) cannot
 * exhaust the heap; and the bounds are small enough that the rows a scoring run has in flight
 * fit in its 256 MiB heap. docs/input.md gives the user's view of them.
 */
public final class ReadLimits {
  /**
   * Characters of a post's text that are kept: one more than the scorer reads
   * ({@code Scorer.MAX_CHARS}), so that the scorer still sees that the post was longer and
   * counts it as truncated. Scores are the same as with the whole text.
   */
  public static final int TEXT_CHARS = 20_001;

  /** Characters the fields other than the text may hold together (JSON: names included). */
  public static final int OTHER_CHARS = 16_384;

  /** Columns of a CSV or TSV header, and top-level fields of a JSON object. */
  public static final int MAX_FIELDS = 256;

  /** Characters of a CSV or TSV header row. */
  public static final int HEADER_CHARS = 65_536;

  /** Characters of a JSON line once its strings are cut to {@link #TEXT_CHARS}. */
  public static final int JSON_LINE_CHARS = 1 << 20;

  /** Characters of a rejected row's raw content kept for the report. */
  public static final int RAW_CHARS = 16_384;

  private ReadLimits() {}

  /**
   * A count with thousands separators, "1,234,567", for messages. Not String.format: on a
   * one-post run the first Formatter use loads the locale providers, 0.02 s of a 0.3 s process.
   */
  public static String grouped(long n) {
    String digits = Long.toString(Math.abs(n));
    StringBuilder out = new StringBuilder(n < 0 ? "-" : "");
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0 && (digits.length() - i) % 3 == 0) {
        out.append(',');
      }
      out.append(digits.charAt(i));
    }
    return out.toString();
  }
}
