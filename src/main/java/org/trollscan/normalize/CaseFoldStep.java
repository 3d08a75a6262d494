package org.trollscan.normalize;

import java.util.Map;

/**
 * Lower-cases per code point and writes the characters of the model's quote-mark table
 * ({@code quote-marks.txt}: ’ ‘ ´ ` ʼ, “ ”) as the plain apostrophe or quotation mark, so that
 * "Don’t" and "don't" are one word. Per-code-point lower-casing keeps lengths, hence origins.
 *
 * <p>It runs early, before the placeholder, spaced-letter, elongation and obfuscation steps: the
 * lexical chain works on folded text, so those steps and their word lists see one spelling of
 * each word, and the features read folded tokens (moving it would change the shipped model's
 * scores). Case is not lost: tokenization records each token's case as written in the original,
 * through the offset map, as a token attribute ({@code Annotation.CASE}, {@code
 * tokenize.TokenCase}), which is what the names annotator reads.
 */
public final class CaseFoldStep implements NormalizationStep {
  /** The table as two arrays: a handful of characters, looked up for every non-ASCII one. */
  private final char[] from;
  private final char[] to;
  /** Whether an ASCII character is in the table: below 128, only these need a look. */
  private final boolean[] asciiMarks = new boolean[128];

  /**
   * @param marks each character written as {@code '} or {@code "} instead
   * @throws IllegalArgumentException for a mark that is no {@code '} or {@code "}, or a character
   *     that cannot be one ({@link #canFold})
   */
  public CaseFoldStep(Map<Character, Character> marks) {
    for (Map.Entry<Character, Character> e : marks.entrySet()) {
      if (!canFold(e.getKey())) {
        throw new IllegalArgumentException("'" + e.getKey() + "' cannot be folded to a mark");
      }
      if (e.getValue() != '\'' && e.getValue() != '"') {
        throw new IllegalArgumentException("'" + e.getValue() + "' is no ' or \"");
      }
      if (e.getKey() < 128) {
        asciiMarks[e.getKey()] = true;
      }
    }
    this.from = new char[marks.size()];
    this.to = new char[marks.size()];
    int k = 0;
    for (Map.Entry<Character, Character> e : marks.entrySet()) {
      from[k] = e.getKey();
      to[k++] = e.getValue();
    }
  }

  /** The mark a character is written as, or 0 when it is not in the table. */
  private char mark(char c) {
    for (int k = 0; k < from.length; k++) {
      if (from[k] == c) {
        return to[k];
      }
    }
    return 0;
  }

  /** Whether a character may be folded to a mark: any one but a space, #, ' and ". */
  public static boolean canFold(char c) {
    return !Character.isWhitespace(c) && !Character.isISOControl(c) && c != '#' && c != '\''
        && c != '"' && !Character.isSurrogate(c);
  }

  @Override
  public MappedText apply(MappedText in) {
    String s = in.text();
    if (!needsFolding(s)) {
      return in;
    }
    char[] folded = s.toCharArray();
    for (int i = 0; i < folded.length; i++) {
      char c = folded[i];
      char mark = c >= 128 || asciiMarks[c] ? mark(c) : 0;
      if (mark != 0) {
        folded[i] = mark;
      } else {
        folded[i] = Character.isSurrogate(c) ? c : Character.toLowerCase(c);
      }
    }
    // One character in, one out: every origin stays where it was.
    return new MappedText(new String(folded), in.origin());
  }

  private boolean needsFolding(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 128 || (c >= 'A' && c <= 'Z') || asciiMarks[c]) {
        return true;
      }
    }
    return false;
  }
}
