package org.trollscan.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces URLs by {@value #URL} and @mentions by {@value #MENTION}: the identity behind a link or
 * handle does not generalise, the fact that a post names someone does.
 */
public final class PlaceholderStep implements NormalizationStep {
  public static final String URL = "xxurl";
  public static final String MENTION = "xxuser";

  private static final Pattern LINK_OR_MENTION =
      Pattern.compile(
          "(?<url>(?:https?://|www\\.)\\S+)|(?<![\\w@])(?<mention>@[\\p{L}\\p{N}_]{1,30})");

  @Override
  public MappedText apply(MappedText in) {
    String s = in.text();
    if (s.indexOf('@') < 0 && s.indexOf("http") < 0 && s.indexOf("www.") < 0) {
      return in;
    }
    Matcher m = LINK_OR_MENTION.matcher(s);
    if (!m.find()) {
      return in;
    }
    MappedText.Builder out = in.newBuilder();
    int at = 0;
    do {
      for (int i = at; i < m.start(); i++) {
        out.append(s.charAt(i), in.from(i));
      }
      String replacement = m.group("url") != null ? URL : MENTION;
      appendSpread(out, replacement, in, m.start(), m.end());
      at = m.end();
    } while (m.find());
    for (int i = at; i < s.length(); i++) {
      out.append(s.charAt(i), in.from(i));
    }
    return out.build();
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
