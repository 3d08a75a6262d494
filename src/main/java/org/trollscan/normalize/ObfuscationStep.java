package org.trollscan.normalize;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Undoes leetspeak and starred letters in words that matter to the labels: "r3p0rt" becomes
 * "report", "s0c1al" "social", "c*ll" "call", "f**king" "fucking". A word is rewritten only when
 * the rewrite is in the vocabulary of words worth recovering, so "2nd", "10pm" and "999" stay.
 */
public final class ObfuscationStep implements NormalizationStep {
  /** The mask that stands for any one letter ("c*ll"): the step's own rule, not table data. */
  public static final char ANY_LETTER = '*';

  /**
   * The characters read as letters, from the model's rule file {@code leet.txt}: '3' is 'e',
   * '$' is 's'. A character may have a second letter, tried when the first gives no word ('1'
   * is 'i', else 'l').
   *
   * @param letters each character's letter, in the file's order
   * @param second the second letter of the characters that have one, in the file's order
   */
  public record Leet(Map<Character, Character> letters, Map<Character, Character> second) {
    public Leet {
      letters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(letters));
      second = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(second));
      for (Map.Entry<Character, Character> e : letters.entrySet()) {
        char c = e.getKey();
        if (!isMaskable(c)) {
          throw new IllegalArgumentException("'" + c + "' cannot stand for a letter: a letter, a"
              + " space, '#' or '" + ANY_LETTER + "'");
        }
        if (!isLowerCaseLetter(e.getValue())) {
          throw new IllegalArgumentException("'" + e.getValue() + "' is no lower-case letter");
        }
      }
      for (Map.Entry<Character, Character> e : second.entrySet()) {
        if (!letters.containsKey(e.getKey())) {
          throw new IllegalArgumentException("'" + e.getKey() + "' has a second letter only");
        }
        if (!isLowerCaseLetter(e.getValue())) {
          throw new IllegalArgumentException("'" + e.getValue() + "' is no lower-case letter");
        }
      }
    }

    /** Whether a character can stand for a letter in a table: not a letter, space, '#' or '*'. */
    public static boolean isMaskable(char c) {
      return !Character.isLetter(c) && !Character.isWhitespace(c) && c != '#' && c != ANY_LETTER
          && !Character.isISOControl(c);
    }

    private static boolean isLowerCaseLetter(char c) {
      return Character.isLetter(c) && Character.isLowerCase(c);
    }
  }

  private final Set<String> vocabulary;
  private final List<String> vocabularyByPriority;
  private final Leet leet;
  /**
   * The table's ASCII characters as arrays (0 for none): the step looks at every character of
   * every post, and a map lookup there would box each one.
   */
  private final char[] asciiLetter = new char[128];
  private final char[] asciiSecond = new char[128];
  /**
   * The table's other characters (the shipped table has none), searched in turn: a map lookup
   * for every accented letter or emoji of a post boxed each one and cost a hash look-up.
   */
  private final char[] otherChars;
  private final char[] otherLetters;
  private final char[] otherSeconds;

  /**
   * @param vocabularyByPriority the words it may recover, the first of a shape winning for
   *     starred words
   * @param leet the characters read as letters
   */
  public ObfuscationStep(List<String> vocabularyByPriority, Leet leet) {
    this.vocabularyByPriority = List.copyOf(vocabularyByPriority);
    this.vocabulary = Set.copyOf(vocabularyByPriority);
    this.leet = leet;
    leet.letters().forEach((c, letter) -> {
      if (c < 128) {
        asciiLetter[c] = letter;
      }
    });
    leet.second().forEach((c, letter) -> {
      if (c < 128) {
        asciiSecond[c] = letter;
      }
    });
    StringBuilder chars = new StringBuilder();
    StringBuilder letters = new StringBuilder();
    StringBuilder seconds = new StringBuilder();
    leet.letters().forEach((c, letter) -> {
      if (c >= 128) {
        chars.append(c.charValue());
        letters.append(letter.charValue());
        seconds.append(leet.second().getOrDefault(c, (char) 0).charValue());
      }
    });
    this.otherChars = chars.toString().toCharArray();
    this.otherLetters = letters.toString().toCharArray();
    this.otherSeconds = seconds.toString().toCharArray();
  }

  /** The letter a character stands for, or 0 when the table has none. */
  private char letterOf(char c) {
    if (c < 128) {
      return asciiLetter[c];
    }
    for (int k = 0; k < otherChars.length; k++) {
      if (otherChars[k] == c) {
        return otherLetters[k];
      }
    }
    return 0;
  }

  /** The second letter a character stands for, or 0 when the table has none. */
  private char secondOf(char c) {
    if (c < 128) {
      return asciiSecond[c];
    }
    for (int k = 0; k < otherChars.length; k++) {
      if (otherChars[k] == c) {
        return otherSeconds[k];
      }
    }
    return 0;
  }

  /** A word that may be obfuscated: letters, digits, the table's characters and '*'. */
  private boolean isCandidateChar(char c) {
    return Character.isLetterOrDigit(c) || c == ANY_LETTER || letterOf(c) != 0;
  }

  @Override
  public MappedText apply(MappedText in) {
    String s = in.text();
    if (!hasMaskCharacter(s)) {
      return in;
    }
    MappedText.Builder out = null;
    int at = 0;
    for (int start = 0, stop; start < s.length(); start = stop) {
      stop = start;
      while (stop < s.length() && isCandidateChar(s.charAt(stop))) {
        stop++;
      }
      if (stop == start) {
        stop++;
        continue;
      }
      String word = s.substring(start, stop);
      if (!looksObfuscated(word)) {
        continue;
      }
      int end = stop;
      String recovered = recover(word);
      if (recovered == null) {
        // "r3port!!!": try again without the trailing exclamation marks.
        int trimmedEnd = stop;
        while (trimmedEnd > start && s.charAt(trimmedEnd - 1) == '!') {
          trimmedEnd--;
        }
        String trimmed = s.substring(start, trimmedEnd);
        if (trimmedEnd < stop && looksObfuscated(trimmed)) {
          recovered = recover(trimmed);
          end = trimmedEnd;
        }
      }
      if (recovered == null || recovered.length() != end - start) {
        continue;
      }
      if (out == null) {
        out = in.newBuilder();
      }
      out.copy(in, at, start);
      for (int i = start; i < end; i++) {
        out.append(recovered.charAt(i - start), in.from(i));
      }
      at = end;
    }
    if (out == null) {
      return in;
    }
    out.copy(in, at, s.length());
    return out.build();
  }

  /** Only text with a digit, '*' or a character of the table can hold an obfuscated word. */
  private boolean hasMaskCharacter(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9' || c == ANY_LETTER || letterOf(c) != 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean looksObfuscated(String word) {
    boolean letter = false;
    boolean mask = false;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (Character.isLetter(c)) {
        letter = true;
      } else {
        mask = true;
      }
    }
    return letter && mask && word.length() >= 2;
  }

  /** The vocabulary word this obfuscated word stands for, or null when there is none. */
  String recover(String word) {
    StringBuilder read = new StringBuilder(word.length());
    boolean hasStar = false;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      char letter = letterOf(c);
      char mapped = letter == 0 ? c : letter;
      if (c == ANY_LETTER) {
        hasStar = true;
      }
      read.append(mapped);
    }
    String candidate = read.toString();
    if (!hasStar) {
      if (vocabulary.contains(candidate)) {
        return candidate;
      }
      if (leet.second().isEmpty()) {
        return null;
      }
      for (int i = 0; i < word.length(); i++) {
        char second = secondOf(word.charAt(i));
        if (second != 0) {
          String alt = candidate.substring(0, i) + second + candidate.substring(i + 1);
          if (vocabulary.contains(alt)) {
            return alt;
          }
        }
      }
      // Every letter that a character with a second letter stands for, wherever it stands
      // (written letters too: "c1aim" is tried as "clalm"), as the step always did.
      String all = candidate;
      for (Map.Entry<Character, Character> e : leet.second().entrySet()) {
        all = all.replace(leet.letters().get(e.getKey()), e.getValue());
      }
      return vocabulary.contains(all) ? all : null;
    }
    // Stars stand for unknown letters: the first vocabulary word of the same shape wins.
    for (String v : vocabularyByPriority) {
      if (v.length() == candidate.length() && matchesMasked(candidate, v)) {
        return v;
      }
    }
    return null;
  }

  private static boolean matchesMasked(String masked, String word) {
    for (int i = 0; i < masked.length(); i++) {
      char c = masked.charAt(i);
      if (c != '*' && c != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
