package org.trollscan.normalize;

/**
 * Lower-cases per code point and unifies apostrophes and quotes (’ ‘ ´ ` become '), so that
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
  @Override
  public MappedText apply(MappedText in) {
    String s = in.text();
    if (!needsFolding(s)) {
      return in;
    }
    char[] folded = s.toCharArray();
    for (int i = 0; i < folded.length; i++) {
      char c = folded[i];
      switch (c) {
        case '\u2019', '\u2018', '\u00b4', '`', '\u02bc' -> folded[i] = '\'';
        case '\u201c', '\u201d' -> folded[i] = '"';
        default -> folded[i] = Character.isSurrogate(c) ? c : Character.toLowerCase(c);
      }
    }
    // One character in, one out: every origin stays where it was.
    return new MappedText(new String(folded), in.origin());
  }

  private static boolean needsFolding(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 128 || c == '`' || (c >= 'A' && c <= 'Z')) {
        return true;
      }
    }
    return false;
  }
}
