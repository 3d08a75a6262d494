package org.trollscan.normalize;

/**
 * Characters that show nothing but can split a word for a program: Unicode's format characters
 * (category Cf: zero-width space and joiners, word joiner, soft hyphen, byte-order mark,
 * direction marks and isolates, invisible operators, tag characters) and the other default
 * ignorable code points (variation selectors, the combining grapheme joiner, Hangul fillers,
 * Mongolian free variation selectors). "r\u200Beport" reads as "report", so it must score as
 * "report".
 */
public final class IgnorableCharacters {
  private IgnorableCharacters() {}

  /** Whether the code point is invisible: format (Cf) or default-ignorable. */
  public static boolean isIgnorable(int cp) {
    if (cp < 0xAD) {
      return false; // the ASCII and Latin-1 fast path: nothing below the soft hyphen is
    }
    if (Character.getType(cp) == Character.FORMAT) {
      return true;
    }
    // Default_Ignorable_Code_Point (Unicode's DerivedCoreProperties.txt) beyond category Cf.
    return cp == 0x034F // combining grapheme joiner
        || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 // Hangul fillers
        || cp >= 0x17B4 && cp <= 0x17B5 // Khmer inherent vowels
        || cp >= 0x180B && cp <= 0x180F // Mongolian free variation selectors
        || cp >= 0xFE00 && cp <= 0xFE0F // variation selectors
        || cp >= 0xE0100 && cp <= 0xE01EF // variation selectors supplement
        || cp >= 0x2060 && cp <= 0x206F // invisible operators and reserved (Cf and unassigned)
        || cp >= 0xFFF0 && cp <= 0xFFF8 // reserved, default ignorable
        || cp >= 0xE0000 && cp <= 0xE0FFF; // tags and their reserved block
  }

  /** Whether every code point of {@code s} is ignorable (and {@code s} is not empty). */
  public static boolean isIgnorable(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (!isIgnorable(cp)) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }
}
