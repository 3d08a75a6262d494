package org.trollscan.text;

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
  private static final Pattern SPACED = Pattern.compile("(?<![\\p{L}\\p{N}])(?:"
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

  /** Cheap pre-check: three single characters in a row, each followed by one separator. */
  private static boolean mayHaveSpacedLetters(String s) {
    int run = 0;
    for (int i = 0; i + 1 < s.length(); i++) {
      char sep = s.charAt(i + 1);
      boolean single = (i == 0 || !Chars.isLetterOrDigit(s.charAt(i - 1)))
          && (sep == ' ' || sep == '.' || sep == '-' || sep == '_')
          && !Character.isWhitespace(s.charAt(i));
      if (single) {
        run++;
        if (run >= 2) {
          return true;
        }
        i++;
      } else {
        run = 0;
      }
    }
    return false;
  }
}
