package org.trollscan.normalize;

/** Squeezes a character repeated three or more times to two: "sooooo" becomes "soo", "!!!!" "!!". */
public final class ElongationStep implements NormalizationStep {
  @Override
  public MappedText apply(MappedText in) {
    String s = in.text();
    if (!hasTriple(s)) {
      return in;
    }
    MappedText.Builder out = in.newBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (i >= 2 && c == s.charAt(i - 1) && c == s.charAt(i - 2) && !Character.isDigit(c)) {
        continue;
      }
      out.append(c, in.from(i));
    }
    return out.build();
  }

  private static boolean hasTriple(String s) {
    for (int i = 2; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == s.charAt(i - 1) && c == s.charAt(i - 2) && !Character.isDigit(c)) {
        return true;
      }
    }
    return false;
  }
}
