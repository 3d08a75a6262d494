package org.trollscan.text;

import java.util.List;

/**
 * Finds an act of reporting that the writer condemns: the clause before a condemnation
 * ("is vile", "should be ashamed", "is not accountability") when that clause holds a report verb
 * or a call to action. In "ringing social services on a mum over a video is vile" the writer
 * does not urge ringing social services; marking the clause keeps its words from counting as if
 * they did. A clause without a report verb is left alone: in "she is vile" the words before the
 * predicate are the target of an insult, not a condemned act.
 */
final class CondemnedActScope {
  private final PhraseIndex condemnations;
  private final CueFeatures cues;

  CondemnedActScope(Lexicons lexicons, CueFeatures cues) {
    this.condemnations =
        new PhraseIndex(lexicons.phrasesByCue().getOrDefault("condemnation2", List.of()));
    this.cues = cues;
  }

  boolean[] mark(String[] tokens, int[] sentence) {
    boolean[] condemned = new boolean[tokens.length];
    List<CueFeatures.CueMatch> matches = null;
    int previousEnd = 0;
    for (int c = 0; c < tokens.length; c++) {
      int length = condemnations.longestAt(tokens, c);
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

  private static boolean endsClause(String token) {
    char c = token.charAt(0);
    return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == '"';
  }
}
