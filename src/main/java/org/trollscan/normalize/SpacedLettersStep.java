package org.trollscan.normalize;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Joins words spelled out letter by letter to dodge filters: "s o c i a l  s e r v i c e s"
 * becomes "social services", "r.e.p.o.r.t" becomes "report". Needs at least four single
 * characters in a row with the same separator between them (so "c-a-l-l C-P-S" is two words),
 * so that ordinary text such as "i am a" is left alone; three are enough
 * when dots or hyphens join them, as in acronyms spelled out ("C-P-S", "D.W.P"), which ordinary
 * text does not do with spaces.
 */
public final class SpacedLettersStep implements NormalizationStep {
  /** One spelled-out character: a letter, a digit, or a symbol standing in for a letter. */
  private static final String ONE = "[\\p{L}\\p{N}@$*]";
  static final Pattern SPACED = Pattern.compile("(?<![\\p{L}\\p{N}])(?:"
      + ONE + "([ .\\-_])(?:" + ONE + "\\1){2,}" + ONE // four or more, one separator throughout
      + "|" + ONE + "([.\\-])" + ONE + "\\2" + ONE // three, joined by dots or hyphens
      + ")(?![\\p{L}\\p{N}])");

  @Override
  public MappedText apply(MappedText in) {
    String s = in.text();
    if (!mayHaveSpacedLetters(s)) {
      return in;
    }
    Matcher m = SPACED.matcher(s);
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
   * Cheap pre-check, true wherever {@link #SPACED} can match: three single characters in a row,
   * each followed by the same separator (the pattern's four), or two followed by a dot or hyphen
   * (its three). A looser check sent "she's a joke" ("s", "a") to the pattern: one post in twelve
   * of the benchmark's sample.
   */
  static boolean mayHaveSpacedLetters(String s) {
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
      if (run >= 3 || run == 2 && (sep == '.' || sep == '-')) {
        return true;
      }
      i++;
    }
    return false;
  }
}
