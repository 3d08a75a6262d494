package org.trollscan.rules;

import org.trollscan.annotate.Annotation;
import org.trollscan.annotate.CueMatcher;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trollscan.annotate.TextAnalyzer;

class LexiconsTest {
  @Test
  void alternativesExpandLeftmostGroupOutermostAndAnEmptyOneDropsTheWord() {
    assertEquals(List.of("send* love", "send* a card", "send* her love", "send* her a card"),
        Lexicons.expand("send* (|her) (love|a card)"));
    assertEquals(List.of("report*"), Lexicons.expand("report*"));
  }

  @Test
  void anUnclosedGroupIsALexiconError() {
    assertThrows(IllegalStateException.class, () -> Lexicons.expand("call* (her|him a"));
  }

  @Test
  void theShippedExceptionsAreExpandedIntoPhrases() {
    List<String> phrases = Rules.fromClasspath().lexicons().phrasesByCue().get("not_report_verb").stream()
        .map(words -> String.join(" ", words)).toList();
    assertTrue(phrases.contains("call* xxuser names"), phrases.toString());
    assertTrue(phrases.contains("send* them best wishes"), phrases.toString());
    assertTrue(phrases.stream().noneMatch(p -> p.contains("(") || p.contains("  ")));
  }
  private final TextAnalyzer analyzer = TextAnalyzer.forTokenizer("forum", Rules.fromClasspath());

  /** Calls {@code check} with each feature cue's phrases, "*" dropped: (cue, phrase). */
  private static void forEachFeaturePhrase(java.util.function.BiConsumer<String, String> check) {
    String cue = null;
    for (String line : Rules.texts(Rules.lines(Rules.CUES, Rules.fromClasspath().files().get(Rules.CUES)))) {
      if (line.startsWith("[")) {
        cue = line.substring(1, line.length() - 1);
      } else if (Rules.fromClasspath().isFeatureCue(cue)) {
        for (String phrase : Lexicons.expand(line)) {
          check.accept(cue, phrase.replace("*", ""));
        }
      }
    }
  }

  @Test
  void everyPhraseOfAFeatureCueMatchesAPostThatSaysItAsWritten() {
    List<String> unmatched = new ArrayList<>();
    forEachFeaturePhrase((cue, post) -> {
      if (analyzer.analyze(post).get(Annotation.CUES).stream().noneMatch(m -> m.cue().equals(cue))) {
        unmatched.add(cue + ": " + post);
      }
    });
    assertEquals(List.of(), unmatched);
  }

  /**
   * A phrase that only matches where another phrase of its cue matches ("she's" beside "she",
   * whose clitic base matches it; "complaint*" beside "complain*") would match the same tokens
   * twice, and evidence would count the span twice.
   */
  @Test
  void noPhraseMatchesTheSameTokensAsAnotherPhraseOfItsCue() {
    java.util.Set<String> twice = new java.util.TreeSet<>();
    forEachFeaturePhrase((cue, post) -> {
      java.util.Set<CueMatcher.CueMatch> seen = new java.util.HashSet<>();
      for (CueMatcher.CueMatch m : analyzer.analyze(post).get(Annotation.CUES)) {
        if (!seen.add(m)) {
          twice.add(m.cue() + ": " + post);
        }
      }
    });
    assertEquals(java.util.Set.of(), twice);
  }
}
