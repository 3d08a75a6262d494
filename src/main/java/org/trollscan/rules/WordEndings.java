package org.trollscan.rules;

import java.util.List;

/**
 * An ordered list of word endings, each of which says yes or no ({@code plural-endings.txt}:
 * whether a capitalised word is a plural rather than a name). The first ending a word ends with
 * decides; a word that none matches gets no. In an ending, {@value #ANY_LETTER} stands for any
 * one letter and {@value #ANY_CHARACTER} for any one character; every other character stands
 * for itself. Immutable.
 */
public record WordEndings(List<Ending> endings) {
  /** Stands for any one letter in an ending. */
  public static final char ANY_LETTER = '?';
  /** Stands for any one character in an ending. */
  public static final char ANY_CHARACTER = '.';

  /**
   * One line: an ending and what it says.
   *
   * @param yes whether a word with this ending is one ("+") or not ("-")
   * @param ending the ending, with {@link #ANY_LETTER} and {@link #ANY_CHARACTER}
   */
  public record Ending(boolean yes, String ending) {
    /** Whether {@code word} ends with this ending. */
    boolean ends(String word) {
      int start = word.length() - ending.length();
      if (start < 0) {
        return false;
      }
      for (int k = 0; k < ending.length(); k++) {
        char e = ending.charAt(k);
        char w = word.charAt(start + k);
        if (e == ANY_LETTER ? !Character.isLetter(w) : e != ANY_CHARACTER && e != w) {
          return false;
        }
      }
      return true;
    }
  }

  /** @param endings the endings in the order they are tried */
  public WordEndings {
    endings = List.copyOf(endings);
  }

  /** What the first ending {@code word} ends with says, or false when it ends with none. */
  public boolean test(String word) {
    for (Ending e : endings) {
      if (e.ends(word)) {
        return e.yes();
      }
    }
    return false;
  }
}
