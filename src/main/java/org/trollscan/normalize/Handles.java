package org.trollscan.normalize;

import java.util.ArrayList;
import java.util.List;

/**
 * What counts as an @handle, in one place: the placeholder step replaces exactly these, and the
 * thread summary lists exactly these as targets. An @ not glued to a word or another @
 * ("me@home" is not a mention), then 1 to {@value #MAX_LENGTH} letters, digits or underscores
 * (any script: "@zoë_k", "@мама").
 */
public final class Handles {
  /** At most this many letters, digits or underscores after the @ make the handle. */
  public static final int MAX_LENGTH = 30;

  private Handles() {}

  /** The end of a handle starting at {@code i}, or {@code i} when none starts there. */
  public static int end(String s, int i) {
    if (s.charAt(i) != '@' || i > 0 && (isAsciiWordChar(s.charAt(i - 1)) || s.charAt(i - 1) == '@')) {
      return i;
    }
    int end = i + 1;
    for (int count = 0; count < MAX_LENGTH && end < s.length(); count++) {
      int cp = s.codePointAt(end);
      if (!isHandleChar(cp)) {
        break;
      }
      end += Character.charCount(cp);
    }
    return end > i + 1 ? end : i;
  }

  /** Every handle in the text, with its @, in order. */
  public static List<String> in(String s) {
    List<String> handles = new ArrayList<>();
    for (int i = s.indexOf('@'); i >= 0; i = s.indexOf('@', i + 1)) {
      int end = end(s, i);
      if (end > i) {
        handles.add(s.substring(i, end));
        i = end - 1;
      }
    }
    return handles;
  }

  private static boolean isAsciiWordChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
  }

  private static boolean isHandleChar(int cp) {
    int type = Character.getType(cp);
    return Character.isLetter(cp) || cp == '_' || type == Character.DECIMAL_DIGIT_NUMBER
        || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
  }
}
