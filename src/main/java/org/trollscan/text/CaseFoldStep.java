package org.trollscan.text;

/**
 * Lower-cases per code point and unifies apostrophes and quotes (’ ‘ ´ ` become '), so that
 * "Don’t" and "don't" are one word. Per-code-point lower-casing keeps lengths, hence origins.
 */
public final class CaseFoldStep implements NormalizationStep {
  @Override
  public MappedText apply(MappedText in) {
    String s = in.text();
    if (!needsFolding(s)) {
      return in;
    }
    MappedText.Builder out = in.newBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char folded;
      switch (c) {
        case '\u2019', '\u2018', '\u00b4', '`', '\u02bc' -> folded = '\'';
        case '\u201c', '\u201d' -> folded = '"';
        default -> folded = Character.isSurrogate(c) ? c : Character.toLowerCase(c);
      }
      out.append(folded, in.from(i));
    }
    return out.build();
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
