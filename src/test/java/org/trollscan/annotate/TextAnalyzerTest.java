package org.trollscan.annotate;

import org.trollscan.rules.Rules;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextAnalyzerTest {
  private final TextAnalyzer analyzer = TextAnalyzer.forTokenizer("forum", Rules.fromClasspath());

  @Test
  void aChainWhoseAnnotatorNeedsWhatNoEarlierStageProvidesIsRefused() {
    Rules rules = Rules.fromClasspath();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> TextAnalyzer.checked(java.util.List.of(new NegationScope(6), new CueMatcher(rules))));
    assertEquals("negation requires cues, which no stage before it provides", e.getMessage());
    CueMatcher cues = new CueMatcher(rules);
    e = assertThrows(IllegalStateException.class, () -> TextAnalyzer.checked(
        java.util.List.of(new NameTargets(rules, cues), cues, cues)));
    assertEquals("cues provides cues again", e.getMessage());
  }

  @Test
  void forumTokenizerKeepsContractionsAndSplitsHyphensAndPunctuationRuns() {
    AnalyzedText t = analyzer.analyze("Don't mass-report her!!! 😂😂 ok?");
    assertArrayEquals(new String[] {"don't", "mass", "-", "report", "her", "!!", "😂", "😂", "ok", "?"},
        t.tokens());
  }

  @Test
  void numbersKeepTheirSeparatorsButSentenceEndsAndListsSplit() {
    assertArrayEquals(new String[] {"£", "500,000", "in", "2.5", "years", ".", "1", ",", "2", "."},
        analyzer.analyze("£500,000 in 2.5 years. 1, 2.").tokens());
  }

  @Test
  void sentencesBreakAtFullStopsAndLineBreaks() {
    AnalyzedText t = analyzer.analyze("ring them. she is fine\nreally");
    assertEquals(0, t.sentence()[0]);
    assertEquals(1, t.sentence()[3]);
    assertEquals(2, t.sentence()[t.tokens().length - 1]);
  }

  @Test
  void originalPhraseQuotesTheTextAsWrittenEvenWhenObfuscated() {
    String post = "Pls r3port h3r to S O C I A L  S E R V I C E S today";
    AnalyzedText t = analyzer.analyze(post);
    assertEquals("report", t.tokens()[1]);
    assertEquals("r3port h3r", t.originalPhrase(1, 3));
    int social = java.util.Arrays.asList(t.tokens()).indexOf("social");
    assertEquals("S O C I A L  S E R V I C E S", t.originalPhrase(social, social + 2));
  }

  @Test
  void htmlInAScrapedPostIsReadAsTextAndEvidenceQuotesItAsScraped() {
    AnalyzedText t = analyzer.analyze("nobody should report her, don&#39;t");
    assertEquals("don't", t.tokens()[t.tokens().length - 1]);
    assertEquals("don&#39;t", t.originalPhrase(t.tokens().length - 1, t.tokens().length));
  }

  private static String quotedTokens(String post) {
    return MarkedTokens.of(post, AnalyzedText::quoted);
  }

  @Test
  void quotedEarlierPostsAreMarkedAsQuotedInEveryForumFormat() {
    assertEquals("> ring social services on her",
        quotedTokens("> ring social services on her\nthat's vile, reported"));
    assertEquals("> ring social services on her",
        quotedTokens("&gt; ring social services on her\nthat's vile, reported"));
    assertEquals("[ quote = bex ] ring the council on her [ / quote ]",
        quotedTokens("[quote=bex]ring the council on her[/quote] absolutely not"));
    assertEquals("bex said : ring the council on her click to expand",
        quotedTokens("Bex said:\nring the council on her\nClick to expand...\nabsolutely not"));
    assertEquals("ring the council", quotedTokens("she wrote \"ring the council\" which is vile"));
    assertEquals("", quotedTokens("ring the council on her, > 50 of us should"));
  }

  @Test
  void aQuoteTheReplyOnlyAgreesWithCountsAsTheWritersOwnWords() {
    assertEquals("", quotedTokens("> ring social services on her\nThis. Already done mine"));
    assertEquals("", quotedTokens("Bex said:\nring the council on her\nClick to expand...\n"
        + "Agreed!"));
    assertEquals("> ring social services on her",
        quotedTokens("> ring social services on her\nThis is vile"));
    assertEquals("> ring social services on her",
        quotedTokens("> ring social services on her\nAbsolutely not"));
  }

  @Test
  void udTokenizerFromMavenLoadsAndTokenizes() {
    AnalyzedText t =
        TextAnalyzer.forTokenizer("ud", Rules.fromClasspath()).analyze("ring social services on her");
    assertTrue(t.tokens().length >= 5);
  }
}
