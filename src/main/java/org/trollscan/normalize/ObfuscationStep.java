package org.trollscan.normalize;

import java.util.List;
import java.util.Set;

/**
 * Undoes leetspeak and starred letters in words that matter to the labels: "r3p0rt" becomes
 * "report", "s0c1al" "social", "c*ll" "call", "f**king" "fucking". A word is rewritten only when
 * the rewrite is in the vocabulary of words worth recovering, so "2nd", "10pm" and "999" stay.
 */
public final class ObfuscationStep implements NormalizationStep {
  /** A word that may be obfuscated: letters, digits and the masks @ $ * | ! ("r3p0rt", "c*ll"). */
  private static boolean isCandidateChar(char c) {
    return Character.isLetterOrDigit(c) || c == '@' || c == '$' || c == '*' || c == '|' || c == '!';
  }

  private final Set<String> vocabulary;
  private final List<String> vocabularyByPriority;

  public ObfuscationStep(List<String> vocabularyByPriority) {
    this.vocabularyByPriority = List.copyOf(vocabularyByPriority);
    this.vocabulary = Set.copyOf(vocabularyByPriority);
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

  /** Only text with a digit or one of @ $ * | ! can hold an obfuscated word. */
  private static boolean hasMaskCharacter(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9' || c == '@' || c == '$' || c == '*' || c == '|' || c == '!') {
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
    StringBuilder leet = new StringBuilder(word.length());
    boolean hasStar = false;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      char mapped = switch (c) {
        case '0' -> 'o';
        case '1', '!', '|' -> 'i';
        case '3' -> 'e';
        case '4', '@' -> 'a';
        case '5', '$' -> 's';
        case '7' -> 't';
        case '8' -> 'b';
        case '9' -> 'g';
        default -> c;
      };
      if (c == '*') {
        hasStar = true;
      }
      leet.append(mapped);
    }
    String candidate = leet.toString();
    if (!hasStar) {
      if (vocabulary.contains(candidate)) {
        return candidate;
      }
      String withL = candidate.replace('i', 'l');
      for (int i = 0; i < word.length(); i++) {
        char c = word.charAt(i);
        if (c == '1' || c == '|') {
          String alt = candidate.substring(0, i) + 'l' + candidate.substring(i + 1);
          if (vocabulary.contains(alt)) {
            return alt;
          }
        }
      }
      return vocabulary.contains(withL) ? withL : null;
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
