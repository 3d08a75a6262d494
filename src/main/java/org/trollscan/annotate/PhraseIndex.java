package org.trollscan.annotate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Lexicon phrases indexed by their first word, matched exactly against tokens. Immutable. */
public final class PhraseIndex {
  private final Map<String, List<String[]>> byFirstWord = new HashMap<>();

  public PhraseIndex(List<String[]> phrases) {
    for (String[] phrase : phrases) {
      byFirstWord.computeIfAbsent(phrase[0], k -> new ArrayList<>()).add(phrase);
    }
  }

  /** The length in tokens of the longest phrase starting at {@code at}, or 0 when none does. */
  public int longestAt(String[] tokens, int at) {
    List<String[]> phrases = byFirstWord.get(tokens[at]);
    int longest = 0;
    if (phrases == null) {
      return longest;
    }
    for (String[] phrase : phrases) {
      boolean match = at + phrase.length <= tokens.length;
      for (int k = 0; k < phrase.length && match; k++) {
        match = tokens[at + k].equals(phrase[k]);
      }
      if (match) {
        longest = Math.max(longest, phrase.length);
      }
    }
    return longest;
  }
}
