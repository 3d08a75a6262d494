package org.trollscan.normalize;

import java.util.function.Predicate;

/**
 * Replaces URLs by {@value #URL} and @mentions by {@value #MENTION}: the identity behind a link or
 * handle does not generalise, the fact that a post names someone does. A mention of an
 * authority's own account ("@HMRCgovuk", "@TheMetPolice") becomes {@value #AGENCY} instead:
 * tagging an agency under a post about someone is a report to it, and the handle is no target.
 * Expects case-folded text.
 */
public final class PlaceholderStep implements NormalizationStep {
  public static final String URL = "xxurl";
  public static final String MENTION = "xxuser";
  public static final String AGENCY = "xxagency";

  /**
   * Whether a token is one of the placeholders this step writes. They are the pipeline's own
   * tokens, not words of a language, so they are no rule data: a bundle's pipeline names this
   * step, and the step decides them.
   */
  public static boolean isPlaceholder(String token) {
    return token.equals(MENTION) || token.equals(URL) || token.equals(AGENCY);
  }

  private final Predicate<String> isAgencyHandle;

  /**
   * @param isAgencyHandle tells an authority's handle from a person's (the rule data's
   *     {@code agency-handles.txt})
   */
  public PlaceholderStep(Predicate<String> isAgencyHandle) {
    this.isAgencyHandle = isAgencyHandle;
  }

  @Override
  public MappedText apply(MappedText in) {
    String s = in.text();
    if (s.indexOf('@') < 0 && s.indexOf("http") < 0 && s.indexOf("www.") < 0) {
      return in;
    }
    MappedText.Builder out = null;
    int copied = 0;
    for (int i = 0; i < s.length(); ) {
      char c = s.charAt(i);
      // Links start with "h" or "w", mentions with "@": most positions are neither.
      if (c != 'h' && c != 'w' && c != '@') {
        i++;
        continue;
      }
      int end = linkEnd(s, i);
      boolean link = end > i;
      if (!link) {
        end = Handles.end(s, i);
      }
      if (end == i) {
        i++;
        continue;
      }
      if (out == null) {
        out = in.newBuilder();
      }
      out.copy(in, copied, i);
      String placeholder = link ? URL
          : isAgencyHandle.test(s.substring(i + 1, end)) ? AGENCY : MENTION;
      appendSpread(out, placeholder, in, i, end);
      copied = i = end;
    }
    if (out == null) {
      return in;
    }
    out.copy(in, copied, s.length());
    return out.build();
  }

  /** The end of a link ("http://", "https://" or "www." and what follows up to a space) at i, or i. */
  static int linkEnd(String s, int i) {
    int start = s.startsWith("https://", i) ? i + 8 : s.startsWith("http://", i) ? i + 7
        : s.startsWith("www.", i) ? i + 4 : -1;
    if (start < 0) {
      return i;
    }
    int end = start;
    while (end < s.length() && !isSpace(s.charAt(end))) {
      end++;
    }
    return end > start ? end : i;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /**
   * Appends a replacement whose first character maps to the start of the replaced span and whose
   * last maps to its end, so a token over the placeholder maps back to the whole link or handle.
   */
  static void appendSpread(
      MappedText.Builder out, String replacement, MappedText in, int start, int end) {
    for (int k = 0; k < replacement.length(); k++) {
      int from = k == replacement.length() - 1 ? in.from(end - 1) : in.from(start);
      out.append(replacement.charAt(k), from);
    }
  }
}
