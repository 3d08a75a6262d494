package org.trollscan.annotate;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.trollscan.rules.Lexicons;
import org.trollscan.rules.Rules;

/**
 * Finds an act of reporting that the writer condemns, in three shapes:
 * <ul>
 *   <li>the clause before a condemnation ("is vile", "should be ashamed", "is not
 *       accountability") when that clause holds a report verb or a call to action: in "ringing
 *       social services on a mum over a video is vile" the writer does not urge ringing social
 *       services;
 *   <li>a sentence that a one-word verdict follows ("Trolls reported her to social services.
 *       Sick."), when it describes a report (a quote is marked as such already; marking the
 *       words around it too lost the writer's own framing, "trolls called her", in a trial);
 *   <li>the clause after "it's [so] cruel that" and the like ("it's so cruel that someone sent
 *       police to her house").
 * </ul>
 * Marking these words keeps them from counting as if the writer made the call. A clause
 * without a report verb is left alone: in "she is vile" the words before the predicate are the
 * target of an insult, not a condemned act. A call to action, or an imperative report verb
 * opening the sentence, is never marked by a verdict after it: in "Ring social services on her.
 * Disgusting." the verdict is about the target, and so it is after the writer's own insult.
 */
final class CondemnedActScope implements Annotator {
  /** Words that may stand around a verdict in a verdict-only sentence: "so sick", "vile stuff". */
  private final Set<String> verdictFillers;
  /** Words that may open "it's (so) cruel that" before the verdict. */
  private final Set<String> itIs;
  /** Words that join such a verdict to the clause it condemns: "that". */
  private final Set<String> verdictThat;

  private final PhraseIndex condemnations;
  private final PhraseIndex verdicts;

  /** A sentence of more words than this is no verdict-only sentence. */
  private final int verdictMaxWords;

  /** @param verdictMaxWords the most words of a verdict-only sentence ("Sick.", "So vile.") */
  CondemnedActScope(Rules rules, int verdictMaxWords) {
    this.verdictMaxWords = verdictMaxWords;
    Lexicons lexicons = rules.lexicons();
    this.verdictFillers = rules.words(Rules.VERDICT_FILLERS);
    this.itIs = rules.words(Rules.IT_IS);
    this.verdictThat = rules.words(Rules.VERDICT_THAT);
    this.condemnations =
        new PhraseIndex(lexicons.phrasesByCue().getOrDefault("condemnation2", List.of()));
    this.verdicts = new PhraseIndex(lexicons.phrasesByCue().getOrDefault("verdict", List.of()));
  }

  @Override
  public String name() {
    return "condemnation";
  }

  @Override
  public List<Annotation.Key<?>> requires() {
    return List.of(Annotation.TOKENS, Annotation.SENTENCES, Annotation.QUOTED, Annotation.CUES);
  }

  @Override
  public List<Annotation.Key<?>> provides() {
    return List.of(Annotation.CONDEMNED);
  }

  @Override
  public void annotate(Annotation post) {
    post.set(Annotation.CONDEMNED, mark(post.get(Annotation.TOKENS),
        post.get(Annotation.SENTENCES), post.get(Annotation.QUOTED), post.get(Annotation.CUES)));
  }

  /**
   * Marks condemned reports; {@code quoted} marks tokens inside quotes or quoted blocks, and
   * {@code matches} are the post's cue phrases.
   */
  boolean[] mark(String[] tokens, int[] sentence, boolean[] quoted,
      List<CueMatcher.CueMatch> matches) {
    boolean[] condemned = new boolean[tokens.length];
    int previousEnd = 0;
    for (int c = 0; c < tokens.length; c++) {
      int length = condemnations.longestAt(tokens, c);
      if (length == 0) {
        continue;
      }
      int start = c;
      while (start > previousEnd && sentence[start - 1] == sentence[c]
          && !NegationScope.endsClause(tokens[start - 1])) {
        start--;
      }
      previousEnd = c + length;
      if (holdsReport(matches, start, c)) {
        Arrays.fill(condemned, start, c, true);
      }
      c = previousEnd - 1;
    }
    markVerdicts(tokens, sentence, condemned, matches, quoted);
    return condemned;
  }

  /** The second and third shapes: a verdict-only sentence after, or "it's cruel that" before. */
  private void markVerdicts(String[] tokens, int[] sentence, boolean[] condemned,
      List<CueMatcher.CueMatch> matches, boolean[] quoted) {
    int start = 0;
    int previousStart = -1;
    while (start < tokens.length) {
      int end = start;
      while (end < tokens.length && sentence[end] == sentence[start]) {
        end++;
      }
      int verdictAt = verdictOnly(tokens, start, end);
      if (verdictAt >= 0 && previousStart >= 0) {
        int firstWord = previousStart;
        while (firstWord < start && !Character.isLetter(tokens[firstWord].charAt(0))) {
          firstWord++;
        }
        if (describesReport(matches, previousStart, start, firstWord, quoted)) {
          Arrays.fill(condemned, previousStart, start, true);
        }
      }
      int that = itIsVerdictThat(tokens, start, end);
      if (that >= 0) {
        if (holdsReport(matches, that + 1, end)) {
          Arrays.fill(condemned, that + 1, end, true);
        }
      }
      previousStart = start;
      start = end;
    }
  }

  /** Where the verdict starts when the sentence is a verdict and fillers only, else -1. */
  private int verdictOnly(String[] tokens, int start, int end) {
    int verdictAt = -1;
    int words = 0;
    for (int k = start; k < end; k++) {
      if (!Character.isLetter(tokens[k].charAt(0))) {
        continue;
      }
      if (++words > verdictMaxWords) {
        return -1;
      }
      int length = verdictAt < 0 ? verdicts.longestAt(tokens, k) : 0;
      if (length > 0) {
        verdictAt = k;
        k += length - 1;
      } else if (!verdictFillers.contains(tokens[k])) {
        return -1;
      }
    }
    return verdictAt;
  }

  /** The index of "that" ({@code verdict-that.txt}) in "it's (so) cruel that ...", or -1. */
  private int itIsVerdictThat(String[] tokens, int start, int end) {
    int k = start;
    while (k < end && (itIs.contains(tokens[k]) || !Character.isLetter(tokens[k].charAt(0)))) {
      k++;
    }
    if (k == start || k >= end) {
      return -1;
    }
    int length = verdicts.longestAt(tokens, k);
    int that = k + length;
    return length > 0 && that < end && verdictThat.contains(tokens[that]) ? that : -1;
  }

  private static boolean describesReport(List<CueMatcher.CueMatch> matches, int from, int to,
      int firstWord, boolean[] quoted) {
    boolean report = false;
    for (CueMatcher.CueMatch m : matches) {
      if (m.from() >= from && m.from() < to) {
        if (m.cue().equals("call_to_action")
            || m.cue().equals("report_verb") && m.from() == firstWord) {
          return false; // a call, then a verdict on its target
        }
        if ((m.cue().equals("insult") || m.cue().equals("threat")) && !quoted[m.from()]) {
          return false; // the writer's own insult, then a verdict on its target
        }
        report |= m.cue().equals("report_verb") && !quoted[m.from()];
      }
    }
    return report;
  }

  private static boolean holdsReport(List<CueMatcher.CueMatch> matches, int from, int to) {
    for (CueMatcher.CueMatch m : matches) {
      if (m.from() >= from && m.from() < to
          && (m.cue().equals("report_verb") || m.cue().equals("call_to_action"))) {
        return true;
      }
    }
    return false;
  }

}
