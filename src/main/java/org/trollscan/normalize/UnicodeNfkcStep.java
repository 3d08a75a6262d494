package org.trollscan.normalize;

import java.text.Normalizer;

/**
 * Unicode NFKC: folds full-width letters, ligatures, mathematical alphabets and other
 * compatibility forms that trolls use to dodge word filters ("ｒｅｐｏｒｔ", "𝐫𝐞𝐩𝐨𝐫𝐭").
 * Normalises one code point at a time so every output character keeps its origin; this differs
 * from whole-string NFKC only for combining sequences, which the later case-folding step ignores.
 */
public final class UnicodeNfkcStep implements NormalizationStep {
  @Override
  public MappedText apply(MappedText in) {
    String s = in.text();
    if (isAscii(s) || Normalizer.isNormalized(s, Normalizer.Form.NFKC)) {
      return in;
    }
    MappedText.Builder out = in.newBuilder();
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int n = Character.charCount(cp);
      String piece = s.substring(i, i + n);
      out.append(Normalizer.normalize(piece, Normalizer.Form.NFKC), in.from(i));
      i += n;
    }
    return out.build();
  }

  /** ASCII text is NFKC already; most posts are, and this test is far cheaper than NFKC's. */
  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 128) {
        return false;
      }
    }
    return true;
  }
}
