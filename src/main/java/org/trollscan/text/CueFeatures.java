package org.trollscan.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cues from the shipped lexicons ({@code cues.txt}) and their co-occurrence: an authority, a
 * report verb, a call to action, a personal target, and pairs of them in one sentence ("s:") or
 * one post ("d:"), such as {@code s:report_verb+authority} for "ring social services". These
 * carry the labelling guidelines' signals to posts whose exact words the training data never saw.
 */
public final class CueFeatures implements TextFeatureGenerator {
  /** Cue pairs whose co-occurrence matters to a label; order inside a pair is irrelevant. */
  private static final String[][] PAIRS = {
    {"report_verb", "authority"}, {"call_to_action", "report_verb"},
    {"call_to_action", "authority"}, {"coaching", "authority"}, {"coaching", "report_verb"},
    {"brag", "authority"}, {"brag", "report_verb"}, {"report_verb", "target_third"},
    {"report_verb", "target_handle"}, {"report_verb", "target_second"},
    {"authority", "target_third"}, {"authority", "target_handle"}, {"authority", "target_family"},
    {"harm_intent", "target_third"}, {"harm_intent", "target_family"},
    {"harm_intent", "target_handle"}, {"harm_intent", "authority"},
    {"insult", "target_second"}, {"insult", "target_third"}, {"insult", "target_handle"},
    {"threat", "target_second"}, {"threat", "target_third"}, {"threat", "target_handle"},
    {"doxxing", "target_third"}, {"doxxing", "target_handle"}, {"doxxing", "authority"},
    {"negation", "report_verb"}, {"negation", "call_to_action"},
    {"condemnation", "authority"}, {"condemnation", "report_verb"},
    {"reporting_news", "authority"}, {"genuine_concern", "authority"},
    {"own_case", "authority"}, {"advice", "authority"},
    {"profanity", "target_second"}, {"profanity", "target_third"},
  };
  private static final int NEGATION_SCOPE = 3;

  private record Entry(String cue, String[] words) {}

  /** A cue found in a post, over tokens {@code from} to {@code to} (exclusive). */
  public record CueMatch(String cue, int from, int to) {}

  private final Map<String, List<Entry>> byFirstWord = new HashMap<>();
  private final List<Entry> byFirstWordPrefix = new ArrayList<>();

  public CueFeatures(Lexicons lexicons) {
    lexicons.phrasesByCue().forEach((cue, phrases) -> {
      for (String[] words : phrases) {
        Entry e = new Entry(cue, words);
        if (words.length == 1 && words[0].endsWith("*")) {
          byFirstWordPrefix.add(e);
        } else {
          byFirstWord.computeIfAbsent(words[0], k -> new ArrayList<>()).add(e);
        }
      }
    });
  }

  @Override
  public String family() {
    return "cue";
  }

  /** Every cue phrase in the post, in token order. */
  public List<CueMatch> match(String[] tokens) {
    List<CueMatch> matches = new ArrayList<>();
    for (int i = 0; i < tokens.length; i++) {
      String first = tokens[i];
      for (Entry e : byFirstWord.getOrDefault(first, List.of())) {
        if (matchesAt(e.words(), tokens, i)) {
          matches.add(new CueMatch(e.cue(), i, i + e.words().length));
        }
      }
      for (Entry e : byFirstWordPrefix) {
        String w = e.words()[0];
        if (first.startsWith(w.substring(0, w.length() - 1))) {
          matches.add(new CueMatch(e.cue(), i, i + 1));
        }
      }
    }
    return matches;
  }

  private static boolean matchesAt(String[] words, String[] tokens, int at) {
    if (at + words.length > tokens.length) {
      return false;
    }
    for (int k = 0; k < words.length; k++) {
      String w = words[k];
      String t = tokens[at + k];
      boolean ok = w.endsWith("*") ? t.startsWith(w.substring(0, w.length() - 1)) : t.equals(w);
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void generate(AnalyzedText text, FeatureSink sink) {
    List<CueMatch> matches = match(text.tokens());
    Map<String, List<CueMatch>> byCue = new HashMap<>();
    for (CueMatch m : matches) {
      sink.add("cue:" + m.cue(), m.from(), m.to());
      byCue.computeIfAbsent(m.cue(), k -> new ArrayList<>()).add(m);
    }
    int[] sentence = text.sentence();
    for (String[] pair : PAIRS) {
      List<CueMatch> as = byCue.get(pair[0]);
      List<CueMatch> bs = byCue.get(pair[1]);
      if (as == null || bs == null) {
        continue;
      }
      CueMatch bestA = null;
      CueMatch bestB = null;
      int bestDistance = Integer.MAX_VALUE;
      boolean sameSentence = false;
      for (CueMatch a : as) {
        for (CueMatch b : bs) {
          if (a.from() < b.to() && b.from() < a.to()) {
            continue; // one phrase matching two cues is not a pair
          }
          boolean same = sentence[a.from()] == sentence[b.from()];
          int distance = Math.abs(a.from() - b.from());
          if (same && !sameSentence || same == sameSentence && distance < bestDistance) {
            bestA = a;
            bestB = b;
            bestDistance = distance;
            sameSentence = same;
          }
        }
      }
      if (bestA == null) {
        continue;
      }
      int from = Math.min(bestA.from(), bestB.from());
      int to = Math.max(bestA.to(), bestB.to());
      String name = pair[0] + "+" + pair[1];
      sink.add("d:" + name, from, to);
      if (sameSentence) {
        sink.add("s:" + name, from, to);
      }
    }
    List<CueMatch> negations = byCue.getOrDefault("negation", List.of());
    for (CueMatch m : matches) {
      if (!m.cue().equals("report_verb") && !m.cue().equals("call_to_action")
          && !m.cue().equals("harm_intent")) {
        continue;
      }
      for (CueMatch n : negations) {
        if (n.to() <= m.from() && m.from() - n.to() < NEGATION_SCOPE) {
          sink.add("neg:" + m.cue(), n.from(), m.to());
        }
      }
    }
  }
}
