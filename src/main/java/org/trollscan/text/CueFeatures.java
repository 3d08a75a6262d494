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
    {"condemnation", "authority"}, {"condemnation", "report_verb"},
    {"reporting_news", "authority"}, {"genuine_concern", "authority"},
    {"own_case", "authority"}, {"advice", "authority"},
    {"profanity", "target_second"}, {"profanity", "target_third"},
    {"deception", "report_verb"}, {"deception", "authority"}, {"deception", "target_third"},
    {"condemnation2", "report_verb"}, {"condemnation2", "authority"},
  };
  private static final int NEGATION_SCOPE = 3;

  private record Entry(String cue, String[] words) {}

  /** A cue found in a post, over tokens {@code from} to {@code to} (exclusive). */
  public record CueMatch(String cue, int from, int to) {}

  private final Map<String, List<Entry>> byFirstWord = new HashMap<>();
  /** Single-word prefix entries ("report*"), indexed by their first two characters. */
  private final Map<String, List<Entry>> byPrefixStart = new HashMap<>();

  public CueFeatures(Lexicons lexicons) {
    lexicons.phrasesByCue().forEach((cue, phrases) -> {
      for (String[] words : phrases) {
        Entry e = new Entry(cue, words);
        if (words.length == 1 && words[0].endsWith("*")) {
          String prefix = words[0].substring(0, words[0].length() - 1);
          byPrefixStart.computeIfAbsent(prefix.substring(0, Math.min(2, prefix.length())),
              k -> new ArrayList<>()).add(e);
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
      List<Entry> candidates = first.length() < 2 ? byPrefixStart.get(first)
          : byPrefixStart.get(first.substring(0, 2));
      if (candidates != null) {
        for (Entry e : candidates) {
          String w = e.words()[0];
          if (first.regionMatches(0, w, 0, w.length() - 1)) {
            matches.add(new CueMatch(e.cue(), i, i + 1));
          }
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
    List<CueMatch> spoken = new ArrayList<>();
    List<CueMatch> quoted = new ArrayList<>();
    boolean[] inQuotes = text.quoted();
    for (CueMatch m : match(text.tokens())) {
      (inQuotes[m.from()] ? quoted : spoken).add(m);
    }
    // Reported speech is kept apart: quoting "ring social services on her" to condemn it is not
    // saying it.
    emit(spoken, SPOKEN, text.sentence(), sink);
    emit(quoted, QUOTED, text.sentence(), sink);
  }

  /** Cues a post needs for a label to apply at all; their absence is a feature too. */
  private static final String[][] ABSENCE = {
    {"no_target", "target_second", "target_third", "target_handle", "target_family"},
    {"no_authority", "authority"},
  };

  /**
   * Feature names for spoken or quoted cues, built once: the scoring path emits thousands of
   * cue features a second and should not concatenate strings for each.
   */
  private record Names(String prefix, Map<String, String> cue, Map<String, String> negated,
      String[] pairInPost, String[] pairInSentence) {
    static Names of(String prefix) {
      Map<String, String> cue = new HashMap<>();
      Map<String, String> negated = new HashMap<>();
      String[] inPost = new String[PAIRS.length];
      String[] inSentence = new String[PAIRS.length];
      for (int p = 0; p < PAIRS.length; p++) {
        inPost[p] = prefix + "d:" + PAIRS[p][0] + "+" + PAIRS[p][1];
        inSentence[p] = prefix + "s:" + PAIRS[p][0] + "+" + PAIRS[p][1];
      }
      return new Names(prefix, cue, negated, inPost, inSentence);
    }

    String cue(String name) {
      String n = cue.get(name);
      return n != null ? n : prefix + "cue:" + name;
    }

    String negated(String name) {
      String n = negated.get(name);
      return n != null ? n : prefix + "neg:" + name;
    }
  }

  private static final Names SPOKEN = Names.of("");
  private static final Names QUOTED = Names.of("q");

  static {
    for (Names names : List.of(SPOKEN, QUOTED)) {
      for (String cue : Lexicons.standard().phrasesByCue().keySet()) {
        names.cue().put(cue, names.prefix() + "cue:" + cue);
        names.negated().put(cue, names.prefix() + "neg:" + cue);
      }
      for (String[] absence : ABSENCE) {
        names.cue().put(absence[0], names.prefix() + "cue:" + absence[0]);
      }
    }
  }

  private static void emit(List<CueMatch> matches, Names names, int[] sentence,
      FeatureSink sink) {
    List<CueMatch> negations = new ArrayList<>();
    for (CueMatch m : matches) {
      if (m.cue().equals("negation")) {
        negations.add(m);
      }
    }
    List<CueMatch> counted = new ArrayList<>(matches.size());
    for (CueMatch m : matches) {
      CueMatch negatedBy = NEGATABLE.contains(m.cue()) ? negation(m, negations) : null;
      if (negatedBy != null) {
        // "nobody should report her": the report verb is negated, so it neither counts as a
        // report verb nor pairs with the authority or the target.
        sink.add(names.negated(m.cue()), negatedBy.from(), m.to());
        continue;
      }
      sink.add(names.cue(m.cue()), m.from(), m.to());
      counted.add(m);
    }
    if (names == SPOKEN) {
      for (String[] absence : ABSENCE) {
        boolean present = false;
        for (CueMatch m : counted) {
          for (int k = 1; k < absence.length; k++) {
            present |= m.cue().equals(absence[k]);
          }
        }
        if (!present) {
          sink.add(names.cue(absence[0]), 0, 0);
        }
      }
    }
    for (int p = 0; p < PAIRS.length; p++) {
      CueMatch bestA = null;
      CueMatch bestB = null;
      int bestDistance = Integer.MAX_VALUE;
      boolean sameSentence = false;
      for (CueMatch a : counted) {
        if (!a.cue().equals(PAIRS[p][0])) {
          continue;
        }
        for (CueMatch b : counted) {
          if (!b.cue().equals(PAIRS[p][1]) || a.from() < b.to() && b.from() < a.to()) {
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
      sink.add(names.pairInPost()[p], from, to);
      if (sameSentence) {
        sink.add(names.pairInSentence()[p], from, to);
      }
    }
  }

  private static final java.util.Set<String> NEGATABLE =
      java.util.Set.of("report_verb", "call_to_action", "harm_intent", "threat");

  /** The negation that scopes over a cue: one ending at most three tokens before it. */
  private static CueMatch negation(CueMatch m, List<CueMatch> negations) {
    for (CueMatch n : negations) {
      if (n.to() <= m.from() && m.from() - n.to() < NEGATION_SCOPE) {
        return n;
      }
    }
    return null;
  }
}
