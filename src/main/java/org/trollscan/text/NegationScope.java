package org.trollscan.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the tokens a negation scopes over: from the end of a negation phrase of the lexicon
 * ("nobody", "don't", "no need to") to the next punctuation mark, "but", the end of the sentence,
 * or {@value #MAX_TOKENS} tokens, whichever comes first. In "nobody should report her, she's
 * done nothing" the scope is "should report her". Marking words in scope is the classic
 * bag-of-words treatment of negation (Das and Chen 2001; Pang, Lee and Vaithyanathan 2002): a
 * negated "report" becomes a feature of its own instead of counting as a call to report.
 */
final class NegationScope {
  static final int MAX_TOKENS = 6;

  /** Negation phrases by their first word. */
  private final Map<String, List<String[]>> phrasesByFirstWord = new HashMap<>();

  NegationScope(Lexicons lexicons) {
    for (String[] phrase : lexicons.phrasesByCue().getOrDefault("negation", List.of())) {
      phrasesByFirstWord.computeIfAbsent(phrase[0], k -> new ArrayList<>()).add(phrase);
    }
  }

  boolean[] mark(String[] tokens, int[] sentence) {
    boolean[] negated = new boolean[tokens.length];
    for (int i = 0; i < tokens.length; i++) {
      int end = matchEnd(tokens, i);
      if (end < 0) {
        continue;
      }
      for (int k = end; k < tokens.length && k < end + MAX_TOKENS; k++) {
        if (endsScope(tokens[k]) || sentence[k] != sentence[i]) {
          break;
        }
        negated[k] = true;
      }
    }
    return negated;
  }

  /** The token after the negation phrase starting at {@code at}, or -1 when none starts there. */
  private int matchEnd(String[] tokens, int at) {
    List<String[]> phrases = phrasesByFirstWord.get(tokens[at]);
    if (phrases == null) {
      return -1;
    }
    for (String[] phrase : phrases) {
      if (at + phrase.length > tokens.length) {
        continue;
      }
      boolean match = true;
      for (int k = 0; k < phrase.length && match; k++) {
        match = tokens[at + k].equals(phrase[k]);
      }
      if (match) {
        return at + phrase.length;
      }
    }
    return -1;
  }

  private static boolean endsScope(String token) {
    char c = token.charAt(0);
    return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == '"'
        || c == '(' || c == ')' || token.equals("but");
  }
}
