package org.trollscan.normalize;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Joins words spelled out letter by letter to dodge filters: "s o c i a l  s e r v i c e s"
 * becomes "social services", "r.e.p.o.r.t" becomes "report". Needs at least {@code minLetters}
 * (4 by default) single characters in a row with the same separator between them (so "c-a-l-l
 * C-P-S" is two words), so that ordinary text such as "i am a" is left alone; {@code
 * minJoinedLetters} (3) are enough when dots or hyphens join them, as in acronyms spelled out
 * ("C-P-S", "D.W.P"), which ordinary text does not do with spaces.
 */
public final class SpacedLettersStep implements NormalizationStep {
  /** One spelled-out character: a letter, a digit, or a symbol standing in for a letter. */
  private static final String ONE = "[\\p{L}\\p{N}@$*]";

  private final int minLetters;
  private final int minJoinedLetters;
  private final Pattern spaced;

  /**
   * @param minLetters the fewest single characters, with one separator throughout, that are
   *     joined; at least 2
   * @param minJoinedLetters the fewest when dots or hyphens separate them; at least 2
   */
  public SpacedLettersStep(int minLetters, int minJoinedLetters) {
    if (minLetters < 2 || minJoinedLetters < 2) {
      throw new IllegalArgumentException("spaced letters need at least 2 characters, not "
          + minLetters + " / " + minJoinedLetters);
    }
    this.minLetters = minLetters;
    this.minJoinedLetters = minJoinedLetters;
    this.spaced = Pattern.compile("(?<![\\p{L}\\p{N}])(?:"
        + ONE + "([ .\\-_])(?:" + ONE + "\\1){" + (minLetters - 2) + ",}" + ONE // any separator
        + "|" + ONE + "([.\\-])(?:" + ONE + "\\2){" + (minJoinedLetters - 2) + ",}" + ONE // dots
        + ")(?![\\p{L}\\p{N}])");
  }

  /** The pattern of a spelled-out word. */
  Pattern pattern() {
    return spaced;
  }

  @Override
  public MappedText apply(MappedText in) {
    String s = in.text();
    if (!mayHaveSpacedLetters(s)) {
      return in;
    }
    Matcher m = spaced.matcher(s);
    if (!m.find()) {
      return in;
    }
    MappedText.Builder out = in.newBuilder();
    int at = 0;
    do {
      out.copy(in, at, m.start());
      for (int i = m.start(); i < m.end(); i += 2) {
        out.append(s.charAt(i), in.from(i));
      }
      at = m.end();
    } while (m.find());
    out.copy(in, at, s.length());
    return out.build();
  }

  /**
   * Cheap pre-check, true wherever {@link #pattern()} can match: {@code minLetters - 1} single
   * characters in a row, each followed by the same separator, or {@code minJoinedLetters - 1}
   * followed by a dot or hyphen. A looser check sent "she's a joke" ("s", "a") to the pattern:
   * one post in twelve of the benchmark's sample.
   */
  boolean mayHaveSpacedLetters(String s) {
    int run = 0;
    char runSeparator = 0;
    for (int i = 0; i + 1 < s.length(); i++) {
      char sep = s.charAt(i + 1);
      boolean single = (sep == ' ' || sep == '.' || sep == '-' || sep == '_')
          && (i == 0 || !Chars.isLetterOrDigit(s.charAt(i - 1)))
          && !Character.isWhitespace(s.charAt(i));
      if (!single) {
        run = 0;
        continue;
      }
      run = run > 0 && sep == runSeparator ? run + 1 : 1;
      runSeparator = sep;
      if (run >= minLetters - 1 || run >= minJoinedLetters - 1 && (sep == '.' || sep == '-')) {
        return true;
      }
      i++;
    }
    return false;
  }
}
