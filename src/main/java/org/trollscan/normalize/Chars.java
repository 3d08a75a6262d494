package org.trollscan.normalize;

/**
 * Character tests with a fast path for ASCII, which is most forum text: the JDK's Unicode tables
 * cost a lookup per character on the scoring path, and the answers for ASCII are known.
 */
public final class Chars {
  private Chars() {}

  /** {@link Character#isLetterOrDigit(int)}, answered without the Unicode tables for ASCII. */
  public static boolean isLetterOrDigit(int cp) {
    if (cp < 128) {
      return cp >= 'a' && cp <= 'z' || cp >= '0' && cp <= '9' || cp >= 'A' && cp <= 'Z';
    }
    return Character.isLetterOrDigit(cp);
  }

  /** Whether a token starts with a letter or digit: a word rather than punctuation or emoji. */
  public static boolean startsWord(String token) {
    return isLetterOrDigit(token.codePointAt(0));
  }
}
