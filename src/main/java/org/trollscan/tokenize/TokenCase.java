package org.trollscan.tokenize;

import opennlp.tools.util.Span;
import org.trollscan.normalize.IgnorableCharacters;
import org.trollscan.normalize.MappedText;

/**
 * How a token was written in the original post, as to case: normalisation folds the case away
 * (the lexical chain works on folded text), so tokenization records it per token, once, through
 * the offset map. Only the characters the token came from count: markup removed before it, a
 * character reference that became punctuation, or an invisible character inside it do not.
 * Markup removed right after a word does count ("<b>Kerry</b>" is {@link #MIXED}): the map
 * tells where each normalised character came from, not where its source ends, so a removed tag
 * after a word looks like the rest of a word a replacement stands for ("S.o.c.i.a.l").
 */
public enum TokenCase {
  /** Letters, none of them in capitals: "kerry", "s.o.c.i.a.l". */
  LOWER,
  /** Letters, none of them in lower case: "HMRC", "I", "S O C I A L". */
  UPPER,
  /**
   * A word written with a capital first and lower case after it: a capital, then only letters
   * (later capitals too: "McDonald"), with an apostrophe that joins a clitic ("Becky's"); what
   * a reader takes for a name or a sentence's first word.
   */
  CAPITALIZED,
  /**
   * Capitals and lower case, not as a capitalised word: "iPhone", or one broken by other
   * characters, "S.o.c.i.a.l", "K3rry", "@Kerry".
   */
  MIXED,
  /**
   * No letter with a case: punctuation, digits, emoji, scripts without case, and a token whose
   * folded form has no letter ("&" written "&amp;").
   */
  NONE;

  /**
   * The case of each token as written: for every token, what {@link #of(String, int, int)}
   * says of the characters it came from, or {@link #NONE} when the folded token has no letter.
   *
   * @param original the post as written
   * @param normalized its normalised text, which {@code spans} index
   * @param tokens the tokens, as cut from the normalised text
   * @param spans each token's span in the normalised text
   */
  public static TokenCase[] of(String original, MappedText normalized, String[] tokens,
      Span[] spans) {
    TokenCase[] cases = new TokenCase[tokens.length];
    int length = original.length();
    if (length > MAX_COUNTED) {
      for (int i = 0; i < tokens.length; i++) {
        cases[i] = hasLetter(tokens[i])
            ? of(original, normalized.originalStart(spans[i].getStart()),
                normalized.originalEnd(spans[i].getEnd()))
            : NONE;
      }
      return cases;
    }
    // This runs for every token of every post: scanning each token's characters one token at a
    // time cost 6% of the analysis (a branchy loop per token). One pass over the post instead
    // counts, before each character, the lower-case, capital, other and non-ASCII characters;
    // a token's counts are then one subtraction. Tokens with a non-ASCII character take the
    // character-by-character path, which knows invisible characters and other scripts.
    long[] counts = COUNTS.get();
    if (counts.length <= length) {
      counts = new long[Math.max(length + 1, counts.length * 2)];
      COUNTS.set(counts);
    }
    long sum = 0;
    for (int k = 0; k < length; k++) {
      char c = original.charAt(k);
      sum += c < 128 ? ASCII_COUNTS[c] : ONE_NON_ASCII;
      counts[k + 1] = sum;
    }
    for (int i = 0; i < tokens.length; i++) {
      int start = normalized.originalStart(spans[i].getStart());
      int end = Math.min(normalized.originalEnd(spans[i].getEnd()), length);
      TokenCase c;
      if (start >= end) {
        c = NONE;
      } else {
        // Each count fits its 16 bits and only grows, so the fields subtract without borrowing.
        long d = counts[end] - counts[start];
        c = d >= ONE_NON_ASCII ? of(original, start, end) : ofAscii(d, original.charAt(start));
      }
      cases[i] = c != NONE && !hasLetter(tokens[i]) ? NONE : c;
    }
    return cases;
  }

  /** Posts up to this long are counted in one pass: each count has 16 bits. */
  private static final int MAX_COUNTED = 0xFFFF;
  /** The count each ASCII character adds: a lower-case letter, a capital, or other (not '). */
  private static final long[] ASCII_COUNTS = new long[128];
  private static final long ONE_CAPITAL = 1L << 16;
  private static final long ONE_OTHER = 1L << 32;
  private static final long ONE_NON_ASCII = 1L << 48;

  static {
    for (char c = 0; c < 128; c++) {
      ASCII_COUNTS[c] = c >= 'a' && c <= 'z' ? 1
          : c >= 'A' && c <= 'Z' ? ONE_CAPITAL
          : c == '\'' ? 0
          : ONE_OTHER;
    }
  }

  /** Per-thread counts, reused from post to post. */
  private static final ThreadLocal<long[]> COUNTS =
      ThreadLocal.withInitial(() -> new long[1024]);

  /** What {@link #of(String, int, int)} says of ASCII characters with counts {@code d}. */
  private static TokenCase ofAscii(long d, char first) {
    boolean lower = (d & 0xFFFF) != 0;
    boolean upper = (d & 0xFFFF * ONE_CAPITAL) != 0;
    if (upper && lower) {
      boolean word = (d & 0xFFFF * ONE_OTHER) == 0;
      return word && first >= 'A' && first <= 'Z' ? CAPITALIZED : MIXED;
    }
    return upper ? UPPER : lower ? LOWER : NONE;
  }

  /**
   * The case of {@code original} from {@code start} to {@code end} (UTF-16 offsets). Invisible
   * characters ({@link IgnorableCharacters}) inside are passed over, since normalisation removed
   * them: "Be\u200Bx" is "Bex". Letters are read per UTF-16 unit, so styled letters outside the
   * Basic Multilingual Plane ("𝙿𝚎𝚝𝚊𝚕𝚜", which NFKC turns into plain ones) count as no letters
   * here: the shipped model's names were found that way, and reading them as letters changes
   * its scores.
   */
  public static TokenCase of(String original, int start, int end) {
    end = Math.min(end, original.length());
    if (start >= end) {
      return NONE;
    }
    boolean upper = false;
    boolean lower = false;
    boolean word = true;
    for (int k = start; k < end; k++) {
      char c = original.charAt(k);
      if (c < 128) {
        // Most of every post: decided without a table look-up.
        if (c >= 'a' && c <= 'z') {
          lower = true;
        } else if (c >= 'A' && c <= 'Z') {
          upper = true;
        } else if (c != '\'') {
          word = false;
        }
        continue;
      }
      if (k > start && c >= 0xAD && IgnorableCharacters.isIgnorable(original.codePointAt(k))) {
        k += Character.charCount(original.codePointAt(k)) - 1;
        continue;
      }
      if (Character.isLowerCase(c)) {
        lower = true;
      } else if (Character.isUpperCase(c)) {
        upper = true;
        word &= k == start || Character.isLetter(c);
      } else if (!Character.isLetter(c) && c != '\u2019') {
        word = false;
      }
    }
    if (upper && lower) {
      return word && Character.isUpperCase(original.charAt(start)) ? CAPITALIZED : MIXED;
    }
    return upper ? UPPER : lower ? LOWER : NONE;
  }

  /** Whether the folded token has a letter: "&" from "&amp;" has no case, whatever was written. */
  private static boolean hasLetter(String token) {
    for (int k = 0; k < token.length(); k++) {
      char c = token.charAt(k);
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
          || c >= 128 && Character.isLetter(token.codePointAt(k))) {
        return true;
      }
    }
    return false;
  }
}
