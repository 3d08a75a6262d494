package org.trollscan.normalize;

/**
 * Cuts a character repeated more than {@code maxRun} times in a row to {@code maxRun}: with 2
 * (the default), "sooooo" becomes "soo" and "!!!!" "!!". Digits are left alone ("1000").
 */
public final class ElongationStep implements NormalizationStep {
  private final int maxRun;

  /** @param maxRun the longest run of one character kept, at least 1 */
  public ElongationStep(int maxRun) {
    if (maxRun < 1) {
      throw new IllegalArgumentException("maxRun must be at least 1, not " + maxRun);
    }
    this.maxRun = maxRun;
  }

  @Override
  public MappedText apply(MappedText in) {
    String s = in.text();
    if (!hasLongRun(s)) {
      return in;
    }
    MappedText.Builder out = in.newBuilder();
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      run = i > 0 && c == s.charAt(i - 1) ? run + 1 : 1;
      if (run > maxRun && !Character.isDigit(c)) {
        continue;
      }
      out.append(c, in.from(i));
    }
    return out.build();
  }

  private boolean hasLongRun(String s) {
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      run = i > 0 && c == s.charAt(i - 1) ? run + 1 : 1;
      if (run > maxRun && !Character.isDigit(c)) {
        return true;
      }
    }
    return false;
  }
}
