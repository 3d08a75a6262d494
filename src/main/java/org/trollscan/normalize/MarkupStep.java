package org.trollscan.normalize;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Entities;

/**
 * Undoes the HTML that scraped posts carry: character references ("&amp;", "&#39;", "&quot;",
 * every name of HTML5, and numbers as HTML reads them) become the characters they stand for, and HTML tags are dropped, those that break a line
 * ("&lt;br&gt;", "&lt;/p&gt;") as a line break. Without it "don&amp;#39;t report her" is not a negation and
 * "&amp;quot;ring the council&amp;quot;" is not a quote. Only the tag names of the model's rule
 * files count as tags ({@link Tags}), so "&lt;3" and "x &lt; y" stay as written. The character
 * references are HTML's own (jsoup's table of HTML5 names, Windows-1252 for 128 to 159): a
 * format, not a judgement, so they are not rule data.
 */
public final class MarkupStep implements NormalizationStep {
  /**
   * Longest character reference looked at: HTML5's longest name,
   * "&amp;CounterClockwiseContourIntegral;", and "&amp;#x1F600;" fit.
   */
  private static final int MAX_REFERENCE = 34;
  /**
   * What HTML decodes the references 128 to 159 to: Windows-1252's characters there (the five
   * code points that page leaves undefined stay as they are).
   */
  private static final String WINDOWS_1252 = "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021"
      + "\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022"
      + "\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";
  /** Longest tag looked at, attributes included (a link's href can be long). */
  private static final int MAX_TAG = 1000;
  /** Longest tag name looked at ("blockquote" has 10 letters). */
  public static final int MAX_TAG_NAME = 12;

  /**
   * The tags this step takes out of a post, from the model's rule files
   * ({@code html-breaking-tags.txt}, {@code html-inline-tags.txt}): they decide whether a tag
   * splits words, so they change tokens and features.
   *
   * @param breaking tags that become a line break ("br", "p")
   * @param inline tags taken out without a trace ("b", "span")
   */
  public record Tags(Set<String> breaking, Set<String> inline) {
    public Tags {
      breaking = Set.copyOf(breaking);
      inline = Set.copyOf(inline);
      for (Set<String> names : List.of(breaking, inline)) {
        for (String name : names) {
          if (!isTagName(name)) {
            throw new IllegalArgumentException("'" + name + "' is no tag name: a lower-case"
                + " letter, then letters or digits, at most " + MAX_TAG_NAME + " characters");
          }
          if (names == breaking && inline.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' is a breaking and an inline tag");
          }
        }
      }
    }

    /** Whether {@code name} is a tag name as this step reads them ("h1", "blockquote"). */
    public static boolean isTagName(String name) {
      if (name.isEmpty() || name.length() > MAX_TAG_NAME || !(name.charAt(0) >= 'a'
          && name.charAt(0) <= 'z')) {
        return false;
      }
      for (int i = 1; i < name.length(); i++) {
        char c = name.charAt(i);
        if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
          return false;
        }
      }
      return true;
    }
  }

  private final Set<String> breaking;
  private final Set<String> inline;

  /** A step that takes out the tags of {@code tags} and no others. */
  public MarkupStep(Tags tags) {
    this.breaking = tags.breaking();
    this.inline = tags.inline();
  }

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
          if (breaking.contains(tagName(s, i))) {
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
      String name = s.substring(at + 1, end);
      return Entities.isNamedEntity(name) ? Entities.getByName(name) : null;
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
      if (value <= Character.MAX_CODE_POINT) { // beyond it stays beyond it, and nothing overflows
        value = value * (hex ? 16 : 10) + d;
      }
    }
    if (value == 0 || value > Character.MAX_CODE_POINT
        || value >= Character.MIN_SURROGATE && value <= Character.MAX_SURROGATE) {
      return "\uFFFD";
    }
    if (value >= 0x80 && value <= 0x9F) {
      // Pages written in Windows-1252 put its code numbers in references ("don&#146;t"); HTML
      // reads them as that code page's characters, not as C1 controls.
      return Character.toString(WINDOWS_1252.charAt((int) value - 0x80));
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
  private int tagEnd(String s, int at) {
    String name = tagName(s, at);
    if (!breaking.contains(name) && !inline.contains(name)) {
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
    while (k < s.length() && k - start < MAX_TAG_NAME && (Character.isLetter(s.charAt(k))
        || k > start && Character.isDigit(s.charAt(k)))) {
      k++;
    }
    return s.substring(start, k).toLowerCase(Locale.ROOT);
  }
}
