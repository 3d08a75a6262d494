package org.trollscan.tokenize;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.tokenize.Tokenizer;
import opennlp.tools.util.Span;
import org.trollscan.normalize.Chars;

/**
 * A rule-based OpenNLP {@link Tokenizer} for normalised forum text. Words are runs of letters and
 * digits with inner apostrophes and stars ("don't", "she's", "f*ck"), numbers with their
 * separators ("500,000", "2.5"); hyphens split
 * ("mass-report" is two words); a run of the same punctuation mark is one token ("!!"); each emoji
 * is a token. Thread-safe and allocation-light, unlike the statistical UD tokenizer it replaces
 * (see docs/model-history.md for the measurements).
 */
public final class ForumTokenizer implements Tokenizer {
  public static final ForumTokenizer INSTANCE = new ForumTokenizer();

  @Override
  public String[] tokenize(String s) {
    return Span.spansToStrings(tokenizePos(s), s);
  }

  @Override
  public Span[] tokenizePos(String s) {
    List<Span> spans = new ArrayList<>(s.length() / 4 + 4);
    int n = s.length();
    int i = 0;
    while (i < n) {
      int cp = s.codePointAt(i);
      int width = Character.charCount(cp);
      if (cp < 128 ? cp <= ' ' || cp == 127 // ASCII spaces and control characters
          : Character.isWhitespace(cp) || Character.isSpaceChar(cp) || ignorable(cp)) {
        i += width;
      } else if (isWordChar(cp) || cp == '*' && i + 1 < n && isWordChar(s.codePointAt(i + 1))) {
        int start = i;
        i += width;
        while (i < n) {
          int c = s.codePointAt(i);
          if (isWordChar(c)) {
            i += Character.charCount(c);
          } else if ((c == '\'' || c == '*') && i + 1 < n && isWordChar(s.codePointAt(i + 1))) {
            i += 1;
          } else if ((c == ',' || c == '.') && isDigit(s.charAt(i - 1)) && i + 1 < n
              && isDigit(s.charAt(i + 1))) {
            i += 1; // a number: "500,000", "2.5"; split, "000" would read as Australia's 000
          } else {
            break;
          }
        }
        spans.add(new Span(start, i));
      } else if (cp < 128) {
        int start = i;
        while (i < n && s.charAt(i) == cp) {
          i++;
        }
        spans.add(new Span(start, i));
      } else {
        spans.add(new Span(i, i + width));
        i += width;
      }
    }
    return spans.toArray(new Span[0]);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isWordChar(int cp) {
    return Chars.isLetterOrDigit(cp)
        || cp >= 128 && Character.getType(cp) == Character.NON_SPACING_MARK;
  }

  /** Variation selectors, zero-width joiners and skin-tone modifiers carry no meaning here. */
  private static boolean ignorable(int cp) {
    if (cp >= 32 && cp < 127) {
      return false;
    }
    return cp == 0x200d || cp == 0x200b || cp == 0xfeff || (cp >= 0xfe00 && cp <= 0xfe0f)
        || (cp >= 0x1f3fb && cp <= 0x1f3ff) || Character.getType(cp) == Character.CONTROL
        || Character.getType(cp) == Character.FORMAT;
  }
}
