package org.trollscan.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds an act of reporting that the writer condemns: the clause before a condemnation
 * ("is vile", "should be ashamed", "is not accountability") when that clause holds a report verb
 * or a call to action. In "ringing social services on a mum over a video is vile" the writer
 * does not urge ringing social services; marking the clause keeps its words from counting as if
 * they did. A clause without a report verb is left alone: in "she is vile" the words before the
 * predicate are the target of an insult, not a condemned act.
 */
final class CondemnedActScope {
  private final Map<String, List<String[]>> condemnationsByFirstWord = new HashMap<>();
  private final CueFeatures cues;

  CondemnedActScope(Lexicons lexicons, CueFeatures cues) {
    for (String[] phrase : lexicons.phrasesByCue().getOrDefault("condemnation2", List.of())) {
      condemnationsByFirstWord.computeIfAbsent(phrase[0], k -> new ArrayList<>()).add(phrase);
    }
    this.cues = cues;
  }

  boolean[] mark(String[] tokens, int[] sentence) {
    boolean[] condemned = new boolean[tokens.length];
    List<CueFeatures.CueMatch> matches = null;
    int previousEnd = 0;
    for (int c = 0; c < tokens.length; c++) {
      int length = condemnationAt(tokens, c);
      if (length == 0) {
        continue;
      }
      int start = c;
      while (start > previousEnd && sentence[start - 1] == sentence[c]
          && !endsClause(tokens[start - 1])) {
        start--;
      }
      previousEnd = c + length;
      if (matches == null) {
        matches = cues.match(tokens);
      }
      boolean reportInClause = false;
      for (CueFeatures.CueMatch m : matches) {
        reportInClause |= m.from() >= start && m.from() < c
            && (m.cue().equals("report_verb") || m.cue().equals("call_to_action"));
      }
      if (reportInClause) {
        for (int k = start; k < c; k++) {
          condemned[k] = true;
        }
      }
      c = previousEnd - 1;
    }
    return condemned;
  }

  /** The length of the longest condemnation phrase starting at {@code at}, or 0. */
  private int condemnationAt(String[] tokens, int at) {
    List<String[]> phrases = condemnationsByFirstWord.get(tokens[at]);
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

  private static boolean endsClause(String token) {
    char c = token.charAt(0);
    return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == '"';
  }
}
