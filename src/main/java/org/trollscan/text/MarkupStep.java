package org.trollscan.text;

import java.util.Locale;
import java.util.Set;
import org.apache.commons.text.StringEscapeUtils;

/**
 * Undoes the HTML that scraped posts carry: character references ("&amp;", "&#39;", "&quot;")
 * become the characters they stand for, and HTML tags are dropped, those that break a line
 * ("&lt;br&gt;", "&lt;/p&gt;") as a line break. Without it "don&amp;#39;t report her" is not a negation and
 * "&amp;quot;ring the council&amp;quot;" is not a quote. Only real tag names count as tags, so
 * "&lt;3" and "x &lt; y" stay as written.
 */
public final class MarkupStep implements NormalizationStep {
  /** Longest character reference looked at, "&amp;thetasym;" and "&amp;#x1F600;" included. */
  private static final int MAX_REFERENCE = 12;
  /** Longest tag looked at, attributes included (a link's href can be long). */
  private static final int MAX_TAG = 1000;
  private static final Set<String> BREAKING = Set.of("br", "p", "div", "li", "ul", "ol",
      "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "hr", "pre");
  private static final Set<String> INLINE = Set.of("a", "b", "i", "u", "s", "em", "strong",
      "span", "img", "small", "big", "sup", "sub", "strike", "del", "ins", "font", "code", "mark",
      "abbr", "cite", "q", "td", "th", "tbody", "thead");

  @Override
  public MappedText apply(MappedText in) {
    String s = in.text();
    if (s.indexOf('&') < 0 && s.indexOf('<') < 0) {
      return in;
    }
    MappedText.Builder out = in.newBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '&') {
        int end = referenceEnd(s, i);
        if (end > 0) {
          String decoded = decode(s, i, end);
          if (decoded != null) {
            if (!IgnorableCharacters.isIgnorable(decoded)) {
              out.append(decoded, in.from(i));
            }
            i = end;
            continue;
          }
        }
      } else if (c == '<') {
        int end = tagEnd(s, i);
        if (end > 0) {
          if (BREAKING.contains(tagName(s, i))) {
            out.append('\n', in.from(i));
          }
          i = end;
          continue;
        }
      }
      out.append(c, in.from(i));
    }
    return out.build();
  }

  /**
   * The text the reference from {@code at} to {@code end} (the ';') stands for, or null when it
   * is no reference. A numeric reference to no character (beyond U+10FFFF, a surrogate, or NUL)
   * is U+FFFD, as HTML decodes it, so that one odd post cannot stop a run.
   */
  static String decode(String s, int at, int end) {
    if (s.charAt(at + 1) != '#') {
      String reference = s.substring(at, end + 1);
      String decoded = StringEscapeUtils.unescapeHtml4(reference);
      return decoded.equals(reference) ? null : decoded;
    }
    boolean hex = at + 2 < end && (s.charAt(at + 2) == 'x' || s.charAt(at + 2) == 'X');
    int digits = at + (hex ? 3 : 2);
    if (digits == end) {
      return null; // "&#;" and "&#x;" are no references
    }
    long value = 0;
    for (int k = digits; k < end; k++) {
      int d = Character.digit(s.charAt(k), hex ? 16 : 10);
      if (d < 0) {
        return null;
      }
      // MAX_REFERENCE bounds the digits, so the value cannot overflow a long.
      value = value * (hex ? 16 : 10) + d;
    }
    if (value == 0 || value > Character.MAX_CODE_POINT
        || value >= Character.MIN_SURROGATE && value <= Character.MAX_SURROGATE) {
      return "\uFFFD";
    }
    return Character.toString((int) value);
  }

  /** The index of the ';' ending a character reference at {@code at}, or -1. */
  private static int referenceEnd(String s, int at) {
    int limit = Math.min(s.length(), at + MAX_REFERENCE);
    for (int k = at + 1; k < limit; k++) {
      char c = s.charAt(k);
      if (c == ';') {
        return k > at + 1 ? k : -1;
      }
      if (!(c == '#' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
        return -1;
      }
    }
    return -1;
  }

  /** The index of the '>' ending an HTML tag at {@code at}, or -1 when it is no tag. */
  private static int tagEnd(String s, int at) {
    String name = tagName(s, at);
    if (!BREAKING.contains(name) && !INLINE.contains(name)) {
      return -1;
    }
    int k = at + 1 + (s.charAt(at + 1) == '/' ? 1 : 0) + name.length();
    if (k >= s.length()) {
      return -1;
    }
    char after = s.charAt(k);
    if (after != '>' && after != '/' && !Character.isWhitespace(after)) {
      return -1; // "<bravo" is no <br> tag
    }
    int limit = Math.min(s.length(), at + MAX_TAG);
    for (; k < limit; k++) {
      char c = s.charAt(k);
      if (c == '>') {
        return k;
      }
      if (c == '<' || c == '\n') {
        return -1;
      }
    }
    return -1;
  }

  /** The lower-case name of a tag that may start at {@code at} ("br" for "&lt;BR/&gt;"), or "". */
  private static String tagName(String s, int at) {
    int k = at + 1;
    if (k < s.length() && s.charAt(k) == '/') {
      k++;
    }
    int start = k;
    while (k < s.length() && k - start < 12 && (Character.isLetter(s.charAt(k))
        || k > start && Character.isDigit(s.charAt(k)))) {
      k++;
    }
    return s.substring(start, k).toLowerCase(Locale.ROOT);
  }
}
